/**
 * The one gate every link in our UI goes through. Source URLs come from packs and link targets
 * from notes a reader typed; only absolute http(s) addresses may become an `href`, so a
 * `javascript:` or `data:` URL can never run in the article page.
 */

/** Returns the normalised address if `raw` is an absolute http or https URL, otherwise null. */
export function safeHttpUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Attributes every outbound link carries: a new tab that cannot reach back into the article page. */
export const EXTERNAL_LINK_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer' } as const;
