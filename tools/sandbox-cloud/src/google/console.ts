import { join } from 'node:path';

import { readJson, writeJson } from '../shared/json-file';
import { validateClient } from './clients';
import type { GoogleClient, GoogleClientInput } from './types';

interface ClientsFile {
	defaultClientId: string | null;
	clients: GoogleClient[];
}

/**
 * The (sandbox) Google Cloud Console: OAuth clients in `clients.json`,
 * among them the default client made on first start, which `npm start`
 * prints and which a reset keeps.
 */
export class CloudConsole {
	private clients = new Map< string, GoogleClient >();
	defaultClientId: string;

	constructor( private readonly dir: string ) {
		const saved = readJson< ClientsFile >( join( dir, 'clients.json' ), {
			defaultClientId: null,
			clients: [],
		} );
		for ( const client of saved.clients ) {
			this.clients.set( client.clientId, client );
		}
		const known = saved.defaultClientId
			? this.clients.get( saved.defaultClientId )
			: undefined;
		this.defaultClientId = known?.clientId ?? this.createDefault();
	}

	private createDefault(): string {
		const client = validateClient( { name: 'Customer Gallery (sandbox)' } );
		this.clients.set( client.clientId, client );
		this.defaultClientId = client.clientId;
		this.save();
		return client.clientId;
	}

	list(): GoogleClient[] {
		return [ ...this.clients.values() ];
	}

	get( clientId: string ): GoogleClient | undefined {
		return this.clients.get( clientId );
	}

	default(): GoogleClient {
		return this.clients.get( this.defaultClientId )!;
	}

	/**
	 * Registers a client (no clientId: new credentials) or updates one; fields not given keep their value.
	 */
	register( input: GoogleClientInput ): GoogleClient {
		const current = input.clientId
			? this.clients.get( input.clientId )
			: undefined;
		const client = validateClient( input, current );
		this.clients.set( client.clientId, client );
		this.save();
		return client;
	}

	/**
	 * Deletes a client; deleting the default one makes a new default.
	 */
	delete( clientId: string ): boolean {
		const had = this.clients.delete( clientId );
		if ( clientId === this.defaultClientId ) {
			this.createDefault();
		}
		this.save();
		return had;
	}

	/**
	 * Every client but the default one goes; the default keeps its
	 * credentials and redirect URIs and gets `production` and the Drive API back.
	 */
	reset(): void {
		const kept = this.default();
		this.clients.clear();
		this.clients.set( kept.clientId, {
			...kept,
			publishingStatus: 'production',
			driveApiEnabled: true,
		} );
		this.save();
	}

	private save(): void {
		writeJson( join( this.dir, 'clients.json' ), {
			defaultClientId: this.defaultClientId,
			clients: this.list(),
		} satisfies ClientsFile );
	}
}
