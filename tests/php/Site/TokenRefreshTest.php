<?php
/**
 * The refresh policy both providers' AccessTokens delegate to, without a
 * provider: records, token endpoint and errors are stand-ins.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use Closure;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\OAuth\TokenRefresh;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\TestCase;
use DomainException;
use RuntimeException;
use Throwable;

final class TokenRefreshTest extends TestCase {

	private const LOCK = 'test_token_refresh';

	/** What the database holds; a fresh load reads it. */
	private TokenRecord $stored;

	/** What this request read earlier; a load that is not fresh returns it. */
	private TokenRecord $cached;

	/** @var list<string> Access tokens the token endpoint was called for. */
	private array $renewed = array();

	/** Thrown by the token endpoint instead of answering, when set. */
	private ?RuntimeException $refusal = null;

	public function test_a_token_with_time_left_is_used_as_it_is(): void {
		$this->store( 'sl.current', 3600 );

		$this->assertSame( 'sl.current', $this->refresh()->current()->access_token );
		$this->assertSame( array(), $this->renewed );
	}

	public function test_a_token_about_to_expire_is_refreshed_once_and_the_lock_released(): void {
		$this->store( 'sl.current', TokenRefresh::REFRESH_MARGIN - 1 );

		$this->assertSame( 'sl.renewed', $this->refresh()->current()->access_token );
		$this->assertSame( array( 'sl.current' ), $this->renewed );
		$lock = ( new Locks() )->create( self::LOCK, 30 );
		$this->assertTrue( $lock->acquire(), 'The lock is free again.' );
		$lock->release();
	}

	public function test_a_token_another_process_refreshed_meanwhile_is_not_refreshed_again(): void {
		$this->store( 'sl.current', 60 );
		// Between this request's read and its taking the lock, another one refreshed.
		$this->stored = $this->record( 'sl.from-the-other-process', 14400 );

		$this->assertSame( 'sl.from-the-other-process', $this->refresh()->current()->access_token );
		$this->assertSame( array(), $this->renewed );
	}

	public function test_a_process_that_finds_the_lock_taken_waits_for_the_new_token(): void {
		$this->store( 'sl.current', 60 );
		$lock = ( new Locks() )->create( self::LOCK, 30 );
		$this->assertTrue( $lock->acquire() );
		$polls   = 0;
		$refresh = $this->refresh(
			load: function ( bool $fresh ) use ( &$polls ): TokenRecord {
				if ( $fresh && 2 === ++$polls ) {
					// The lock holder lands its token while this one waits.
					$this->stored = $this->record( 'sl.from-the-lock-holder', 14400 );
				}
				return $fresh ? $this->stored : $this->cached;
			}
		);

		try {
			$this->assertSame( 'sl.from-the-lock-holder', $refresh->current()->access_token );
		} finally {
			$lock->release();
		}
		$this->assertSame( array(), $this->renewed, 'No token call of its own.' );
		$this->assertSame( 2, $polls );
	}

	public function test_a_wait_that_runs_out_ends_in_the_providers_error(): void {
		$this->store( 'sl.current', 60 );
		$lock = ( new Locks() )->create( self::LOCK, 30 );
		$this->assertTrue( $lock->acquire() );

		try {
			$this->refresh( wait_seconds: 0.3 )->current();
			$this->fail( 'A wait that runs out must fail.' );
		} catch ( DomainException $error ) {
			$this->assertSame( 'timed out', $error->getMessage() );
		} finally {
			$lock->release();
		}
		$this->assertSame( array(), $this->renewed );
	}

	public function test_an_unreachable_token_endpoint_leaves_a_still_valid_token_in_use(): void {
		$this->store( 'sl.current', 60 );
		$this->refusal = new RuntimeException( 'unreachable' );

		$this->assertSame( 'sl.current', $this->refresh()->current()->access_token );
	}

	public function test_an_unreachable_token_endpoint_fails_the_call_once_the_token_is_spent(): void {
		$this->store( 'sl.current', 5 );
		$this->refusal = new RuntimeException( 'unreachable' );

		$this->expectExceptionObject( $this->refusal );
		$this->refresh()->current();
	}

	public function test_a_refusal_fails_the_call_even_while_the_token_is_valid(): void {
		$this->store( 'sl.current', 60 );
		$this->refusal = new RuntimeException( 'invalid_grant' );

		$this->expectExceptionObject( $this->refusal );
		$this->refresh()->current();
	}

	public function test_a_rejected_token_is_replaced(): void {
		$this->store( 'sl.current', 3600 );

		$this->assertSame( 'sl.renewed', $this->refresh()->replace( 'sl.current' )->access_token );
		$this->assertSame( array( 'sl.current' ), $this->renewed );
	}

	public function test_a_rejected_token_another_process_already_replaced_is_not_replaced_again(): void {
		$this->store( 'sl.current', 3600 );
		$this->stored = $this->record( 'sl.from-the-other-process', 14400 );

		$this->assertSame( 'sl.from-the-other-process', $this->refresh()->replace( 'sl.current' )->access_token );
		$this->assertSame( array(), $this->renewed );
	}

	/**
	 * @param (callable(bool): TokenRecord)|null $load
	 *
	 * @return TokenRefresh<TokenRecord>
	 */
	private function refresh( ?callable $load = null, float $wait_seconds = 20.0 ): TokenRefresh {
		return new TokenRefresh(
			new Locks(),
			self::LOCK,
			Closure::fromCallable( $load ?? fn ( bool $fresh ): TokenRecord => $fresh ? $this->stored : $this->cached ),
			function ( TokenRecord $record ): TokenRecord {
				$this->renewed[] = $record->access_token;
				if ( null !== $this->refusal ) {
					throw $this->refusal;
				}
				$this->stored = $record->refreshed( new TokenGrant( 'sl.renewed', 14400, null, null, null ), time() );
				return $this->stored;
			},
			static fn ( Throwable $error ): bool => 'unreachable' === $error->getMessage(),
			static fn (): DomainException => new DomainException( 'timed out' ),
			$wait_seconds
		);
	}

	private function store( string $access_token, int $expires_in ): void {
		$this->stored = $this->record( $access_token, $expires_in );
		$this->cached = $this->stored;
	}

	private function record( string $access_token, int $expires_in ): TokenRecord {
		return new TokenRecord( $access_token, time() + $expires_in, 'refresh', null, null, null, null, time() );
	}
}
