import { fullAccount } from '../account';
import type { DropboxServices } from '../services';
import type { RouteSpec } from '../wire/route';

export function accountRoutes( svc: DropboxServices ): RouteSpec[] {
	return [
		{
			name: 'users/get_current_account',
			host: 'api',
			style: 'rpc',
			scope: 'account_info.read',
			arg: 'void',
			handle: async () => ( { kind: 'json', body: fullAccount() } ),
		},
		{
			// Revokes the whole grant: the token used, its refresh token and every token minted from it.
			name: 'auth/token/revoke',
			host: 'api',
			style: 'rpc',
			scope: null,
			arg: 'void',
			handle: async ( ctx ) => {
				svc.state.revokeGrant( ctx.grant );
				return { kind: 'json', body: null };
			},
		},
	];
}
