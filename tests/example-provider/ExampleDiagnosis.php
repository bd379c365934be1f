<?php
/**
 * Example Cloud's problems, each with its fix.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDiagnosis;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;

final class ExampleDiagnosis implements ProviderDiagnosis {

	public function not_configured(): Problem {
		return new Problem( 'not_configured', 'Example Cloud is not set up yet.', 'Paste the Client ID and Client secret of your Example Cloud app and press Save credentials.', Problem::ACTION_SAVE_CREDENTIALS );
	}

	public function not_connected(): Problem {
		return new Problem( 'not_connected', 'Example Cloud is not connected.', 'Press Connect Example Cloud.', Problem::ACTION_CONNECT );
	}

	public function from_error( ProviderError $error ): Problem {
		return ProviderError::INVALID_GRANT === $error->kind
			? $this->refused( HealthStore::REFUSED_REVOKED )
			: new Problem( $error->kind, 'Example Cloud refused the request: ' . $error->summary, 'Try again.', Problem::ACTION_RETRY );
	}

	public function credentials_unreadable( bool $secret_readable ): Problem {
		return new Problem( 'credentials_unreadable', 'The stored Example Cloud connection can no longer be read.', 'Paste the Client secret again and press Save credentials.', Problem::ACTION_SAVE_CREDENTIALS );
	}

	public function refused( string $cause ): Problem {
		return new Problem( 'invalid_grant', 'Example Cloud no longer accepts this connection.', 'Press Reconnect.', Problem::ACTION_RECONNECT );
	}

	public function missing_scope( array $missing ): Problem {
		return new Problem( 'missing_scope', 'Example Cloud did not grant folders.read.', 'Press Reconnect.', Problem::ACTION_RECONNECT );
	}

	public function flagged( HealthStore $health ): ?Problem {
		return null;
	}

	public function note( array $settings ): ?Problem {
		return null;
	}

	public function from_exchange_error( ProviderError $error ): Problem {
		return $this->from_error( $error );
	}

	public function unusable_grant( TokenGrant $grant ): ?Problem {
		return null;
	}

	public function secret_required( bool $stored_but_unreadable ): Problem {
		return new Problem( 'client_secret_required', 'The Client secret is required with a new Client ID.', 'Paste the Client secret and press Save credentials.', Problem::ACTION_SAVE_CREDENTIALS );
	}

	public function revoke_unconfirmed( bool $unreachable ): Problem {
		return new Problem( 'revoke_unconfirmed', 'Disconnected on this site, but Example Cloud did not confirm that it revoked the access.', 'Remove the app in your Example Cloud account.' );
	}
}
