import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PATH, ARTICLE_URL, THEME_URL } from '../../e2e/fixtures';
import { articlePathFromUrl, isGlobalResearchHost } from './article-path';

describe('articlePathFromUrl', () => {
  it.each([
    ['the canonical address', ARTICLE_URL],
    ['http:', ARTICLE_URL.replace('https:', 'http:')],
    ['the bare domain', ARTICLE_URL.replace('www.', '')],
    ['a query string', `${ARTICLE_URL}?utm_source=newsletter&utm_medium=email`],
    ['a fragment', `${ARTICLE_URL}#comments`],
    ['a trailing slash', `${ARTICLE_URL}/`],
    ['upper-case letters', ARTICLE_URL.replace('www.globalresearch.ca', 'WWW.GlobalResearch.CA')],
    ['a host ending with a dot', ARTICLE_URL.replace('.ca/', '.ca./')],
    [
      'everything at once',
      `${ARTICLE_URL.replace('https://www.', 'http://').toUpperCase()}//?a=1#x`,
    ],
  ])('gives the canonical path for %s', (_label, url) => {
    expect(articlePathFromUrl(url)).toBe(ARTICLE_PATH);
  });

  it('does not depend on the id being 7 digits', () => {
    expect(articlePathFromUrl('https://www.globalresearch.ca/some-older-article/21234')).toBe(
      '/some-older-article/21234',
    );
    expect(articlePathFromUrl('https://www.globalresearch.ca/a-future-article/12345678')).toBe(
      '/a-future-article/12345678',
    );
  });

  it.each([
    ['the theme listing', THEME_URL],
    ['a region listing', 'https://www.globalresearch.ca/region/latin-america-caribbean'],
    ['an author page', 'https://www.globalresearch.ca/author/lucas-leiroz-de-almeida'],
    ['the home page', 'https://www.globalresearch.ca/'],
    ['the bare home page', 'http://globalresearch.ca'],
    ['a paginated home page', 'https://www.globalresearch.ca/page/2'],
    ['a paginated listing', `${THEME_URL}/page/2`],
    ['the feed', 'https://www.globalresearch.ca/feed'],
    ['an upload', 'https://www.globalresearch.ca/wp-content/uploads/2021/06/image.jpg'],
    ['a slug without an id', 'https://www.globalresearch.ca/mexico-president-amlo'],
    ['a non-numeric id', 'https://www.globalresearch.ca/mexico-president-amlo/57461x0'],
    ['a too short id', 'https://www.globalresearch.ca/mexico-president-amlo/57'],
    ['a deeper path', `${ARTICLE_URL}/amp`],
    ['another site', ARTICLE_URL.replace('www.globalresearch.ca', 'example.com')],
    ['a look-alike host', ARTICLE_URL.replace('www.globalresearch.ca', 'notglobalresearch.ca')],
    [
      'the site name inside another domain',
      ARTICLE_URL.replace('www.globalresearch.ca', 'globalresearch.ca.example.com'),
    ],
    ['another scheme', ARTICLE_URL.replace('https:', 'ftp:')],
    ['text that is not a URL', 'mexico-president-amlo-meets-vice-president-kamala-harris/5746160'],
    ['an empty string', ''],
  ])('is null for %s', (_label, url) => {
    expect(articlePathFromUrl(url)).toBeNull();
  });

  it('ignores any query string and fragment', () => {
    fc.assert(
      fc.property(fc.webQueryParameters(), fc.webFragments(), (query, fragment) => {
        expect(articlePathFromUrl(`${ARTICLE_URL}?${query}#${fragment}`)).toBe(ARTICLE_PATH);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), (url) => {
        const path = articlePathFromUrl(url);
        expect(path === null || /^\/[^/]+\/[0-9]+$/.test(path)).toBe(true);
      }),
    );
  });
});

describe('isGlobalResearchHost', () => {
  it.each([
    'www.globalresearch.ca',
    'globalresearch.ca',
    'GlobalResearch.CA',
    'm.globalresearch.ca',
  ])('accepts %s', (host) => {
    expect(isGlobalResearchHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'notglobalresearch.ca',
    'globalresearch.ca.example.com',
    'globalresearch.com',
    '',
  ])('rejects %s', (host) => {
    expect(isGlobalResearchHost(host)).toBe(false);
  });
});
