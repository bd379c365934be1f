<?php
/**
 * One streamed transfer's headers, and where its body chunks go.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

/**
 * cURL reports each header line, interim answers (100 Continue) included,
 * then body chunks. The sink is opened at the first chunk, or at the end of
 * a response without a body, with the final answer's status and headers.
 */
final class StreamState {

	private int $status = 0;

	/** @var array<string, string> */
	private array $headers = array();

	private ?bool $accepted = null;

	private bool $stopped = false;

	private string $error_body = '';

	public function __construct( private StreamSink $sink, private int $error_limit ) {}

	/**
	 * Records a header line.
	 *
	 * @return int|null Always null: the transport's own callback takes the line too.
	 */
	public function header( string $line ): ?int {
		if ( 1 === preg_match( '#^HTTP/[\d.]+\s+(\d{3})#', $line, $match ) ) {
			$this->status  = (int) $match[1];
			$this->headers = array();
		} elseif ( str_contains( $line, ':' ) ) {
			list( $name, $value )                       = explode( ':', $line, 2 );
			$this->headers[ strtolower( trim( $name ) ) ] = trim( $value );
		}
		return null;
	}

	/**
	 * @return int The bytes taken (all of them).
	 */
	public function body( string $data ): int {
		if ( $this->stopped ) {
			return strlen( $data );
		}
		if ( null === $this->accepted ) {
			$this->accepted = $this->sink->open( $this->status, $this->headers );
		}
		if ( ! $this->accepted ) {
			$this->error_body .= substr( $data, 0, max( 0, $this->error_limit - strlen( $this->error_body ) ) );
			return strlen( $data );
		}
		if ( ! $this->sink->write( $data ) ) {
			// Taken, and the progress callback ends the transfer: a short write
			// would be a write error, which Requests answers by sending the request again.
			$this->stopped = true;
		}
		return strlen( $data );
	}

	/**
	 * cURL's progress callback: non-zero aborts the transfer.
	 */
	public function progress(): int {
		return $this->stopped ? 1 : 0;
	}

	public function stopped(): bool {
		return $this->stopped;
	}

	/**
	 * The answer as far as the caller needs it; opens the sink of a response
	 * that had no body, so it still learns the status.
	 */
	public function response(): HttpResponse {
		if ( null === $this->accepted && 0 !== $this->status ) {
			$this->accepted = $this->sink->open( $this->status, $this->headers );
		}
		return new HttpResponse( $this->status, $this->headers, $this->error_body );
	}
}
