const wpJest = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...wpJest,
	roots: [ '<rootDir>/blocks', '<rootDir>/src', '<rootDir>/tests/js' ],
	testMatch: [
		'**/test/**/*.test.[jt]s?(x)',
		'<rootDir>/tests/js/**/*.test.[jt]s?(x)',
	],
	setupFilesAfterEnv: [ '<rootDir>/tests/js/setup.ts' ],
	// @wordpress/components depends on packages that ship only ES modules
	// (uuid 14, @wordpress/theme), which Jest must transform to load.
	transform: {
		'\\.m?[jt]sx?$':
			require.resolve( '@wordpress/scripts/config/babel-transform' ),
	},
	transformIgnorePatterns: [ '/node_modules/(?!(uuid|@wordpress/theme)/)' ],
};
