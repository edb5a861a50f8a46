import { describe, expect, it } from 'vitest';
import { ARTICLE_URL, readFixture } from '../../e2e/fixtures';
import { articleText, fingerprintSimilarity, textFingerprint } from '../page/fingerprint';
import { recogniseArticle } from '../page/recognise';
import { loadBundledPacks } from '.';
import { matchPackArticle, normaliseHeadline } from './match';

const [pack] = loadBundledPacks().packs;

function pageIdentity(html: string, url = ARTICLE_URL) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const recognition = recogniseArticle(doc, url);
  if (!recognition) throw new Error('fixture not recognised');
  return {
    hostname: new URL(url).hostname,
    headline: recognition.headline,
    fingerprint: textFingerprint(articleText(recognition.body)),
  };
}

describe('matching a page to its context pack', () => {
  it('the pack carries the fingerprint of the article as published', () => {
    const page = pageIdentity(readFixture('article.html'));
    expect(pack?.article.recognise.fingerprint).toEqual(page.fingerprint);
  });

  it('matches the article and its copy in other markup', () => {
    for (const name of ['article.html', 'article-variant.html'] as const) {
      expect(
        matchPackArticle([pack!], pageIdentity(readFixture(name)), fingerprintSimilarity),
      ).toBe(pack);
    }
  });

  it('matches on the bare domain, but not on another site', () => {
    const page = pageIdentity(readFixture('article.html'));
    expect(
      matchPackArticle([pack!], { ...page, hostname: 'globalresearch.ca' }, fingerprintSimilarity),
    ).toBe(pack);
    expect(
      matchPackArticle([pack!], { ...page, hostname: 'copycat.example' }, fingerprintSimilarity),
    ).toBeNull();
  });

  it('does not match a different article under the same headline', () => {
    const page = pageIdentity(readFixture('article.html'));
    const other = textFingerprint(
      'An entirely different story about trade, tariffs and ports. '.repeat(20),
    );
    expect(
      matchPackArticle([pack!], { ...page, fingerprint: other }, fingerprintSimilarity),
    ).toBeNull();
  });

  it('matches the same text under an edited headline', () => {
    const page = pageIdentity(readFixture('article.html'));
    expect(
      matchPackArticle(
        [pack!],
        { ...page, headline: 'AMLO and Harris: a new era?' },
        fingerprintSimilarity,
      ),
    ).toBe(pack);
  });

  it('compares headlines by their words alone', () => {
    expect(normaliseHeadline('Mexico:  President AMLO “Meets”\u00a0Vice-President')).toBe(
      'mexico president amlo meets vice president',
    );
  });
});
