import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ARTICLE_HEADLINE,
  ARTICLE_PATH,
  ARTICLE_URL,
  type FixtureName,
  readFixture,
  THEME_URL,
} from '../../e2e/fixtures';
import { articleText } from './fingerprint';
import { type ArticleRecognition, recogniseArticle, waitForArticle } from './recognise';

/** The object in `target`'s prototype chain that defines the getter `name` (to spy on it). */
function getterOwner<Name extends string>(
  target: object,
  name: Name,
): { [key in Name]: string | null } {
  for (let owner: object | null = target; owner !== null; owner = Object.getPrototypeOf(owner)) {
    if (Object.getOwnPropertyDescriptor(owner, name)?.get) {
      return owner as { [key in Name]: string | null };
    }
  }
  throw new Error(`no ${name} getter`);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function parseFixture(name: FixtureName): Document {
  return parse(readFixture(name));
}

/** Asserts a result exists and narrows its type for the checks that follow. */
function expectRecognised(result: ArticleRecognition | null): ArticleRecognition {
  expect(result).not.toBeNull();
  if (result === null) throw new Error('not recognised');
  return result;
}

const CANONICAL_URL = `https://www.globalresearch.ca${ARTICLE_PATH}`;

// The forms an article's address takes in the wild; all must lead to the same article path.
const ADDRESS_FORMS: readonly (readonly [string, string])[] = [
  ['its canonical address', ARTICLE_URL],
  ['http:', ARTICLE_URL.replace('https:', 'http:')],
  ['the bare domain', ARTICLE_URL.replace('www.', '')],
  ['a query string', `${ARTICLE_URL}?utm_source=facebook&fbclid=abc123`],
  ['a fragment', `${ARTICLE_URL}#comments`],
  ['a trailing slash', `${ARTICLE_URL}/`],
];

const ARTICLE_PARAGRAPHS = Array.from(
  { length: 6 },
  (_, index) =>
    `<p>Paragraph ${index} of an article long enough to count as a body: it has several sentences, ` +
    'each with a few ordinary words, so that the densest run of paragraphs is clearly here.</p>',
).join('');

describe('recogniseArticle on the main copy', () => {
  it.each(ADDRESS_FORMS)('recognises the article at %s', (_label, url) => {
    const doc = parseFixture('article.html');
    const result = expectRecognised(recogniseArticle(doc, url));
    expect(result.headline).toBe(ARTICLE_HEADLINE);
    expect(result.articlePath).toBe(ARTICLE_PATH);
    expect(result.canonicalUrl).toBe(CANONICAL_URL);
    expect(result.body).toBe(doc.querySelector('[itemprop="articleBody"]'));
    expect(result.signals).toEqual([
      'host',
      'article-path',
      'canonical-path',
      'og-article',
      'og-title',
      'title-tag',
      'headline-markup',
      'heading',
      'body-markup',
    ]);
  });

  it('gives a body that starts and ends with the article text', () => {
    const result = expectRecognised(recogniseArticle(parseFixture('article.html'), ARTICLE_URL));
    const text = articleText(result.body);
    expect(text.startsWith('Since the beginning of the American electoral process')).toBe(true);
    expect(text).toContain('but it is far from being a "new era".');
    // The site's page furniture is outside the body.
    expect(text).not.toContain('Disclaimer');
    expect(text).not.toContain('Most Popular');
  });

  it('does not depend on the article id', () => {
    const url =
      'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/123';
    const result = expectRecognised(recogniseArticle(parseFixture('article.html'), url));
    expect(result.articlePath).toBe(
      '/mexico-president-amlo-meets-vice-president-kamala-harris/123',
    );
    // The page's canonical link names another id, so that piece of evidence is not counted.
    expect(result.signals).not.toContain('canonical-path');
  });

  it('does not depend on class names', () => {
    const doc = parseFixture('article.html');
    for (const element of doc.querySelectorAll('[class]')) element.removeAttribute('class');
    const result = expectRecognised(recogniseArticle(doc, ARTICLE_URL));
    expect(result.headline).toBe(ARTICLE_HEADLINE);
    expect(result.body).toBe(doc.querySelector('[itemprop="articleBody"]'));
  });
});

describe('recogniseArticle on the variant markup', () => {
  it.each(ADDRESS_FORMS)('recognises the article at %s', (_label, url) => {
    const doc = parseFixture('article-variant.html');
    const result = expectRecognised(recogniseArticle(doc, url));
    // The h1 has a no-break space inside; the headline must not.
    expect(result.headline).toBe(ARTICLE_HEADLINE);
    expect(result.articlePath).toBe(ARTICLE_PATH);
    expect(result.canonicalUrl).toBe(CANONICAL_URL);
    expect(result.body).toBe(doc.querySelector('div.entry-content'));
    expect(result.signals).toEqual([
      'host',
      'article-path',
      'og-title',
      'title-tag',
      'heading',
      'body-container',
    ]);
  });

  it('finds the body without its class, in the <article> element', () => {
    const doc = parseFixture('article-variant.html');
    doc.querySelector('div.entry-content')?.removeAttribute('class');
    const result = expectRecognised(recogniseArticle(doc, ARTICLE_URL));
    expect(result.body.tagName).toBe('ARTICLE');
    expect(articleText(result.body)).toContain('power, so conflicts of interest will continue.');
  });
});

describe('recogniseArticle on pages that are not articles', () => {
  it('rejects the theme listing', () => {
    expect(recogniseArticle(parseFixture('theme-page.html'), THEME_URL)).toBeNull();
  });

  it('rejects the theme listing even when served at an article address', () => {
    // No body markup, one short excerpt per item: nothing adds up to an article.
    expect(recogniseArticle(parseFixture('theme-page.html'), ARTICLE_URL)).toBeNull();
  });

  it('rejects the home page', () => {
    const home = parse(
      '<title>Global Research - Centre for Research on Globalization</title>' +
        '<meta property="og:type" content="website"><h1>Global Research</h1>' +
        `<div class="content"><div class="column floatAll"><strong class="title"><a href="${ARTICLE_URL}">` +
        `${ARTICLE_HEADLINE}</a></strong></div>${ARTICLE_PARAGRAPHS}</div>`,
    );
    expect(recogniseArticle(home, 'https://www.globalresearch.ca/')).toBeNull();
    expect(recogniseArticle(home, 'http://globalresearch.ca')).toBeNull();
  });

  it('rejects the article page at the home address: the address decides first', () => {
    expect(
      recogniseArticle(parseFixture('article.html'), 'https://www.globalresearch.ca/'),
    ).toBeNull();
  });

  it.each([
    'https://example.com/mexico-president-amlo-meets-vice-president-kamala-harris/5746160',
    'https://globalresearch.ca.example.com/mexico-president-amlo-meets-vice-president-kamala-harris/5746160',
    'file:///tmp/article.html',
  ])('rejects the article page on another host: %s', (url) => {
    expect(recogniseArticle(parseFixture('article.html'), url)).toBeNull();
  });

  it('rejects an article page without its body', () => {
    const doc = parseFixture('article.html');
    doc.querySelector('[itemprop="articleBody"]')?.remove();
    expect(recogniseArticle(doc, ARTICLE_URL)).toBeNull();
  });

  it('rejects an article page whose body is still empty', () => {
    expect(recogniseArticle(parseFixture('article-late.html'), ARTICLE_URL)).toBeNull();
  });

  it('does not guess elsewhere while the marked body is empty', () => {
    // Paragraph-rich furniture (comments, excerpts) must not stand in for a body still to come.
    const doc = parseFixture('article-late.html');
    const comments = doc.createElement('div');
    comments.innerHTML = ARTICLE_PARAGRAPHS;
    doc.querySelector('.media-inquiries')?.after(comments);
    expect(recogniseArticle(doc, ARTICLE_URL)).toBeNull();

    // Without body markup the same furniture is the densest text after the headline: found.
    doc.querySelector('[itemprop="articleBody"]')?.remove();
    expect(recogniseArticle(doc, ARTICLE_URL)?.body).toBe(comments);
  });

  it('rejects paragraphs without a headline', () => {
    expect(recogniseArticle(parse(`<div>${ARTICLE_PARAGRAPHS}</div>`), ARTICLE_URL)).toBeNull();
  });

  it('needs the minimum score: a heading and paragraphs alone are not enough', () => {
    const bare = `<h1>${ARTICLE_HEADLINE}</h1><div>${ARTICLE_PARAGRAPHS}</div>`;
    expect(recogniseArticle(parse(bare), ARTICLE_URL)).toBeNull();

    // The site's <title> repeating the heading tips the balance.
    const titled = `<title>${ARTICLE_HEADLINE} - Global Research</title>${bare}`;
    const result = expectRecognised(recogniseArticle(parse(titled), ARTICLE_URL));
    expect(result.signals).toEqual([
      'host',
      'article-path',
      'title-tag',
      'heading',
      'body-density',
    ]);
    expect(result.body.tagName).toBe('DIV');
  });
});

describe('recogniseArticle never throws', () => {
  it('returns null for addresses that are not URLs', () => {
    const doc = parseFixture('article.html');
    expect(recogniseArticle(doc, '')).toBeNull();
    expect(recogniseArticle(doc, 'not a url')).toBeNull();
  });

  it('survives empty and strange documents', () => {
    const empty = document.implementation.createHTMLDocument('');
    expect(recogniseArticle(empty, ARTICLE_URL)).toBeNull();

    const rootless = parse('<p>x</p>');
    rootless.documentElement.remove();
    expect(recogniseArticle(rootless, ARTICLE_URL)).toBeNull();

    const deep = parse(`<title>x - Global Research</title>${'<div><p>'.repeat(3_000)}text`);
    expect(() => recogniseArticle(deep, ARTICLE_URL)).not.toThrow();
  });

  it('survives a document whose DOM methods throw', () => {
    const hostile = new Proxy(parseFixture('article.html'), {
      get(target, property) {
        if (property === 'querySelector' || property === 'querySelectorAll') {
          return () => {
            throw new Error('hostile page');
          };
        }
        return Reflect.get(target, property, target);
      },
    });
    expect(recogniseArticle(hostile, ARTICLE_URL)).toBeNull();
  });

  it('survives garbage markup', () => {
    const tags = [
      '<p>',
      '</p>',
      '<div itemprop="articleBody">',
      '</div>',
      '<h1>',
      '<h2 itemprop="headline">',
    ];
    const fragments = fc.oneof(fc.string(), fc.constantFrom(...tags));
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 60 }), (parts) => {
        const result = recogniseArticle(parse(parts.join('')), ARTICLE_URL);
        expect(result === null || result.articlePath === ARTICLE_PATH).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a lone marked body only as far as the length it must reach', () => {
    // One candidate is the body whatever its length: its text is read up to the 200 characters
    // that tell a body from a stub, not to the end (the anchoring reads it whole later anyway).
    const paragraphs = Array.from(
      { length: 50 },
      (_, index) => `<p>Paragraph ${index}: ${'ordinary words of the article text '.repeat(8)}</p>`,
    ).join('');
    const doc = parse(
      `<title>${ARTICLE_HEADLINE} - Global Research</title><h2 itemprop="headline">${ARTICLE_HEADLINE}</h2>` +
        `<div itemprop="articleBody">${paragraphs}</div>`,
    );
    const textNodesRead = vi.spyOn(getterOwner(Text.prototype, 'nodeValue'), 'nodeValue', 'get');
    const recognised = expectRecognised(recogniseArticle(doc, ARTICLE_URL));
    expect(recognised.signals).toContain('body-markup');
    expect(recognised.body.querySelectorAll('p')).toHaveLength(50);
    expect(textNodesRead.mock.calls.length).toBeLessThan(5);
    textNodesRead.mockRestore();
  });

  it('bounds its work on an enormous page (5 MB of paragraphs)', () => {
    const paragraph = `<p>${'An enormous page of repeated words keeps going. '.repeat(10)}</p>`;
    const paragraphs = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    const withMarkup = parse(
      `<title>${ARTICLE_HEADLINE} - Global Research</title><h2 itemprop="headline">${ARTICLE_HEADLINE}</h2>` +
        `<div itemprop="articleBody">${paragraphs}</div>`,
    );
    const withoutMarkup = parse(
      `<title>${ARTICLE_HEADLINE} - Global Research</title><h1>${ARTICLE_HEADLINE}</h1><div>${paragraphs}</div>`,
    );

    const paragraphCount = withoutMarkup.querySelectorAll('p').length;
    expect(paragraphCount).toBeGreaterThan(9_000);

    // The work is counted, not timed: position comparisons (each can cost time proportional to
    // the page), paragraphs whose text is read, and text nodes read to measure a body.
    const positions = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const texts = vi.spyOn(
      getterOwner(HTMLParagraphElement.prototype, 'textContent'),
      'textContent',
      'get',
    );
    const textNodesRead = vi.spyOn(getterOwner(Text.prototype, 'nodeValue'), 'nodeValue', 'get');
    const marked = recogniseArticle(withMarkup, ARTICLE_URL);
    expect(marked?.signals).toContain('body-markup');
    // The body's size is measured up to what recognition needs, not to its last paragraph.
    expect(textNodesRead.mock.calls.length).toBeLessThan(1_000);
    positions.mockClear();
    texts.mockClear();

    const unmarked = recogniseArticle(withoutMarkup, ARTICLE_URL);
    expect(unmarked?.signals).toContain('body-density');
    // A binary search for the first paragraph after the headline, not one check per paragraph;
    // at most 3,000 paragraphs weighed (and a few headings read), however many the page has.
    expect(positions.mock.calls.length).toBeLessThan(64);
    expect(texts.mock.calls.length).toBeLessThanOrEqual(3_100);
    expect(texts.mock.calls.length).toBeLessThan(paragraphCount);
  }, 60_000);
});

describe('waitForArticle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** What the late page's script does: moves the template's paragraphs into the body. */
  function insertLateBody(doc: Document): Element {
    const body = doc.querySelector('[itemprop="articleBody"]');
    const template = doc.getElementById('deferred-article-body');
    if (body === null || !(template instanceof doc.defaultView!.HTMLTemplateElement)) {
      throw new Error('article-late.html changed shape');
    }
    body.append(template.content.cloneNode(true));
    return body;
  }

  /** What the late page's script does next: an ad between the second and third paragraphs. */
  function insertAd(doc: Document, body: Element): void {
    const ad = doc.createElement('div');
    ad.className = 'ad-slot';
    ad.innerHTML = '<span>Advertisement</span><p>Sponsored: a placeholder advertisement.</p>';
    body.insertBefore(ad, body.querySelectorAll('p')[2] ?? null);
  }

  function spyOnObserver(doc: Document) {
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    return {
      observe: vi.spyOn(Observer.prototype, 'observe'),
      disconnect: vi.spyOn(Observer.prototype, 'disconnect'),
    };
  }

  it('resolves at once on a page that is already there', async () => {
    const doc = parseFixture('article.html');
    const spies = spyOnObserver(doc);
    const result = await waitForArticle(doc, ARTICLE_URL, { timeoutMs: 50 });
    expect(result?.headline).toBe(ARTICLE_HEADLINE);
    expect(spies.observe).not.toHaveBeenCalled();
  });

  it.each(ADDRESS_FORMS)('waits for the late body at %s', async (_label, url) => {
    vi.useFakeTimers();
    const doc = parseFixture('article-late.html');
    const spies = spyOnObserver(doc);
    let settled = false;
    const waiting = waitForArticle(doc, url, { timeoutMs: 5_000 }).then((result) => {
      settled = true;
      return result;
    });

    // The page's script inserts the paragraphs a little later, then an ad.
    await vi.advanceTimersByTimeAsync(80);
    expect(settled).toBe(false);
    const body = insertLateBody(doc);
    await vi.advanceTimersByTimeAsync(20);
    insertAd(doc, body);
    // Recognised once the page has been quiet for a moment, long before the timeout.
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toBe(true);

    const result = expectRecognised(await waiting);
    expect(result.body).toBe(body);
    expect(result.articlePath).toBe(ARTICLE_PATH);
    expect(result.signals).toContain('body-markup');
    expect(articleText(result.body)).toContain('power, so conflicts of interest will continue.');
    expect(spies.observe).toHaveBeenCalledTimes(1);
    expect(spies.disconnect).toHaveBeenCalledTimes(1);
  });

  it("waits for the body the late page's own script inserts", async () => {
    // A separate happy-dom window that runs the page's scripts, as a browser would.
    const window = new Window({
      url: ARTICLE_URL,
      settings: {
        enableJavaScriptEvaluation: true,
        suppressInsecureJavaScriptEnvironmentWarning: true,
      },
    });
    try {
      // happy-dom types its own DOM classes; at run time they are the DOM this code expects.
      const doc = window.document as unknown as Document;
      doc.write(readFixture('article-late.html'));
      // The body is not there yet when the wait begins: the site's script inserts it later.
      expect(recogniseArticle(doc, ARTICLE_URL)).toBeNull();
      const result = expectRecognised(await waitForArticle(doc, ARTICLE_URL, { timeoutMs: 5_000 }));
      expect(result.body).toBe(doc.querySelector('[itemprop="articleBody"]'));
      expect(Reflect.get(window, '__siteScriptOk')).toBe(true);
    } finally {
      await window.happyDOM.close();
    }
  });

  it('still recognises the late page after the ad has gone in', async () => {
    const doc = parseFixture('article-late.html');
    const body = insertLateBody(doc);
    insertAd(doc, body);
    const result = expectRecognised(await waitForArticle(doc, ARTICLE_URL, { timeoutMs: 50 }));
    expect(result.body).toBe(body);
    expect(body.querySelector('.ad-slot')).not.toBeNull();
  });

  it('resolves null on timeout and lets the observer go', async () => {
    vi.useFakeTimers();
    const doc = parseFixture('article-late.html');
    const spies = spyOnObserver(doc);
    let settled = false;
    const waiting = waitForArticle(doc, ARTICLE_URL, { timeoutMs: 120 }).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(119);
    expect(settled).toBe(false);
    expect(spies.disconnect).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await waiting).toBeNull();
    expect(spies.disconnect).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits about 10 s by default', async () => {
    vi.useFakeTimers();
    const doc = parseFixture('article-late.html');
    let settled = false;
    const waiting = waitForArticle(doc, ARTICLE_URL, {}).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(settled).toBe(true);
    expect(await waiting).toBeNull();
  });

  it('resolves null when aborted, and lets the observer go', async () => {
    const doc = parseFixture('article-late.html');
    const spies = spyOnObserver(doc);
    const controller = new AbortController();
    const waiting = waitForArticle(doc, ARTICLE_URL, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    expect(await waiting).toBeNull();
    expect(spies.disconnect).toHaveBeenCalledTimes(1);

    // Body arriving after the abort changes nothing.
    insertLateBody(doc);
    expect(await waiting).toBeNull();
  });

  it('resolves null at once when already aborted', async () => {
    const doc = parseFixture('article.html');
    const controller = new AbortController();
    controller.abort();
    expect(await waitForArticle(doc, ARTICLE_URL, { signal: controller.signal })).toBeNull();
  });

  it('does not watch a page whose address can never be an article', async () => {
    vi.useFakeTimers();
    const doc = parseFixture('theme-page.html');
    const spies = spyOnObserver(doc);
    // Resolved with no time passing and no timer left behind.
    expect(await waitForArticle(doc, THEME_URL, { timeoutMs: 5_000 })).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(spies.observe).not.toHaveBeenCalled();
  });

  it('keeps checking a page that never stops changing', async () => {
    // A ticker mutating every 20 ms would starve a plain debounce; the maximum delay must not.
    vi.useFakeTimers();
    const doc = parseFixture('article-late.html');
    const ticker = doc.createElement('div');
    doc.body.append(ticker);
    let ticks = 0;
    const interval = setInterval(() => {
      ticks += 1;
      ticker.textContent = String(ticks);
    }, 20);
    try {
      let settled = false;
      const waiting = waitForArticle(doc, ARTICLE_URL, { timeoutMs: 4_000 }).then((result) => {
        settled = true;
        return result;
      });
      await vi.advanceTimersByTimeAsync(60);
      insertLateBody(doc);
      // The ticker never lets the page be quiet for 150 ms; the check still runs within the
      // maximum delay of a second after the first pending change.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(ticks).toBeGreaterThan(50);
      expect(settled).toBe(true);
      expect(await waiting).not.toBeNull();
    } finally {
      clearInterval(interval);
    }
  });
});
