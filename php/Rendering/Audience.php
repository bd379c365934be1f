<?php
/**
 * Who is looking at a gallery: a visitor, or someone who can fix it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

use CustomerCloudGallery\Capabilities;
use WP_Post;
use WP_REST_Request;

final class Audience {

	private bool $previewing = false;

	public function register(): void {
		add_filter( 'rest_request_before_callbacks', array( $this, 'notice_preview' ), 10, 3 );
	}

	/**
	 * Notes that this request is the editor's server-side preview of a block.
	 *
	 * @param mixed           $response Passed through.
	 * @param array           $handler  Route handler (unused).
	 * @param WP_REST_Request $request  The request.
	 */
	public function notice_preview( mixed $response, array $handler, WP_REST_Request $request ): mixed {
		$this->previewing = str_starts_with( $request->get_route(), '/wp/v2/block-renderer/' );
		return $response;
	}

	/**
	 * People who can edit the post see what is wrong and how to fix it;
	 * visitors only ever see a neutral sentence.
	 */
	public function can_fix(): bool {
		$post_id = get_the_ID();
		return false !== $post_id && $post_id > 0 ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_posts' );
	}

	/**
	 * Whether the whole account may stand in for a provider's gallery folder
	 * while the administrator has chosen none: only for what someone who
	 * can manage connections put there. A preview renders attributes the
	 * requester sent (any folder id, on any post id they name), so it is
	 * theirs; a page renders what the post's author saved. Without a post
	 * (nobody to vouch for it) it may not.
	 */
	public function may_use_whole_account(): bool {
		if ( $this->previewing ) {
			return current_user_can( Capabilities::MANAGE_CONNECTIONS );
		}
		$post = get_post();
		return $post instanceof WP_Post && (int) $post->post_author > 0 && user_can( (int) $post->post_author, Capabilities::MANAGE_CONNECTIONS );
	}

	/**
	 * The block editor's preview (the block-renderer route), seen by an editor.
	 */
	public function is_editor_preview(): bool {
		return $this->previewing && current_user_can( 'edit_posts' );
	}
}
