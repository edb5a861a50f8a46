/**
 * The article key for an annotation that came without one (from another tool): the page's path,
 * which is how Counterpoint keys articles that are not in a context pack.
 */

/**
 * The path of an address without host, query or fragment, lower case, without a trailing slash
 * ("https://news.example/World/Slug/1234567/?x=1" → "/world/slug/1234567"). The site root is "/".
 */
export function articleKeyFromUrl(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute address: treat the text as a path so the caller still gets a stable key.
    path = url.split(/[?#]/, 1)[0] ?? '';
  }
  const trimmed = path.toLowerCase().replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
