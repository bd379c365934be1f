<?php
/**
 * One photo, from the provider to the visitor, chunk by chunk.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamSink;

/**
 * The visitor's headers are decided when the provider's arrive: its status
 * (200, 206 for a Range, 416 for a range past the end), Content-Length and
 * Content-Range pass through, so a paused download resumes where it
 * stopped. The type comes from the file name (Dropbox labels every download
 * application/octet-stream); a web size is always a JPEG.
 */
final class PhotoDownload implements StreamSink {

	private string $name = '';

	private bool $original = true;

	public function __construct( private PhotoSource $photos, private DownloadAllowance $allowance, private VisitorOutput $output ) {}

	/**
	 * @throws GalleryException When the provider cannot give it and nothing was sent yet.
	 */
	public function send( Photo $photo, string $size, ?string $range ): void {
		$this->original = 'original' === $size;
		$this->name     = ZipNames::safe( $this->original ? $photo->name : pathinfo( $photo->name, PATHINFO_FILENAME ) . '.jpg' );
		$valid          = null !== $range && 1 === preg_match( '/^bytes=\d*-\d*$/', trim( $range ) );
		$this->photos->stream( $photo, $size, $this->original && $valid ? trim( $range ) : null, $this );
	}

	public function open( int $status, array $headers ): bool {
		if ( ! in_array( $status, array( 200, 206, 416 ), true ) ) {
			return false;
		}
		$type = $this->original ? wp_check_filetype( $this->name )['type'] : 'image/jpeg';
		$out  = array(
			'Content-Type'           => is_string( $type ) && '' !== $type ? $type : 'application/octet-stream',
			'Content-Disposition'    => VisitorOutput::attachment( $this->name ),
			'Cache-Control'          => 'private, no-store',
			'X-Content-Type-Options' => 'nosniff',
			'X-Robots-Tag'           => 'noindex',
		);
		if ( $this->original ) {
			$out['Accept-Ranges'] = 'bytes';
		}
		foreach ( array( 'content-length' => 'Content-Length', 'content-range' => 'Content-Range' ) as $from => $to ) {
			if ( isset( $headers[ $from ] ) && 1 === preg_match( '#^[\d\s/*a-z-]+$#', $headers[ $from ] ) ) {
				$out[ $to ] = $headers[ $from ];
			}
		}
		if ( 416 === $status ) {
			$out['Content-Length'] = '0';
		}
		$this->output->start( $status, $out );
		return 416 !== $status;
	}

	public function write( string $bytes ): bool {
		$this->allowance->spend( strlen( $bytes ) );
		return $this->output->write( $bytes );
	}
}
