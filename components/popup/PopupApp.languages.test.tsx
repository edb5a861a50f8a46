import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { inLanguage } from '../../utils/i18n/test-languages';
import { FakePopupData } from './fake-popup-data';
import { PopupApp } from './PopupApp';

afterEach(cleanup);

describe('PopupApp in the interface language', () => {
  it.each([
    ['es', 'Ayuda y atajos', 'Tus datos'],
    ['fr', 'Aide et raccourcis', 'Vos données'],
  ] as const)('names its footer links in %s', async (language, help, data) => {
    const links = await inLanguage(language, () => {
      render(<PopupApp data={new FakePopupData()} />);
      return [
        screen.getByRole('link', { name: help }).getAttribute('href'),
        screen.getByRole('link', { name: data }).getAttribute('href'),
      ];
    });
    expect(links).toEqual(['/help.html', '/about.html']);
  });
});
