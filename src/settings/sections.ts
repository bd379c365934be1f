/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../store/connections';
import DropboxSection from './dropbox/DropboxSection';

export interface SectionProps {
	connection: Connection;
}

/**
 * Each provider's own section. A provider the server lists but this screen
 * has no section for yet is left out.
 */
export const SECTIONS: Partial<
	Record< ProviderId, ComponentType< SectionProps > >
> = {
	dropbox: DropboxSection,
};
