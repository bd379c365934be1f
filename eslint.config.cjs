const wpConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	{
		ignores: [ '.local/**', 'build/**', 'test-results/**', 'artifacts/**' ],
	},
	...wpConfig,
	{
		files: [ '**/*.ts', '**/*.tsx' ],
		rules: {
			// TypeScript checks these itself (tsc --noEmit runs in npm test).
			'no-undef': 'off',
			'no-unused-vars': 'off',
		},
	},
	{
		files: [ 'tools/**', 'tests/**', '*.config.*', 'webpack.config.js' ],
		rules: {
			'no-console': 'off',
			'import/no-extraneous-dependencies': 'off',
		},
	},
	{
		// Tooling is TypeScript: a parameter's type and name are in its
		// signature, and a bare `@param name` would only restate them.
		// Parameters worth explaining still get a described @param.
		files: [ 'tools/**/*.ts', 'tests/**/*.ts', 'tests/**/*.tsx' ],
		rules: {
			'jsdoc/require-param': 'off',
			'jsdoc/check-param-names': [
				'error',
				{ disableMissingParamChecks: true },
			],
		},
	},
];
