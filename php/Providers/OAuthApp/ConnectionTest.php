<?php
/**
 * "Test connection": asks the provider who we are, what we can see, and for a photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\ConnectionCheck;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Providers\TestResult;
use CustomerCloudGallery\Providers\ThumbnailProbe;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * The frame is the same for every provider: nothing to test without a
 * grant; the account is read again (when the grant may); the provider's
 * survey lists the top level and fetches a photo, since listing alone does
 * not prove visitors will see photos; a working answer ends an earlier
 * refusal; every failure is explained by the provider's diagnosis.
 */
final class ConnectionTest implements ConnectionCheck {

	/** Photos tried, in case one cannot be rendered. */
	private const PROBE_PHOTOS = 3;

	public function __construct(
		private ProviderDescription $provider,
		private TokenStore $tokens,
		private AuthorizedCalls $calls,
		private AccountLookup $accounts,
		private HealthStore $health,
		private ConnectionFactory $connections,
		private ProviderDiagnosis $diagnosis,
		private GrantSurvey $survey,
		private ThumbnailProbe $probe
	) {}

	public function run(): TestResult {
		$before     = $this->connections->build();
		$untestable = TestResult::untestable( $before, $this->diagnosis->not_connected() );
		if ( null !== $untestable ) {
			return $untestable;
		}

		try {
			$record = $this->tokens->load();
			if ( null === $record ) {
				return TestResult::failed( $before, $this->diagnosis->not_connected() );
			}
			if ( $this->provider->reads_account( $record ) ) {
				$this->refresh_account();
			}
			list( $folders, $complete, $photos ) = $this->survey->survey( $record, self::PROBE_PHOTOS );
			$thumbnail                          = null === $photos ? '' : $this->probe->run( $photos );
			// The provider just accepted the grant, so an earlier refusal is over.
			$this->health->clear_revoked();
			if ( $thumbnail instanceof Problem ) {
				return TestResult::failed( $this->connections->build(), $thumbnail );
			}
		} catch ( ProviderError $error ) {
			return TestResult::failed( $this->connections->build(), $this->diagnosis->from_error( $error ) );
		} catch ( UnreadableSecret ) {
			$after = $this->connections->build();
			return TestResult::failed( $after, $after->problem ?? $this->diagnosis->credentials_unreadable( false ) );
		}

		$after = $this->connections->build();
		$answered = null === $after->account
			? $this->survey->unknown_account()
			: sprintf(
				/* translators: 1: provider name, e.g. Dropbox, 2: account name, 3: its email address. */
				__( '%1$s answered for %2$s (%3$s).', 'customer-cloud-gallery' ),
				$this->provider->label(),
				$after->account['name'],
				$after->account['email']
			);
		return TestResult::answered( $after, $answered, $this->survey->no_folders(), $folders, $complete, $thumbnail );
	}

	/**
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	private function refresh_account(): void {
		$account = $this->calls->call( fn ( string $token ): Account => $this->accounts->account( $token ) );
		// Re-read: the call may have refreshed the token in the meantime.
		$latest = $this->tokens->load( true );
		if ( null !== $latest ) {
			$this->tokens->save( $latest->with_account( $account ) );
		}
	}
}
