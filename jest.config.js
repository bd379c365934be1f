const wpJest = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...wpJest,
	roots: [ '<rootDir>/blocks', '<rootDir>/src', '<rootDir>/tests/js' ],
	testMatch: [
		'**/test/**/*.test.[jt]s?(x)',
		'<rootDir>/tests/js/**/*.test.[jt]s?(x)',
	],
	setupFilesAfterEnv: [ '<rootDir>/tests/js/setup.ts' ],
};
