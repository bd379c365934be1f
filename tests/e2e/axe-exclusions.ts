/**
 * Every part of a page that the accessibility checks leave out, each with
 * its reason. Nothing of the plugin's own markup belongs here: a violation in
 * it is fixed, not excluded. Only WordPress's own screens around ours, which
 * this plugin cannot change, may be listed, narrowed to the element and rule.
 */
export type AxeExclusion = {
	/** A CSS selector of the element left out. */
	selector: string;
	/** The axe rule ids it is left out of; empty means every rule. */
	rules: string[];
	/** Why, in a sentence a reviewer can check. */
	reason: string;
};

export const axeExclusions: AxeExclusion[] = [
	{
		selector: '#collapse-button',
		rules: [ 'label-content-name-mismatch' ],
		reason: 'wp-admin’s own “Collapse Main Menu” button (wp-admin/menu-header.php) shows the text “Collapse menu”; it is in the admin menu around our Settings screen, which the plugin cannot change.',
	},
];
