import {
	createHash,
	createHmac,
	randomBytes,
	timingSafeEqual,
} from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function base64url( data: Buffer ): string {
	return data.toString( 'base64url' );
}

/**
 * Random base64url text of exactly `length` characters.
 */
export function randomToken( length: number ): string {
	return randomBytes( Math.ceil( ( length * 3 ) / 4 ) + 1 )
		.toString( 'base64url' )
		.slice( 0, length );
}

/**
 * Random letters and digits only (for codes and ids that appear in URLs).
 */
export function randomAlnum( length: number ): string {
	const bytes = randomBytes( length );
	let out = '';
	for ( const byte of bytes ) {
		out += ALNUM[ byte % ALNUM.length ];
	}
	return out;
}

export function randomHex( bytes: number ): string {
	return randomBytes( bytes ).toString( 'hex' );
}

export function sha256Hex( data: string | Buffer ): string {
	return createHash( 'sha256' ).update( data ).digest( 'hex' );
}

export function sha1Hex( data: string | Buffer ): string {
	return createHash( 'sha1' ).update( data ).digest( 'hex' );
}

export function hmac( key: string, data: string ): Buffer {
	return createHmac( 'sha256', key ).update( data ).digest();
}

export function safeEqual( a: string, b: string ): boolean {
	const left = Buffer.from( a );
	const right = Buffer.from( b );
	return left.length === right.length && timingSafeEqual( left, right );
}
