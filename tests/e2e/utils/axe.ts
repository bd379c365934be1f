/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Internal dependencies
 */
import { axeExclusions } from '../axe-exclusions';

/**
 * A part of the page to check: a CSS selector, or a path of selectors
 * through iframes (e.g. the editor's canvas, then the block inside it).
 */
export type AxeTarget = string | string[];

/** WCAG 2.0 and 2.1, levels A and AA: what issue #17 asks for. */
const WCAG_21_AA = [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ];

/**
 * Runs axe-core over the page (or only `include`, a CSS selector) with the
 * WCAG 2.1 AA rules and expects no violation. The exclusions are the ones
 * in tests/e2e/axe-exclusions.ts, and nothing else: a check never passes
 * options of its own to look away.
 *
 * @param page    The page, in the state to check (a dialog open, a block selected).
 * @param include Only this part of the page, e.g. the block's wrapper, or
 *                these parts (each a selector or a path through iframes).
 */
export async function expectNoAxeViolations(
	page: Page,
	include?: string | AxeTarget[]
): Promise< void > {
	let builder = new AxeBuilder( { page } ).withTags( WCAG_21_AA );
	for ( const part of typeof include === 'string'
		? [ include ]
		: ( include ?? [] ) ) {
		builder = builder.include( part );
	}
	const everywhere = axeExclusions.filter(
		( exclusion ) => exclusion.rules.length === 0
	);
	for ( const exclusion of everywhere ) {
		builder = builder.exclude( exclusion.selector );
	}
	const { violations } = await builder.analyze();
	const ruled = axeExclusions.filter(
		( exclusion ) => exclusion.rules.length > 0
	);
	const remaining = violations
		.map( ( violation ) => ( {
			...violation,
			nodes: violation.nodes.filter(
				( node ) =>
					! ruled.some(
						( exclusion ) =>
							exclusion.rules.includes( violation.id ) &&
							node.target.some(
								( target ) =>
									String( target ) === exclusion.selector
							)
					)
			),
		} ) )
		.filter( ( violation ) => violation.nodes.length > 0 );
	// The message names each rule and the elements, so a failure says what to fix.
	expect(
		remaining.map( ( violation ) => ( {
			rule: violation.id,
			help: violation.help,
			nodes: violation.nodes.map( ( node ) => node.target.join( ' ' ) ),
		} ) )
	).toEqual( [] );
}
