/**
 * wp-scripts only discovers block.json inside its source folder, so the
 * entries are listed here explicitly (docs/development.md explains why).
 */
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const path = require( 'path' );
const [
	scriptConfig,
	moduleConfig,
] = require( '@wordpress/scripts/config/webpack.config' );

const root = ( file ) => path.resolve( __dirname, file );

module.exports = [
	{
		...scriptConfig,
		entry: {
			'gallery/index': root( 'blocks/gallery/index.ts' ),
			'settings/index': root( 'src/settings/index.tsx' ),
		},
	},
	{
		...moduleConfig,
		entry: {
			'gallery/view': root( 'blocks/gallery/view.ts' ),
		},
	},
].filter( ( config ) => Object.keys( config.entry ).length > 0 );
