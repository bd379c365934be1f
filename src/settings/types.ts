/**
 * What the Settings page prints before its script, as `window.ccgSettings`.
 */

/** Outcome of the OAuth round trip, shown once at the top of the screen. */
export interface OAuthNotice {
	status: 'success' | 'error' | 'warning' | 'info';
	message: string;
	fix?: string;
	code?: string;
}

export interface SettingsConfig {
	notice: OAuthNotice | null;
}

declare global {
	interface Window {
		ccgSettings?: Partial< SettingsConfig > & {
			/** Read by the Dropbox section only (src/settings/dropbox/webhook.ts). */
			dropboxWebhookUri?: unknown;
		};
	}
}

/**
 * The words a provider's section uses besides its own guide and form, so
 * the shared section reads as that provider's.
 */
export interface ProviderTexts {
	/** The provider's name, e.g. "Dropbox". */
	name: string;
	/** Its connect button, e.g. "Connect Dropbox". */
	connectLabel: string;
	/** Why Connect is unavailable before credentials are saved. */
	connectHint: string;
	/** Title of the setup guide's panel, e.g. "Dropbox — step-by-step"; only with a guide. */
	guideTitle?: string;
	/** An administrator's status line before anything is set up. */
	notSetUp: string;
	/** The disconnect dialog's title, e.g. "Disconnect Dropbox?". */
	disconnectQuestion: string;
	/** What disconnecting means for the site's galleries. */
	disconnectConsequence: string;
	/** Accessible name of the gallery folder's tree, e.g. "Folders in Dropbox". */
	folderTreeLabel: string;
}
