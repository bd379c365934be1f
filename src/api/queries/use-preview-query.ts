/**
 * External dependencies
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchPreview } from '../preview';
import { queryKeys } from '../query-keys';
import { useDebouncedValue } from './use-debounced-value';

/** How long attributes must stay unchanged before the preview is fetched. */
const PREVIEW_DEBOUNCE_MS = 400;

interface Options {
	/** Milliseconds to wait for attributes to settle (tests pass 0). */
	debounceMs?: number;
	enabled?: boolean;
}

/**
 * The block's server-rendered markup. Dragging a slider does not send a
 * request per step, and the previous preview stays on screen (placeholder
 * data) while the next one loads, so nothing flickers.
 *
 * @param attributes         Block attributes.
 * @param postId             Post being edited, if any.
 * @param options            Debounce and enabled.
 * @param options.debounceMs Settling time in ms.
 * @param options.enabled    Whether to fetch at all.
 * @return The query; `data.rendered` is the HTML.
 */
export function usePreviewQuery(
	attributes: Record< string, unknown >,
	postId: number | null,
	{ debounceMs = PREVIEW_DEBOUNCE_MS, enabled = true }: Options = {}
) {
	const settled = useDebouncedValue( attributes, debounceMs );
	return useQuery( {
		queryKey: queryKeys.preview( settled, postId ),
		queryFn: ( { signal } ) => fetchPreview( settled, postId, signal ),
		placeholderData: keepPreviousData,
		enabled,
	} );
}
