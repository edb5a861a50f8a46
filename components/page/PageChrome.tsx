/**
 * The header and footer of Counterpoint's reading pages (help, about, method): the brand, the
 * page's title and introduction, and links to the two other pages. One markup and one look for
 * all three, so they read as one small site.
 */
import { t } from '../../utils/i18n';
import { DARK_PALETTE, LIGHT_PALETTE } from '../styles';

/** One of the reading pages, by what it is about. */
export type ReadingPage = 'help' | 'about' | 'method';

/** Where each reading page lives inside the extension (the same folder for all three). */
export const READING_PAGE_PATHS: Readonly<Record<ReadingPage, string>> = {
  help: '/help.html',
  about: '/about.html',
  method: '/method.html',
};

/** The footer's name of each reading page, in the interface language. */
function linkLabel(page: ReadingPage): string {
  if (page === 'help') return t('method_help_link');
  if (page === 'about') return t('help_about_link');
  return t('common_how_checks');
}

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  /** The page's one heading. */
  title: string;
  /** The sentence under it that says what the page is for. */
  intro: string;
}

/** The brand line, the page's heading and its introduction. */
export function PageHeader({ title, intro }: PageHeaderProps) {
  return (
    <header class="cp-page-header">
      <p class="cp-page-brand">Counterpoint</p>
      <h1>{title}</h1>
      <p>{intro}</p>
    </header>
  );
}

/** Props of {@link PageFooter}. */
export interface PageFooterProps {
  /** The page it closes: the footer links to the others, in a fixed order. */
  current: ReadingPage;
  /** The address of each page (default: its path in the extension). */
  hrefs?: Partial<Record<ReadingPage, string>>;
}

/** Links to the two other reading pages. */
export function PageFooter({ current, hrefs = {} }: PageFooterProps) {
  const others = (['help', 'method', 'about'] as const).filter((page) => page !== current);
  return (
    <footer class="cp-page-footer">
      {others.map((page) => (
        <a key={page} href={hrefs[page] ?? READING_PAGE_PATHS[page]}>
          {linkLabel(page)}
        </a>
      ))}
    </footer>
  );
}

/**
 * The readable column the three pages share, under the root class each page gives it: the
 * page's background (light and dark), the column, headings, the brand line, lists and footer.
 */
export function readingColumnCss(root: string): string {
  return `
html { background: ${LIGHT_PALETTE.surface}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK_PALETTE.surface}; } }
body { margin: 0; }
.${root} {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 1rem; line-height: 1.55; color: var(--cp-text); background: var(--cp-surface);
  max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
}
.${root} h1 { font-size: 1.6em; line-height: 1.25; margin: 0.1em 0 0.5em; font-weight: 700; }
.${root} h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; }
.${root} h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.${root} p + p { margin-top: 0.6em; }
.cp-page-brand { font-size: 0.875em; font-weight: 600; color: var(--cp-muted); letter-spacing: 0.02em; }
.cp-page-list { list-style: disc; padding-left: 1.25em; display: flex; flex-direction: column; gap: 0.5em; }
.cp-page-footer {
  display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; margin-top: 2.5em; padding-top: 1em;
  border-top: 1px solid var(--cp-border);
}
`;
}
