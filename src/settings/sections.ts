/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../store/connections';
import DropboxSection from './dropbox/DropboxSection';
import GoogleSection from './google/GoogleSection';

export interface SectionProps {
	connection: Connection;
}

/**
 * Each provider's own section, usually the shared ProviderSection filled in
 * with the provider's words, guide and credentials form. A provider the
 * server lists but this screen has no section for yet is left out.
 */
export const SECTIONS: Partial<
	Record< ProviderId, ComponentType< SectionProps > >
> = {
	dropbox: DropboxSection,
	google: GoogleSection,
};
