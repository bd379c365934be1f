/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../store/connections';

interface Props {
	connection: Connection;
	/** The provider's name for the connection's access type, if it has one. */
	accessTypeLabel: string | null;
}

function formatDate( iso: string ): string {
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( document.documentElement.lang || [], {
		dateStyle: 'long',
		timeStyle: 'short',
	} ).format( date );
}

function ScopeList( { scopes }: { scopes: string[] } ) {
	return (
		<ul className="ccg-scope-list">
			{ scopes.map( ( scope ) => (
				<li key={ scope }>
					<code>{ scope }</code>
				</li>
			) ) }
		</ul>
	);
}

/**
 * Which account the site is connected to, and with what permissions.
 *
 * @param props                 Component props.
 * @param props.connection      The connection.
 * @param props.accessTypeLabel Name of its access type, or null to omit it.
 */
export default function ConnectionSummary( {
	connection,
	accessTypeLabel,
}: Props ) {
	const { account, grantedScopes, missingScopes, connectedAt } = connection;
	return (
		<dl className="ccg-summary">
			<div className="ccg-summary__row">
				<dt>{ __( 'Account', 'customer-cloud-gallery' ) }</dt>
				<dd>
					{ account
						? sprintf(
								/* translators: 1: account holder's name, 2: email address. */
								__( '%1$s (%2$s)', 'customer-cloud-gallery' ),
								account.name,
								account.email
							)
						: __( 'Unknown account', 'customer-cloud-gallery' ) }
				</dd>
			</div>
			{ accessTypeLabel && (
				<div className="ccg-summary__row">
					<dt>{ __( 'Access type', 'customer-cloud-gallery' ) }</dt>
					<dd>{ accessTypeLabel }</dd>
				</div>
			) }
			<div className="ccg-summary__row">
				<dt>{ __( 'Granted scopes', 'customer-cloud-gallery' ) }</dt>
				<dd>
					{ grantedScopes.length > 0 ? (
						<ScopeList scopes={ grantedScopes } />
					) : (
						__( 'None', 'customer-cloud-gallery' )
					) }
				</dd>
			</div>
			{ missingScopes.length > 0 && (
				<div className="ccg-summary__row ccg-summary__row--missing">
					<dt>
						{ __( 'Missing scopes', 'customer-cloud-gallery' ) }
					</dt>
					<dd>
						<ScopeList scopes={ missingScopes } />
					</dd>
				</div>
			) }
			{ connectedAt && (
				<div className="ccg-summary__row">
					<dt>{ __( 'Connected on', 'customer-cloud-gallery' ) }</dt>
					<dd>
						<time dateTime={ connectedAt }>
							{ formatDate( connectedAt ) }
						</time>
					</dd>
				</div>
			) }
		</dl>
	);
}
