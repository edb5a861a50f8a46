import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { setMessageSource } from '../../utils/i18n';
import { fileMessageSource } from '../../utils/i18n/file-source';
import { PageFooter, PageHeader, READING_PAGE_PATHS, readingColumnCss } from './PageChrome';

afterEach(cleanup);

function footerLinks(): { name: string; href: string | null }[] {
  const footer = screen.getByRole('contentinfo');
  return within(footer)
    .getAllByRole('link')
    .map((link) => ({ name: link.textContent ?? '', href: link.getAttribute('href') }));
}

describe('PageHeader', () => {
  it('gives the page one level-1 heading under the brand, then its introduction', () => {
    render(<PageHeader title="Counterpoint help" intro="Every shortcut." />);
    const header = screen.getByRole('banner');
    expect(header.textContent).toBe('CounterpointCounterpoint helpEvery shortcut.');
    expect(screen.getAllByRole('heading').map((heading) => heading.textContent)).toEqual([
      'Counterpoint help',
    ]);
  });
});

describe('PageFooter', () => {
  it('links every reading page to the two others, never to itself', () => {
    for (const current of ['help', 'about', 'method'] as const) {
      render(<PageFooter current={current} />);
      const hrefs = footerLinks().map((link) => link.href);
      expect(hrefs).toHaveLength(2);
      expect(hrefs).not.toContain(READING_PAGE_PATHS[current]);
      cleanup();
    }
  });

  it('names the pages in the interface language and uses the addresses it is given', () => {
    setMessageSource(fileMessageSource(french, 'fr'));
    try {
      render(<PageFooter current="method" hrefs={{ help: 'chrome-extension://id/help.html' }} />);
      expect(footerLinks()).toEqual([
        { name: french.method_help_link.message, href: 'chrome-extension://id/help.html' },
        { name: french.help_about_link.message, href: '/about.html' },
      ]);
    } finally {
      setMessageSource(fileMessageSource(english, 'en-GB'));
    }
  });
});

describe('readingColumnCss', () => {
  it('scopes the column to the root class it is given', () => {
    const css = readingColumnCss('cp-method');
    expect(css).toContain('.cp-method {');
    expect(css).toContain('.cp-method h1 {');
    expect(css).not.toContain('.cp-help');
  });
});
