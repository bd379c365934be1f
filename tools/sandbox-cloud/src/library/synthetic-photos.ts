import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import sharp from 'sharp';

import type { PhotoSources, SourcePhoto } from './photo-sources';

/**
 * A deterministic pseudo-random generator, so generated libraries are reproducible.
 */
export function seededRandom( seed: number ): () => number {
	/* eslint-disable no-bitwise -- mulberry32 is bit arithmetic by design */
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6d2b79f5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
	/* eslint-enable no-bitwise */
}

function scene( width: number, height: number, seed: number ): string {
	const rand = seededRandom( seed );
	const hue = Math.floor( rand() * 360 );
	const circles = Array.from( { length: 9 }, () => {
		const r = Math.floor( ( 0.05 + rand() * 0.2 ) * height );
		return `<circle cx="${ Math.floor( rand() * width ) }" cy="${ Math.floor( rand() * height ) }" r="${ r }" fill="hsl(${ ( hue + Math.floor( rand() * 120 ) ) % 360 },70%,${ 35 + Math.floor( rand() * 40 ) }%)" fill-opacity="0.75"/>`;
	} ).join( '' );
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${ width }" height="${ height }">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="hsl(${ hue },60%,75%)"/><stop offset="1" stop-color="hsl(${ ( hue + 40 ) % 360 },50%,25%)"/>
</linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${ circles }
<rect y="${ Math.floor( height * 0.7 ) }" width="100%" height="${ Math.ceil( height * 0.3 ) }" fill="hsl(${ ( hue + 180 ) % 360 },35%,30%)" fill-opacity="0.6"/>
</svg>`;
}

async function render(
	dir: string,
	file: string,
	width: number,
	height: number,
	seed: number,
	drawScale = 1
): Promise< SourcePhoto > {
	// Big images are drawn small and scaled up: SVG rendering is the slow part.
	const { data, info } = await sharp(
		Buffer.from(
			scene(
				Math.round( width / drawScale ),
				Math.round( height / drawScale ),
				seed
			)
		)
	)
		.removeAlpha()
		.raw()
		.toBuffer( { resolveWithObject: true } );
	await sharp( data, { raw: info } )
		.resize( width, height, { kernel: 'linear' } )
		.jpeg( { quality: 90 } )
		.toFile( join( dir, file ) );
	return {
		title: file.replace( /\.jpg$/, '' ).replace( /^[a-z]+-/, '' ),
		file,
	};
}

/**
 * Stand-ins for the Debian photographs on machines without apt (macOS, other Linux).
 */
export async function synthesizePhotos( dir: string ): Promise< PhotoSources > {
	mkdirSync( dir, { recursive: true } );
	const natureNames = [
		'Aqua',
		'Blinds',
		'Dune',
		'FreshFlower',
		'Garden',
		'GreenMeadow',
		'LadyBird',
		'RainDrops',
		'Storm',
		'TwoWings',
		'Wood',
		'YellowFlower',
	];
	const sceneNames = [
		'Autumn',
		'BytheWater',
		'ColdRipple',
		'ColorfulCups',
		'DarkestHour',
		'EveningGlow',
		'FallenLeaf',
		'Kite',
		'Path',
		'PastelHills',
	];
	const nature = await Promise.all(
		natureNames.map( ( name, i ) =>
			render( dir, `nature-${ name }.jpg`, 1600, 1000, 100 + i, 2 )
		)
	);
	const scenes = await Promise.all(
		sceneNames.map( ( name, i ) =>
			render( dir, `scene-${ name }.jpg`, 1920, 1200, 200 + i, 2 )
		)
	);
	return {
		kind: 'synthetic',
		nature,
		scenes,
		elephantsLarge: await render(
			dir,
			'elephants-Elephants_5640x3172.jpg',
			5640,
			3172,
			300,
			4
		),
		elephants: await render(
			dir,
			'elephants-Elephants.jpg',
			1920,
			1080,
			301,
			2
		),
		licences: [],
	};
}
