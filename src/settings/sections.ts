/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../store/connections';
import { DROPBOX, GOOGLE } from '../components/ProviderPicker/labels';
import DropboxSection from './dropbox/DropboxSection';
import GenericSection from './generic/GenericSection';
import GoogleSection from './google/GoogleSection';

export interface SectionProps {
	connection: Connection;
}

/**
 * The providers with a section of their own: the shared ProviderSection
 * filled in with the provider's words, guide and credentials form.
 */
const SECTIONS: Partial< Record< ProviderId, ComponentType< SectionProps > > > =
	{
		[ DROPBOX ]: DropboxSection,
		[ GOOGLE ]: GoogleSection,
	};

/**
 * The section for a provider: its own, or for any other provider the server
 * offers, the generic one built from what the server says about it.
 *
 * @param provider Provider.
 * @return The section component.
 */
export function sectionFor(
	provider: ProviderId
): ComponentType< SectionProps > {
	return SECTIONS[ provider ] ?? GenericSection;
}
