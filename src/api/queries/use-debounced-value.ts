/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * The value, once it has stopped changing for `delay` ms. Values are
 * compared by their JSON so a new object with the same content is no change.
 *
 * @param value A JSON-serialisable value.
 * @param delay Milliseconds; 0 passes every change through at once.
 * @return The settled value.
 */
export function useDebouncedValue< T >( value: T, delay: number ): T {
	const [ settled, setSettled ] = useState( value );
	const serialized = JSON.stringify( value );
	useEffect( () => {
		if ( delay <= 0 ) {
			setSettled( JSON.parse( serialized ) as T );
			return;
		}
		const timer = setTimeout(
			() => setSettled( JSON.parse( serialized ) as T ),
			delay
		);
		return () => clearTimeout( timer );
	}, [ serialized, delay ] );
	return delay <= 0 ? value : settled;
}
