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
	restNamespace: string;
	settingsUrl: string;
	notice: OAuthNotice | null;
}

declare global {
	interface Window {
		ccgSettings?: Partial< SettingsConfig >;
	}
}
