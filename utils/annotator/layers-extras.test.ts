/**
 * The article view before the extras bundle has loaded: the content script starts without the
 * full matcher and the wrapping fallback, asks for them only when the page needs them, and
 * reports no passage as an orphan while they load. (happy-dom has no Custom Highlight API, so
 * painting the claims needs the fallback here.) Nothing in this file registers the extras.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageWords } from '../i18n/page-words';
import type { NoteAnchor, PageStatusReport } from '../messaging/protocol';
import { loadBundledPacks } from '../packs';
import type { StoredClaim } from '../store/db';
import { type ArticleView, createArticleView } from './article-view';
import { CONTENT_EXTRAS } from './content-extras';
import { loadArticle } from './test-doubles';
import type { ContentExtras } from './ui-loader';

const [pack] = loadBundledPacks().packs;
const claims: StoredClaim[] = (pack?.claims ?? []).map((claim, order) => ({
  ...claim,
  articleKey: 'article',
  order,
}));

/** A note on the first claim's words as they were before the publisher edited one letter. */
function editedNote(): NoteAnchor {
  const quote = claims[0]?.quote.exact ?? '';
  const at = quote.indexOf('e', 10);
  const edited = `${quote.slice(0, at)}a${quote.slice(at + 1)}`;
  return { id: 'edited', target: { selectors: [{ type: 'TextQuoteSelector', exact: edited }] } };
}

/** A promise and the means to settle it from the test. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets the loader's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let view: ArticleView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

function start(notes: NoteAnchor[]) {
  const { body } = loadArticle();
  const before = body.innerHTML;
  const loading = deferred<ContentExtras>();
  const statuses: PageStatusReport[] = [];
  let asked = 0;
  view = createArticleView({
    doc: document,
    body,
    claims,
    notes,
    visibility: { claims: true, notes: true },
    words: pageWords(),
    onStatus: (status) => statuses.push(status),
    loadExtras: () => {
      asked += 1;
      return loading.promise;
    },
  });
  const painted = () =>
    [...body.querySelectorAll('span')].filter((span) => view?.layers.ownsNode(span));
  return { body, before, loading, statuses, asked: () => asked, painted };
}

describe('the article view while the extras bundle loads', () => {
  it('asks for the bundle once, paints once it is here, and calls no passage an orphan meanwhile', async () => {
    const started = start([editedNote()]);
    expect(started.asked()).toBe(1);
    // Nothing is wrapped yet, and the page's DOM is as it was.
    expect(started.painted()).toEqual([]);
    expect(started.body.innerHTML).toBe(started.before);
    const waiting = view?.layers.status();
    expect(waiting?.orphanedClaimIds).toEqual([]);
    expect(waiting?.orphanedNoteIds).toEqual([]);
    expect(waiting?.notesAnchored).toBe(0);

    started.loading.resolve(CONTENT_EXTRAS);
    await settle();
    expect(started.asked()).toBe(1);
    expect(started.painted().length).toBeGreaterThan(0);
    // The edited quote is placed by the full matcher, on the claim's words.
    expect(view?.layers.rangeOf('edited')?.toString()).toBe(
      view?.layers.rangeOf(claims[0]?.id ?? '')?.toString(),
    );
    const last = started.statuses.at(-1);
    expect(last?.claimsAnchored).toBe(claims.length);
    expect(last?.notesAnchored).toBe(1);
    expect(last?.orphanedNoteIds).toEqual([]);
  });

  it('reports what waited as an orphan if the bundle cannot load, and leaves the page as it was', async () => {
    const started = start([editedNote()]);
    started.loading.reject(new Error('The Counterpoint matcher did not load.'));
    await settle();
    expect(started.painted()).toEqual([]);
    expect(started.body.innerHTML).toBe(started.before);
    expect(started.statuses.at(-1)?.orphanedNoteIds).toEqual(['edited']);
  });
});

describe('the article view where the Custom Highlight API is there (a stand-in for it)', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
  }
  const page = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
  const saved = { Highlight: page.Highlight, CSS: page.CSS };
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = new Map();
    page.Highlight = FakeHighlight;
    page.CSS = { ...(page.CSS ?? {}), highlights: registry };
  });
  afterEach(() => {
    view?.destroy();
    view = null;
    page.Highlight = saved.Highlight;
    page.CSS = saved.CSS;
    document.adoptedStyleSheets.splice(0);
  });
  const registered = () =>
    [...registry.values()].reduce((sum, highlight) => sum + highlight.size, 0);

  it('never asks for the extras on the article as published, and paints every claim at once', () => {
    const started = start([]);
    expect(started.asked()).toBe(0);
    expect(registered()).toBe(claims.length);
    expect(started.statuses.at(-1)?.claimsAnchored).toBe(claims.length);
  });

  it('paints the claims at once and places an edited quote once the matcher is here', async () => {
    const started = start([editedNote()]);
    expect(started.asked()).toBe(1);
    expect(registered()).toBe(claims.length);
    expect(view?.layers.status().orphanedNoteIds).toEqual([]);
    expect(view?.layers.rangeOf('edited')).toBeNull();
    started.loading.resolve(CONTENT_EXTRAS);
    await settle();
    expect(view?.layers.rangeOf('edited')?.toString()).toBe(
      view?.layers.rangeOf(claims[0]?.id ?? '')?.toString(),
    );
    expect(started.statuses.at(-1)?.notesAnchored).toBe(1);
  });

  it('wraps the claims once the fallback is here where the browser refuses the API at call time', async () => {
    registry.set = () => {
      throw new Error('refused in this sandbox');
    };
    const started = start([]);
    expect(started.asked()).toBe(1);
    expect(started.painted()).toEqual([]);
    started.loading.resolve(CONTENT_EXTRAS);
    await settle();
    expect(started.painted().length).toBeGreaterThan(0);
    expect(started.statuses.at(-1)?.claimsAnchored).toBe(claims.length);
  });
});
