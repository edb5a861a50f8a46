import { describe, expect, it } from 'vitest';
import type { ShownItem } from '../messaging/shown-item';
import { makeNote } from '../notes-io/test-notes';
import { loadBundledPacks } from '../packs';
import type { Verdict } from '../packs/types';
import { DEFAULT_SETTINGS } from '../settings';
import type { StoredClaim } from '../store/db';
import type { TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import {
  buildOverview,
  filterClaims,
  inReadingOrder,
  type OverviewInput,
  toggleVerdict,
  verdictCounts,
} from './overview';

const pack = loadBundledPacks().packs[0]!;
const CLAIMS: StoredClaim[] = pack.claims.map((claim, order) => ({
  ...claim,
  articleKey: pack.article.id,
  order,
}));
const URL_OF_ARTICLE =
  'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160';

const PAGE: TabPage = {
  tabId: 4,
  articleKey: pack.article.id,
  articleTitle: pack.article.title,
  url: URL_OF_ARTICLE,
  hasPack: true,
  lastReviewed: pack.lastReviewed,
  claimsTotal: CLAIMS.length,
  claimsAnchored: CLAIMS.length,
  orphanedClaimIds: [],
  notesAnchored: 2,
  orphanedNoteIds: ['lost'],
};

function at(id: string, start: number | null, created = '2026-01-01T00:00:00.000Z'): Note {
  return makeNote({
    id,
    articleKey: pack.article.id,
    created,
    target: {
      selectors: [
        { type: 'TextQuoteSelector', exact: `passage ${id}` },
        ...(start === null
          ? []
          : [{ type: 'TextPositionSelector' as const, start, end: start + 10 }]),
      ],
    },
  });
}

function input(overrides: Partial<OverviewInput> = {}): OverviewInput {
  return {
    tabUrl: URL_OF_ARTICLE,
    page: PAGE,
    claims: CLAIMS,
    notes: [],
    settings: DEFAULT_SETTINGS,
    shown: null,
    ...overrides,
  };
}

describe('the overview of a tab', () => {
  it('lists the claims in the pack’s order, which is the order a reader meets them', () => {
    const overview = buildOverview(input({ claims: CLAIMS }));
    expect(overview.kind).toBe('article');
    if (overview.kind !== 'article') return;
    expect(overview.claims.map((claim) => claim.id)).toEqual(pack.claims.map((claim) => claim.id));
  });

  it('orders notes by where their passages start, then by when they were written', () => {
    const notes = [
      at('c', 900),
      at('a', 15),
      at('no-position', null),
      at('b2', 300, '2026-02-02T00:00:00.000Z'),
      at('b1', 300, '2026-01-01T00:00:00.000Z'),
    ];
    expect(inReadingOrder(notes).map((note) => note.id)).toEqual([
      'a',
      'b1',
      'b2',
      'c',
      'no-position',
    ]);
  });

  it('puts the notes that could not be placed in their own group, and leaves out deleted ones', () => {
    const overview = buildOverview(
      input({
        notes: [
          at('second', 500),
          at('lost', 20),
          at('first', 100),
          { ...at('deleted', 50), deletedAt: '2026-01-02T00:00:00.000Z' },
          { ...at('elsewhere', 60), articleKey: '/other/1234567' },
        ],
      }),
    );
    if (overview.kind !== 'article') throw new Error(overview.kind);
    expect(overview.placedNotes.map((note) => note.id)).toEqual(['first', 'second']);
    expect(overview.orphanedNotes.map((note) => note.id)).toEqual(['lost']);
  });

  it('carries what the page has open', () => {
    const shown: ShownItem = { kind: 'claim', id: CLAIMS[2]!.id };
    const overview = buildOverview(input({ shown }));
    expect(overview.kind === 'article' && overview.shown).toEqual(shown);
  });

  it('lists no claims for an article without a pack, but its notes still', () => {
    const overview = buildOverview(
      input({ page: { ...PAGE, hasPack: false, orphanedNoteIds: [] }, notes: [at('n', 5)] }),
    );
    if (overview.kind !== 'article') throw new Error(overview.kind);
    expect(overview.claims).toEqual([]);
    expect(overview.placedNotes).toHaveLength(1);
  });

  it('says why there is nothing to list: another site, a page that is not an article, or not yet', () => {
    const empty = (tabUrl: string | undefined) => buildOverview(input({ tabUrl, page: null }));
    expect(empty(undefined)).toEqual({ kind: 'empty', reason: 'other-site' });
    expect(empty('https://example.com/story/1234567')).toEqual({
      kind: 'empty',
      reason: 'other-site',
    });
    expect(empty('chrome://newtab/')).toEqual({ kind: 'empty', reason: 'other-site' });
    expect(empty('https://www.globalresearch.ca/')).toEqual({
      kind: 'empty',
      reason: 'not-an-article',
    });
    expect(empty('https://www.globalresearch.ca/theme/latin-america')).toEqual({
      kind: 'empty',
      reason: 'not-an-article',
    });
    expect(empty(URL_OF_ARTICLE)).toEqual({ kind: 'empty', reason: 'waiting' });
  });

  it('says the site is paused rather than listing what the page no longer shows', () => {
    const overview = buildOverview(
      input({ settings: { ...DEFAULT_SETTINGS, pausedHosts: ['globalresearch.ca'] } }),
    );
    expect(overview).toEqual({
      kind: 'paused',
      host: 'globalresearch.ca',
      articleTitle: pack.article.title,
    });
  });
});

describe('the verdict filter', () => {
  const claim = (id: string, verdict: Verdict) => ({ ...CLAIMS[0]!, id, verdict });
  const claims = [
    claim('one', 'misleading'),
    claim('two', 'supported'),
    claim('three', 'misleading'),
    claim('four', 'opinion'),
  ];

  it('counts each verdict, in the verdicts’ order, leaving out those no claim has', () => {
    expect(verdictCounts(claims)).toEqual([
      { verdict: 'supported', count: 1 },
      { verdict: 'misleading', count: 2 },
      { verdict: 'opinion', count: 1 },
    ]);
  });

  it('shows every claim with nothing chosen, and only the chosen verdicts otherwise, in order', () => {
    expect(filterClaims(claims, new Set()).map((c) => c.id)).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
    let chosen = toggleVerdict(new Set(), 'misleading');
    expect(filterClaims(claims, chosen).map((c) => c.id)).toEqual(['one', 'three']);
    chosen = toggleVerdict(chosen, 'opinion');
    expect(filterClaims(claims, chosen).map((c) => c.id)).toEqual(['one', 'three', 'four']);
    chosen = toggleVerdict(chosen, 'misleading');
    expect(filterClaims(claims, chosen).map((c) => c.id)).toEqual(['four']);
  });
});
