/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import DownloadsPanel from '../components/DownloadsPanel';
import type { GalleryAttributes } from '../types';

type DownloadAttributes = Pick<
	GalleryAttributes,
	'downloads' | 'downloadAll' | 'downloadSize'
>;

function renderPanel( attributes: DownloadAttributes ) {
	const setAttributes = jest.fn();
	render(
		<DownloadsPanel
			attributes={ attributes }
			setAttributes={ setAttributes }
		/>
	);
	return setAttributes;
}

async function openPanel() {
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Downloads' } )
	);
}

describe( 'DownloadsPanel', () => {
	it( 'offers only the switch while downloads are off, and turns them on', async () => {
		const setAttributes = renderPanel( {
			downloads: false,
			downloadAll: true,
			downloadSize: 'original',
		} );
		await openPanel();
		expect(
			screen.queryByRole( 'checkbox', {
				name: 'Offer "Download all" as one ZIP',
			} )
		).not.toBeInTheDocument();
		expect(
			screen.queryByRole( 'combobox', { name: 'Download size' } )
		).not.toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Let visitors download photos',
			} )
		);
		expect( setAttributes ).toHaveBeenCalledWith( { downloads: true } );
	} );

	it( 'sets "Download all" and the size once downloads are on', async () => {
		const setAttributes = renderPanel( {
			downloads: true,
			downloadAll: true,
			downloadSize: 'original',
		} );
		await openPanel();
		await userEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Offer "Download all" as one ZIP',
			} )
		);
		expect( setAttributes ).toHaveBeenCalledWith( { downloadAll: false } );
		await userEvent.selectOptions(
			screen.getByRole( 'combobox', { name: 'Download size' } ),
			'1024'
		);
		expect( setAttributes ).toHaveBeenCalledWith( {
			downloadSize: '1024',
		} );
	} );
} );
