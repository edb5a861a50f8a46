import { describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../packs';
import {
  articleKeyFor,
  articleKeyFromUrl,
  createArticleKeyResolver,
  wordpressSlug,
} from './article-key';

const PATH = '/mexico-president-amlo-meets-vice-president-kamala-harris/5746160';
const CANONICAL = `https://www.globalresearch.ca${PATH}`;
/** Every form an address of the article takes in the wild. */
const ADDRESS_FORMS = [
  CANONICAL,
  `http://www.globalresearch.ca${PATH}`,
  `https://globalresearch.ca${PATH}`,
  `http://globalresearch.ca${PATH}/`,
  `https://www.globalresearch.ca${PATH}?utm_source=newsletter&x=1`,
  `https://www.globalresearch.ca${PATH}#comments`,
  `https://WWW.GlobalResearch.ca${PATH.toUpperCase()}/?a=b#c`,
];

const packArticle = loadBundledPacks().packs[0]?.article;
if (!packArticle) throw new Error('The bundled pack is missing.');

describe('articleKeyFromUrl', () => {
  it('gives one canonical path for every form of an article address', () => {
    for (const url of ADDRESS_FORMS) expect(articleKeyFromUrl(url)).toBe(PATH);
  });

  it('keys other addresses by their lower-case path', () => {
    expect(articleKeyFromUrl('https://news.example/World/Slug/1234567/?x=1')).toBe(
      '/world/slug/1234567',
    );
    expect(articleKeyFromUrl('https://news.example')).toBe('/');
  });
});

describe('articleKeyFor', () => {
  it('uses the pack article the page was matched to', () => {
    expect(articleKeyFor(CANONICAL, { packArticleKey: 'pack-id' })).toBe('pack-id');
  });

  it('falls back to the canonical path when nothing else is known', () => {
    for (const url of ADDRESS_FORMS) expect(articleKeyFor(url)).toBe(PATH);
  });

  it("files any address form of a pack article under the pack's id, by the headline's slug", () => {
    const resolve = createArticleKeyResolver({ packArticles: [packArticle] });
    for (const url of ADDRESS_FORMS) expect(resolve(url)).toBe(packArticle.id);
    // Another article, and the same slug on another site, stay under their paths.
    expect(resolve('https://www.globalresearch.ca/another-story/5800001')).toBe(
      '/another-story/5800001',
    );
    expect(resolve(`https://news.example${PATH}`)).toBe(PATH);
  });

  it('uses the key the notes or tabs of the same article already have, whatever the slug', () => {
    const renamed = '/a-slug-an-editor-chose/5746160';
    const resolve = createArticleKeyResolver({
      keyedPages: [
        { url: `https://www.globalresearch.ca${renamed}`, articleKey: renamed },
        { url: `https://www.globalresearch.ca${renamed}`, articleKey: 'pack-id' },
        { url: 'https://news.example/story', articleKey: 'other-pack' },
      ],
    });
    // A pack id beats a path key written before the pack was installed.
    expect(resolve(`http://globalresearch.ca${renamed}/?utm=1#top`)).toBe('pack-id');
    expect(resolve('https://www.news.example/story/')).toBe('other-pack');
    // Same path on another site: not the same article.
    expect(resolve(`https://elsewhere.example${renamed}`)).toBe(renamed);
  });
});

describe('wordpressSlug', () => {
  it('makes the slug WordPress makes from a headline', () => {
    expect(wordpressSlug('Mexico: President AMLO Meets Vice President Kamala Harris')).toBe(
      'mexico-president-amlo-meets-vice-president-kamala-harris',
    );
    expect(wordpressSlug('Biden’s “New Era” — Café & Politics')).toBe(
      'bidens-new-era-cafe-politics',
    );
  });
});
