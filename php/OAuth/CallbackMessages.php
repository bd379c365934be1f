<?php
/**
 * What the admin reads after coming back from a provider's consent screen.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Provider;

final class CallbackMessages {

	public function connected( Connection $connection ): Notice {
		$message = null !== $connection->account
			? sprintf(
				/* translators: 1: provider name, e.g. "Dropbox", 2: account name, 3: account email. */
				__( '%1$s is connected as %2$s (%3$s).', 'customer-cloud-gallery' ),
				$connection->label,
				$connection->account['name'],
				$connection->account['email']
			)
			: sprintf(
				/* translators: 1: provider name, e.g. "Dropbox", 2: the permission it lacks, e.g. "account_info.read". */
				__( '%1$s is connected. The account is shown as unknown because the app lacks the %2$s permission.', 'customer-cloud-gallery' ),
				$connection->label,
				'dropbox' === $connection->provider ? 'account_info.read' : __( 'account details', 'customer-cloud-gallery' )
			);
		return new Notice( Notice::SUCCESS, $message, '', 'connected' );
	}

	public function cancelled( Provider $provider ): Notice {
		return new Notice(
			Notice::INFO,
			sprintf(
				/* translators: %s: provider name, e.g. "Dropbox". */
				__( 'You cancelled on %s’s consent screen — nothing was changed.', 'customer-cloud-gallery' ),
				$provider->label()
			),
			$this->again( $provider ),
			'access_denied'
		);
	}

	public function refused( Provider $provider, string $error, string $description ): Notice {
		return new Notice(
			Notice::ERROR,
			sprintf(
				/* translators: 1: provider name, 2: the provider's error code and description. */
				__( '%1$s did not grant access (%2$s). Nothing was changed.', 'customer-cloud-gallery' ),
				$provider->label(),
				trim( $error . ': ' . $description, ': ' )
			),
			$this->again( $provider ),
			'authorization_failed'
		);
	}

	public function state_unknown( Provider $provider ): Notice {
		return new Notice(
			Notice::ERROR,
			__( 'This sign-in link is not valid or was already used. Nothing was changed.', 'customer-cloud-gallery' ),
			$this->again( $provider ),
			'state_invalid'
		);
	}

	public function state_expired( Provider $provider ): Notice {
		return new Notice(
			Notice::ERROR,
			__( 'This sign-in link expired (they last 10 minutes). Nothing was changed.', 'customer-cloud-gallery' ),
			$this->again( $provider ),
			'state_expired'
		);
	}

	public function state_other_user( Provider $provider ): Notice {
		return new Notice(
			Notice::ERROR,
			__( 'This sign-in was started by another WordPress user. Nothing was changed.', 'customer-cloud-gallery' ),
			$this->again( $provider ),
			'state_user_mismatch'
		);
	}

	public function no_code( Provider $provider ): Notice {
		return new Notice(
			Notice::ERROR,
			sprintf(
				/* translators: %s: provider name, e.g. "Dropbox". */
				__( '%s came back without an authorization code. Nothing was changed.', 'customer-cloud-gallery' ),
				$provider->label()
			),
			$this->again( $provider ),
			'authorization_failed'
		);
	}

	private function again( Provider $provider ): string {
		return sprintf(
			/* translators: %s: provider name, e.g. "Dropbox". */
			__( 'Press Connect %s to try again.', 'customer-cloud-gallery' ),
			$provider->label()
		);
	}
}
