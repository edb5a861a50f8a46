/**
 * Which article key an address belongs to, whatever form the address takes. The page reads its
 * notes under one key: the pack's article id when an installed pack matches the page (by its
 * text, in the background), else the article's canonical path. An address alone does not say
 * whether a pack matches (the pack knows the headline and the text, never the numeric id), so a
 * caller without the page passes what else is known: addresses already keyed (stored notes, open
 * tabs) and the installed packs' articles.
 *
 * Pure: no storage, no extension API, no DOM.
 */

import type { PackArticle } from '../packs/types';
import { articlePathFromUrl, isGlobalResearchHost } from '../page/article-path';

/**
 * The path of an address without host, query or fragment, lower case, without a trailing slash
 * ("https://news.example/World/Slug/1234567/?x=1" → "/world/slug/1234567"). The site root is "/".
 * For a Global Research article this is its canonical path (`/slug/1234567`).
 */
export function articleKeyFromUrl(url: string): string {
  const article = articlePathFromUrl(url);
  if (article !== null) return article;
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

/** An address known to show the article stored under `articleKey` (a stored note, a tab's record). */
export interface KeyedPage {
  url: string;
  articleKey: string;
}

/** What is known besides the address; every field is optional. */
export interface ArticleKeyContext {
  /** The pack article the page itself was matched to (the background knows it from the text). */
  packArticleKey?: string | null;
  /** Addresses already keyed: the stored notes' and the open tabs' (`url`, `articleKey`). */
  keyedPages?: Iterable<KeyedPage>;
  /** The installed packs' articles, recognised by the headline WordPress made the slug from. */
  packArticles?: Iterable<PackArticle>;
}

/** Maps an address to its article key; see {@link createArticleKeyResolver}. */
export type ArticleKeyResolver = (url: string) => string;

/**
 * The article key of an address, in this order:
 * 1. the pack article the page was matched to, if given;
 * 2. the key under which notes or tabs of the same article (same site, same canonical path)
 *    are already kept, preferring a pack article's id to a path: the page reads the pack's id
 *    whenever the pack matches, and a path key there means the note predates the pack;
 * 3. an installed pack article on that site whose headline, made into a slug as WordPress makes
 *    it, is the address's slug (the pack has no numeric id to compare);
 * 4. the canonical path ({@link articleKeyFromUrl}).
 */
export function articleKeyFor(url: string, context: ArticleKeyContext = {}): string {
  return createArticleKeyResolver(context)(url);
}

/**
 * {@link articleKeyFor} for many addresses against one context: the keyed pages and the pack
 * slugs are indexed once.
 */
export function createArticleKeyResolver(context: ArticleKeyContext): ArticleKeyResolver {
  const packKey = context.packArticleKey ?? null;
  if (packKey !== null) return () => packKey;

  const keyed = new Map<string, string>();
  for (const page of context.keyedPages ?? []) {
    const site = siteAndPath(page.url);
    if (site === null) continue;
    const current = keyed.get(site);
    // A pack article's id beats a path key; otherwise the first seen stays.
    if (current === undefined || (current.startsWith('/') && !page.articleKey.startsWith('/'))) {
      keyed.set(site, page.articleKey);
    }
  }

  const bySlug = new Map<string, string>();
  for (const article of context.packArticles ?? []) {
    for (const host of article.recognise.hosts) {
      for (const title of [article.recognise.headline, article.title]) {
        const slug = wordpressSlug(title);
        if (slug !== '') bySlug.set(`${siteOf(host)} ${slug}`, article.id);
      }
    }
  }

  return (url) => {
    const path = articleKeyFromUrl(url);
    const site = siteAndPath(url);
    const known = site === null ? undefined : keyed.get(site);
    if (known !== undefined) return known;
    const article = articlePathFromUrl(url);
    if (article !== null) {
      const slug = article.split('/')[1] ?? '';
      const fromPack = bySlug.get(`${siteOf(new URL(url).hostname)} ${slug}`);
      if (fromPack !== undefined) return fromPack;
    }
    return path;
  };
}

/**
 * A slug as WordPress's `sanitize_title` makes one from a headline: accents dropped, lower
 * case, punctuation removed, spaces to hyphens ("Mexico: President AMLO Meets…" →
 * "mexico-president-amlo-meets…").
 */
export function wordpressSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&[a-z]+;|&/g, ' ')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The site an address belongs to: Global Research's hosts are one site; `www.` never counts. */
function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return isGlobalResearchHost(host) ? 'globalresearch.ca' : host.replace(/^www\./, '');
}

/** The site and canonical path of an address, as one comparable string, or null. */
function siteAndPath(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${siteOf(parsed.hostname)} ${articleKeyFromUrl(url)}`;
  } catch {
    return null;
  }
}
