<?php
/**
 * A message for the admin about the outcome of an OAuth round trip.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

final class Notice {

	public const SUCCESS = 'success';
	public const ERROR   = 'error';
	public const WARNING = 'warning';
	public const INFO    = 'info';

	public function __construct(
		public readonly string $status,
		public readonly string $message,
		public readonly string $fix = '',
		public readonly string $code = ''
	) {}

	/**
	 * The shape the Settings screen reads: { status, message, fix?, code? }.
	 *
	 * @return array<string, string>
	 */
	public function to_array(): array {
		return array_filter(
			array(
				'status'  => $this->status,
				'message' => $this->message,
				'fix'     => $this->fix,
				'code'    => $this->code,
			),
			static fn ( string $value ): bool => '' !== $value
		);
	}

	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) || ! is_string( $data['message'] ?? null ) ) {
			return null;
		}
		$status = in_array( $data['status'] ?? '', array( self::SUCCESS, self::ERROR, self::WARNING, self::INFO ), true ) ? $data['status'] : self::INFO;
		return new self( $status, $data['message'], (string) ( $data['fix'] ?? '' ), (string) ( $data['code'] ?? '' ) );
	}
}
