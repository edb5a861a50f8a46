import { beforeEach, describe, expect, it } from 'vitest';
import { anchor, anchorAll, describe as describeRange, readText } from './index';
import { mountArticle, rangeOfText, textOf, withStylesRead } from './test-fixtures';
import type { AnchorResult, AnchorTarget, Selector } from './types';

const quote = (exact: string, prefix?: string, suffix?: string): Selector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
});

/** The anchored range's text, or a description of the orphan so failures read well. */
function anchoredText(result: AnchorResult): string {
  return result.status === 'anchored' ? textOf(result.range) : `<orphan: ${result.reason}>`;
}

const ARTICLE = `
  <h1>Mexico: President AMLO Meets Vice President Kamala Harris</h1>
  <p>Earlier this week, US Vice President Kamala Harris personally met with Lopez Obrador in
  Mexico. Harris saw it as an extremely profitable opportunity and ensured a prosperous future in
  bilateral relations, guaranteeing the beginning of a “new era” in US–Mexico ties.</p>
  <p>Despite the apparent success of the meeting, any optimism regarding this topic should be
  carefully considered. The US and Mexico have always had tense, unstable relations.</p>
  <p>Currently, one of the most relevant points in the clash of interests between the US and
  Latin nations is the migration issue.</p>`;

describe('anchor: survives what publishers change', () => {
  it('matches across collapsed whitespace, &nbsp; and <br>', () => {
    const root = mountArticle('<p>The quick&nbsp;brown\n   fox<br>jumps over the lazy dog.</p>');
    const result = anchor(root, [quote('quick brown fox jumps')]);
    expect(result).toMatchObject({ status: 'anchored', quality: 'exact', score: 1 });
    expect(anchoredText(result)).toBe('quick\u00a0brown\n   foxjumps');
  });

  it('matches straight quotes against curly ones and the reverse', () => {
    const root = mountArticle(ARTICLE);
    const result = anchor(root, [quote('the beginning of a "new era" in')]);
    expect(anchoredText(result)).toBe('the beginning of a \u201cnew era\u201d in');
    const straight = mountArticle(`<p>It's a "new era".</p>`);
    expect(anchoredText(anchor(straight, [quote('It\u2019s a \u201cnew era\u201d')]))).toBe(
      `It's a "new era"`,
    );
  });

  it('matches a hyphen against en and em dashes', () => {
    const root = mountArticle(`${ARTICLE}<p>Latin world \u2014 which obviously</p>`);
    expect(anchoredText(anchor(root, [quote('in US-Mexico ties')]))).toBe('in US\u2013Mexico ties');
    expect(anchoredText(anchor(root, [quote('world - which')]))).toBe('world \u2014 which');
  });

  it('ignores soft hyphens in the page and zero-width characters in the quote', () => {
    const root = mountArticle('<p>the inter\u00addependence and inter\u00adconnection</p>');
    expect(anchoredText(anchor(root, [quote('interdependence and inter\u200bconnection')]))).toBe(
      'inter\u00addependence and inter\u00adconnection',
    );
  });

  it('ignores zero-width characters in the page', () => {
    const root = mountArticle('<p>Andr\u200bés Manuel\u2060 López\ufeff Obrador</p>');
    expect(anchor(root, [quote('Andrés Manuel López Obrador')])).toMatchObject({
      status: 'anchored',
      quality: 'exact',
    });
  });

  it('matches NFC quotes in an NFD page and the reverse, covering whole characters', () => {
    const nfd = 'Andre\u0301s Manuel Lo\u0301pez Obrador';
    const root = mountArticle(`<p>with ${nfd} in Mexico</p>`);
    expect(anchoredText(anchor(root, [quote('Andr\u00e9s Manuel L\u00f3pez')]))).toBe(
      'Andre\u0301s Manuel Lo\u0301pez',
    );
    const nfcRoot = mountArticle('<p>with Andr\u00e9s Manuel L\u00f3pez Obrador</p>');
    expect(anchoredText(anchor(nfcRoot, [quote('Manuel Lo\u0301pez')]))).toBe('Manuel L\u00f3pez');
  });

  it('anchors a passage across <a>, <u>, <em> and a paragraph boundary', () => {
    const root = mountArticle(
      '<p>she <a href="#">said</a>. This <u>optimism</u> was <em>shared</em> by analysts.</p>' +
        '<p>Despite the apparent success of the meeting</p>',
    );
    const result = anchor(root, [quote('said. This optimism was shared by analysts. Despite the')]);
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    expect(result.range.startContainer.parentElement?.tagName).toBe('A');
    expect(result.range.endContainer.parentElement?.tagName).toBe('P');
    expect(textOf(result.range)).toBe('said. This optimism was shared by analysts.Despite the');
  });

  it('keeps words of adjacent paragraphs apart even without whitespace between them', () => {
    const root = mountArticle('<p>end of one.</p><p>Start of two.</p>');
    expect(anchor(root, [quote('one. Start')])).toMatchObject({ status: 'anchored' });
    expect(anchor(root, [quote('one.Start')]).status).toBe('orphan');
  });
});

describe('anchor: hidden text is never matched', () => {
  const hiders: Record<string, string> = {
    script: '<script>var x = "secret passage here";</script>',
    style: '<style>/* secret passage here */</style>',
    'display:none': '<div style="display:none">secret passage here</div>',
    'aria-hidden': '<div aria-hidden="true">secret passage here</div>',
    hidden: '<div hidden>secret passage here</div>',
    noscript: '<noscript>secret passage here</noscript>',
    template: '<template>secret passage here</template>',
  };

  for (const [name, html] of Object.entries(hiders)) {
    it(`skips ${name}`, () => {
      const root = mountArticle(`<p>Visible words.</p>${html}<p>More visible words.</p>`);
      expect(anchor(root, [quote('secret passage here')])).toEqual({
        status: 'orphan',
        reason: 'not-found',
      });
      const both = mountArticle(`${html}<p id="real">A secret passage here indeed.</p>`);
      const result = anchor(both, [quote('secret passage here')]);
      expect(result.status === 'anchored' && result.range.startContainer.parentElement?.id).toBe(
        'real',
      );
    });
  }

  it('skips display:none set by a stylesheet', () => {
    const root = mountArticle(
      '<style>.ad { display: none }</style><div class="ad">secret passage here</div><p>x</p>',
    );
    expect(anchor(root, [quote('secret passage here')]).status).toBe('orphan');
  });

  it('skips our own UI through options.ignore', () => {
    const root = mountArticle(
      '<p>Visible <span data-counterpoint>secret passage here</span> text.</p>',
    );
    const ignore = (node: Node): boolean =>
      node instanceof Element && node.hasAttribute('data-counterpoint');
    expect(anchor(root, [quote('secret passage here')], { ignore }).status).toBe('orphan');
    expect(anchor(root, [quote('Visible text')], { ignore }).status).toBe('anchored');
    expect(anchor(root, [quote('secret passage here')]).status).toBe('anchored');
  });
});

describe('anchor: choosing among places', () => {
  const twice =
    '<p id="first">In the north the harvest was poor this year, farmers said.</p>' +
    '<p id="second">In the south the harvest was poor this year, officials said.</p>';

  const paragraphOf = (result: AnchorResult): string | undefined =>
    result.status === 'anchored'
      ? result.range.startContainer.parentElement?.id
      : `orphan: ${result.reason}`;

  it('lets the prefix decide between two occurrences', () => {
    const root = mountArticle(twice);
    expect(paragraphOf(anchor(root, [quote('the harvest was poor', 'In the south ')]))).toBe(
      'second',
    );
    expect(paragraphOf(anchor(root, [quote('the harvest was poor', 'In the north ')]))).toBe(
      'first',
    );
  });

  it('lets the suffix decide between two occurrences', () => {
    const root = mountArticle(twice);
    const exact = 'the harvest was poor this year,';
    expect(paragraphOf(anchor(root, [quote(exact, undefined, ' officials said.')]))).toBe('second');
    expect(paragraphOf(anchor(root, [quote(exact, undefined, ' farmers said.')]))).toBe('first');
  });

  it('lets the position decide between identical passages, and calls it ambiguous without', () => {
    const root = mountArticle('<p>Same words here.</p>'.repeat(5));
    const original = rangeOfText(root, 'words', 2);
    const described = describeRange(root, original);
    if (!described.ok) throw new Error(described.reason);
    // The same short context fits all five copies; only the position can tell them apart.
    const sameEverywhere = quote('words', 'Same ', ' here.');
    const result = anchor(root, [sameEverywhere, described.selectors[1]]);
    expect(result.status === 'anchored' && result.range.startContainer).toBe(
      original.startContainer,
    );
    expect(anchor(root, [sameEverywhere])).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });

  it('lets long context decide between copies that only differ far away', () => {
    const root = mountArticle(`<p>Intro.</p>${'<p>Same words here.</p>'.repeat(5)}`);
    const original = rangeOfText(root, 'words', 3);
    const described = describeRange(root, original);
    if (!described.ok) throw new Error(described.reason);
    const result = anchor(root, described.selectors);
    expect(result.status === 'anchored' && result.range.startContainer).toBe(
      original.startContainer,
    );
  });

  it('still anchors when text is inserted before the passage', () => {
    const root = mountArticle(ARTICLE);
    const described = describeRange(root, rangeOfText(root, 'tense, unstable relations'));
    if (!described.ok) throw new Error(described.reason);
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement. Share this article on every network you know. '.repeat(20);
    root.prepend(ad);
    const result = anchor(root, described.selectors);
    expect(result).toMatchObject({ status: 'anchored', quality: 'exact' });
    expect(anchoredText(result)).toBe('tense, unstable relations');
  });

  it('still picks the right copy of a repeated quote when text is inserted before', () => {
    const root = mountArticle(twice);
    const described = describeRange(root, rangeOfText(root, 'harvest was poor', 1));
    if (!described.ok) throw new Error(described.reason);
    root.prepend(document.createElement('p'));
    root.firstElementChild?.append('A long inserted share widget. '.repeat(10));
    expect(paragraphOf(anchor(root, described.selectors))).toBe('second');
  });
});

describe('anchor: edits', () => {
  const sentence = 'The US and Mexico have always had tense, unstable relations.';
  let selectors: Selector[] = [];

  beforeEach(() => {
    const root = mountArticle(ARTICLE);
    const described = describeRange(root, rangeOfText(root, sentence));
    if (!described.ok) throw new Error(described.reason);
    selectors = described.selectors;
  });

  it('finds a lightly edited passage as fuzzy, with a lower score, in the right place', () => {
    const edited = 'The US and Mexico have always had tense, unsteady relations.';
    const root = mountArticle(ARTICLE.replace(sentence, edited));
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'anchored', quality: 'fuzzy' });
    if (result.status !== 'anchored') return;
    expect(result.score).toBeGreaterThan(0.75);
    expect(result.score).toBeLessThan(1);
    expect(textOf(result.range)).toBe(edited);
  });

  it('finds the passage when words inside it were changed and the paragraph moved', () => {
    const edited = 'The U.S. and Mexico have always had tense and unstable relations.';
    const moved = ARTICLE.replace(sentence, edited).replace('<h1>', '<p>Breaking.</p><h1>');
    const result = anchor(mountArticle(moved), selectors);
    expect(anchoredText(result)).toBe(edited);
  });

  it('makes an orphan, not a guess, when the passage was rewritten', () => {
    const rewritten = 'Relations between Washington and Mexico City were never calm.';
    const result = anchor(mountArticle(ARTICLE.replace(sentence, rewritten)), selectors);
    expect(result.status).toBe('orphan');
  });

  it('makes an orphan when the passage was deleted, even if similar words remain', () => {
    const result = anchor(mountArticle(ARTICLE.replace(sentence, '')), selectors);
    expect(result.status).toBe('orphan');
  });
});

describe('anchor: quote sizes', () => {
  it('anchors a one-word quote by its context', () => {
    const root = mountArticle(ARTICLE);
    for (const occurrence of [0, 1, 2, 3]) {
      const original = rangeOfText(root, 'Mexico', occurrence);
      const described = describeRange(root, original);
      if (!described.ok) throw new Error(described.reason);
      const result = anchor(root, [described.selectors[0]]);
      expect(result.status).toBe('anchored');
      if (result.status !== 'anchored') return;
      expect(result.range.startContainer).toBe(original.startContainer);
      expect(result.range.startOffset).toBe(original.startOffset);
      expect(textOf(result.range)).toBe('Mexico');
    }
  });

  it('anchors a two-word quote', () => {
    const root = mountArticle(ARTICLE);
    expect(anchoredText(anchor(root, [quote('migration issue')]))).toBe('migration issue');
  });

  it('anchors a whole paragraph', () => {
    const root = mountArticle(ARTICLE);
    const paragraph = root.querySelectorAll('p')[1];
    if (!paragraph) throw new Error('fixture changed');
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const described = describeRange(root, range);
    if (!described.ok) throw new Error(described.reason);
    const result = anchor(root, [described.selectors[0]]);
    expect(anchoredText(result)).toBe(paragraph.textContent?.trim());
  });
});

describe('anchor: bad input gives an orphan, never an exception', () => {
  const cases: Array<[string, () => AnchorResult, string]> = [
    ['an empty quote', () => anchor(mountArticle(ARTICLE), [quote('')]), 'empty-quote'],
    [
      'a whitespace quote',
      () => anchor(mountArticle(ARTICLE), [quote(' \n\u00a0')]),
      'empty-quote',
    ],
    [
      'a quote longer than the page',
      () => anchor(mountArticle('<p>short</p>'), [quote('a much longer quote than the page')]),
      'not-found',
    ],
    ['no selectors', () => anchor(mountArticle(ARTICLE), []), 'no-selector'],
    [
      'unknown selector types',
      () =>
        anchor(mountArticle(ARTICLE), [
          { type: 'CssSelector', value: 'p' } as unknown as Selector,
          { type: 'TextQuoteSelector', exact: 42 } as unknown as Selector,
        ]),
      'no-selector',
    ],
    [
      'selectors that are not a list',
      () => anchor(mountArticle(ARTICLE), 'quote' as unknown as Selector[]),
      'no-selector',
    ],
    [
      'a reversed position',
      () => anchor(mountArticle(ARTICLE), [{ type: 'TextPositionSelector', start: 9, end: 3 }]),
      'invalid-selector',
    ],
    [
      'a position past the end',
      () =>
        anchor(mountArticle(ARTICLE), [{ type: 'TextPositionSelector', start: 0, end: 10 ** 7 }]),
      'invalid-selector',
    ],
    [
      'a detached root',
      () => anchor(document.createElement('article'), [quote('anything')]),
      'detached-root',
    ],
    ['a null root', () => anchor(null as unknown as Element, [quote('x')]), 'invalid-root'],
  ];

  for (const [name, run, reason] of cases) {
    it(`handles ${name}`, () => {
      expect(run()).toEqual({ status: 'orphan', reason });
    });
  }

  it('anchors a valid position selector on its own, trimming whitespace', () => {
    const root = mountArticle('<p>alpha beta gamma</p>');
    const result = anchor(root, [{ type: 'TextPositionSelector', start: 5, end: 11 }]);
    expect(anchoredText(result)).toBe('beta');
  });

  it('uses the quote and ignores a nonsense position next to it', () => {
    const root = mountArticle(ARTICLE);
    const result = anchor(root, [
      { type: 'TextPositionSelector', start: -4, end: 2.5 },
      quote('unstable relations'),
    ]);
    expect(anchoredText(result)).toBe('unstable relations');
  });
});

describe('anchorAll', () => {
  it('returns one result per target, in order', () => {
    const root = mountArticle(ARTICLE);
    const results = anchorAll(root, [
      { id: 'a', selectors: [quote('migration issue')] },
      { id: 'b', selectors: [quote('not in this article at all, not at all')] },
      { id: 'c', selectors: [quote('Kamala Harris personally met')] },
      { id: 'd', selectors: [] },
    ]);
    expect(results.map(anchoredText)).toEqual([
      'migration issue',
      '<orphan: not-found>',
      'Kamala Harris personally met',
      '<orphan: no-selector>',
    ]);
  });

  it('gives the same answers as anchor, target by target, exact and fuzzy alike', () => {
    const original = mountArticle(ARTICLE);
    const passages = [
      'tense, unstable relations',
      'Kamala Harris personally met with Lopez Obrador',
      'Mexico',
      'the clash of interests between the US and',
      'any optimism regarding this topic should be',
    ];
    const targets: AnchorTarget[] = passages.map((passage, index) => {
      const described = describeRange(original, rangeOfText(original, passage));
      if (!described.ok) throw new Error(described.reason);
      return { id: String(index), selectors: described.selectors };
    });
    targets.push({ id: 'gone', selectors: [quote('words that were never in the article at all')] });
    // Edit two passages a little and one beyond recognition.
    const root = mountArticle(
      ARTICLE.replace('personally met with', 'personaly met wiht')
        .replace('the clash of interests', 'the clash of interest')
        .replace('any optimism regarding this topic', 'all hope about such things'),
    );
    const together = anchorAll(root, targets);
    const oneByOne = targets.map((target) => anchor(root, target.selectors));
    expect(together.map(anchoredText)).toEqual(oneByOne.map(anchoredText));
    const outcome = (result: AnchorResult): string =>
      result.status === 'anchored' ? result.quality : 'orphan';
    expect(together.map(outcome)).toEqual(['exact', 'fuzzy', 'exact', 'fuzzy', 'orphan', 'orphan']);
  });

  it('reads the page once however many targets there are', () => {
    const root = mountArticle(ARTICLE);
    let visits = 0;
    const ignore = (): boolean => {
      visits += 1;
      return false;
    };
    // "Mexico" occurs several times and no context was saved: only the full matcher, which
    // reads the visible text, can decide, for one target as for 25.
    anchorAll(root, [{ id: 'a', selectors: [quote('Mexico')] }], { ignore });
    const visitsForOne = visits;
    visits = 0;
    const many = Array.from({ length: 25 }, (_, index) => ({
      id: String(index),
      selectors: [quote('Mexico')],
    }));
    anchorAll(root, many, { ignore });
    expect(visitsForOne).toBeGreaterThan(0);
    expect(visits).toBe(visitsForOne);
  });

  it('settles unchanged passages without reading every element’s style', () => {
    const root = mountArticle(ARTICLE);
    const { result: results, styled } = withStylesRead(root, () =>
      anchorAll(root, [
        { id: 'a', selectors: [quote('migration issue', 'Latin nations is the ', '.')] },
        { id: 'b', selectors: [quote('tense, unstable relations', 'have always had ', '.')] },
      ]),
    );
    expect(results.map(anchoredText)).toEqual(['migration issue', 'tense, unstable relations']);
    // Only the two paragraphs holding the passages were looked at, not the h1 or the first p.
    expect(styled.size).toBe(2);
  });

  it('gives a result to a short quote whose context changed, even with nothing to seed a search', () => {
    // Found by the property tests: "café" with only " a " after it, then a letter typed between.
    const root = mountArticle('<p>café a </p>');
    const quoteSelector = quote('café', '', ' a ');
    (root.querySelector('p')?.firstChild as Text).data = 'caféb a ';
    const results = anchorAll(root, [{ id: 'a', selectors: [quoteSelector] }]);
    expect(results).toHaveLength(1);
    expect(['anchored', 'orphan']).toContain(results[0]?.status);
    expect(anchoredText(results[0] as AnchorResult)).toBe('café');
  });

  it('gives every target the orphan reason of an unreadable root', () => {
    const results = anchorAll(document.createElement('div'), [
      { id: 'a', selectors: [quote('x')] },
      { id: 'b', selectors: [quote('y')] },
    ]);
    expect(results).toEqual([
      { status: 'orphan', reason: 'detached-root' },
      { status: 'orphan', reason: 'detached-root' },
    ]);
  });
});

describe('anchorAll with text read ahead of time', () => {
  it('gives the same answers as reading the page itself, without reading it again', () => {
    document.body.innerHTML =
      '<article><p>One claim here.</p><p>Another <em>claim</em> there.</p></article>';
    const root = document.querySelector('article')!;
    const targets = [
      { id: 'a', selectors: [{ type: 'TextQuoteSelector' as const, exact: 'One claim' }] },
      { id: 'b', selectors: [{ type: 'TextQuoteSelector' as const, exact: 'Another claim' }] },
    ];
    const prepared = readText(root);
    expect(prepared).not.toBeNull();
    const ahead = anchorAll(root, targets, { prepared });
    const fresh = anchorAll(root, targets);
    expect(ahead.map((r) => (r.status === 'anchored' ? r.range.toString() : r.reason))).toEqual(
      fresh.map((r) => (r.status === 'anchored' ? r.range.toString() : r.reason)),
    );
    expect(ahead.map((r) => r.status)).toEqual(['anchored', 'anchored']);
  });

  it('ignores text read from another root', () => {
    document.body.innerHTML =
      '<div id="a"><p>alpha beta</p></div><div id="b"><p>gamma delta</p></div>';
    const prepared = readText(document.getElementById('a')!);
    const [result] = anchorAll(
      document.getElementById('b')!,
      [{ id: 'x', selectors: [{ type: 'TextQuoteSelector', exact: 'gamma' }] }],
      { prepared },
    );
    expect(result?.status).toBe('anchored');
  });

  it('returns null for a root it cannot read', () => {
    expect(readText(document.createElement('div'))).toBeNull();
  });
});

describe('anchorAll without live ranges', () => {
  it('makes a passage’s range only when it is read, once, on the span it reports', () => {
    const root = mountArticle(ARTICLE);
    const made: Range[] = [];
    const createRange = document.createRange;
    document.createRange = () => {
      const range = createRange.call(document);
      made.push(range);
      return range;
    };
    try {
      const results = anchorAll(root, [
        // Settled on the raw text, then by the full matcher (the quotes differ).
        { id: 'verbatim', selectors: [quote('tense, unstable relations')] },
        { id: 'matched', selectors: [quote('tense,   unstable "relations')] },
        { id: 'position', selectors: [{ type: 'TextPositionSelector', start: 10, end: 20 }] },
      ]);
      expect(results.map((result) => result.status)).toEqual(['anchored', 'anchored', 'anchored']);
      expect(made).toHaveLength(0);
      for (const result of results) {
        if (result.status !== 'anchored') continue;
        const { span } = result;
        const range = result.range;
        expect(result.range).toBe(range);
        expect(range.startContainer).toBe(span.startContainer);
        expect(range.startOffset).toBe(span.startOffset);
        expect(range.endContainer).toBe(span.endContainer);
        expect(range.endOffset).toBe(span.endOffset);
      }
      expect(made).toHaveLength(3);
    } finally {
      document.createRange = createRange;
    }
  });
});
