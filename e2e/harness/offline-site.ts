/**
 * The offline copy of globalresearch.ca: which fixture page answers which address. Tests serve
 * these by request interception, so the real site is never contacted.
 */
import { ARTICLE_PATH, type FixtureName, readFixture } from '../fixtures';

/** The article's address on the bare domain over http, with a query and a fragment. */
export const ARTICLE_URL_VARIANT = `http://globalresearch.ca${ARTICLE_PATH}/?utm_source=newsletter&utm_medium=email#comments`;

/** Which fixture to serve for a globalresearch.ca address; undefined means 404. */
export type SiteMap = (url: URL) => FixtureName | { html: string } | undefined;

/** The default site: the article (any host form) and the History theme page. */
export const defaultSite: SiteMap = (url) => {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === ARTICLE_PATH) return 'article.html';
  if (path === '/theme/culture-society-history') return 'theme-page.html';
  return undefined;
};

/** The HTML for an address, or undefined for a 404. */
export function pageFor(site: SiteMap, address: string): string | undefined {
  const entry = site(new URL(address));
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? readFixture(entry) : entry.html;
}

/** Whether an address belongs to the site served offline. */
export function isSiteAddress(address: string): boolean {
  try {
    const { hostname } = new URL(address);
    return hostname === 'globalresearch.ca' || hostname.endsWith('.globalresearch.ca');
  } catch {
    return false;
  }
}
