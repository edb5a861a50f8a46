/**
 * Global Research article addresses: which hosts belong to the site, and the canonical path
 * (`/slug/1234567`) that identifies an article whatever form its address takes. The path is the
 * notes' fallback key when no context pack matches, so `http:`, a missing `www.`, tracking
 * parameters, fragments and a trailing slash must all lead to the same path.
 */

/** The site's registered domain. */
export const GLOBAL_RESEARCH_DOMAIN = 'globalresearch.ca';

/** The origin every canonical article address is written with. */
export const GLOBAL_RESEARCH_ORIGIN = 'https://www.globalresearch.ca';

// First path segments that WordPress and the site use for listings, feeds and files. A two-segment
// path under one of them (`/page/2`, `/author/5`) is never an article, even with a number last.
const RESERVED_FIRST_SEGMENTS: ReadonlySet<string> = new Set([
  'author',
  'category',
  'comments',
  'feed',
  'page',
  'region',
  'search',
  'tag',
  'theme',
  'wp-admin',
  'wp-content',
  'wp-includes',
  'wp-json',
]);

// A WordPress slug: lower-case letters, digits and hyphens; non-ASCII titles give percent-escapes.
const SLUG_PATTERN = /^[a-z0-9%][a-z0-9%_-]*$/;

// The site's article ids are 7 digits today; older ids were shorter, and ids grow. Accept a range
// rather than one length so nothing depends on the id's exact form.
const ARTICLE_ID_PATTERN = /^[0-9]{3,10}$/;

/** True for `globalresearch.ca` and its subdomains (`www.`), in any letter case. */
export function isGlobalResearchHost(hostname: string): boolean {
  // A fully qualified name may end with a dot (`www.globalresearch.ca.`); it is the same host.
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  return host === GLOBAL_RESEARCH_DOMAIN || host.endsWith(`.${GLOBAL_RESEARCH_DOMAIN}`);
}

/**
 * The canonical path (`/slug/1234567`, lower case, no host, query, fragment or trailing slash) of
 * a Global Research article address, or null for any other address (listings, the home page,
 * other sites, text that is not a URL).
 */
export function articlePathFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!isGlobalResearchHost(parsed.hostname)) return null;

  // Empty segments come from trailing or doubled slashes; they carry no meaning.
  const segments = parsed.pathname
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.length !== 2) return null;
  const [slug, id] = segments;
  if (slug === undefined || id === undefined) return null;
  if (RESERVED_FIRST_SEGMENTS.has(slug)) return null;
  if (!SLUG_PATTERN.test(slug) || !ARTICLE_ID_PATTERN.test(id)) return null;
  return `/${slug}/${id}`;
}
