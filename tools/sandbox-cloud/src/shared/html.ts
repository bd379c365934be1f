const ENTITIES: Record< string, string > = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml( text: string ): string {
	return text.replace( /[&<>"']/g, ( ch ) => ENTITIES[ ch ] ?? ch );
}
