import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageWords } from '../i18n/page-words';
import type { NoteAnchor, PageData, Protocol } from '../messaging/protocol';
import { loadBundledPacks } from '../packs';
import type { StoredClaim } from '../store/db';
import { createArticleView } from './article-view';
import { CONTENT_EXTRAS } from './content-extras';
import {
  createInteractions,
  HOVER_OPEN_MS,
  type InteractionDependencies,
  startInteractions,
  withoutFragment,
} from './interactions';
import { SELECTION_SETTLE_MS } from './selection-adder';
import { fakePanel, loadArticle, recordingOverlay } from './test-doubles';
import { registerContentExtras } from './ui-loader';

// The extras bundle (the wrapping fallback: this DOM has no Custom Highlight API), as if loaded.
// `layers-extras.test.ts` tests the view while it loads.
registerContentExtras(CONTENT_EXTRAS);

const [pack] = loadBundledPacks().packs;
const claims: StoredClaim[] = (pack?.claims ?? []).map((claim, order) => ({
  ...claim,
  articleKey: 'article',
  order,
}));

type Calls = { type: string; payload: unknown }[];

function fakeRequest(calls: Calls, anchors: () => NoteAnchor[] = () => []) {
  return (async (type: keyof Protocol, payload: unknown) => {
    calls.push({ type, payload });
    if (type === 'page.notesPage') {
      const { ids } = payload as { ids?: string[] };
      return { notes: anchors().filter((note) => !ids || ids.includes(note.id)) };
    }
    if (type === 'note.restore') return anchors()[0] ?? null;
    return null;
  }) as InteractionDependencies['request'];
}

/** The content-script layer's describer: the extras bundle's `describe`, loaded. */
const loadedDescribe: InteractionDependencies['describe'] = async (root, range, options) =>
  CONTENT_EXTRAS.describe(root, range, options);

/** The painted article with its interactions, as the content script and UI bundle set them up. */
function start(
  notes: NoteAnchor[] = [],
  serverNotes: () => NoteAnchor[] = () => notes,
  describe = loadedDescribe,
  prepareDescribe?: () => void,
) {
  const recognition = loadArticle();
  const original = document.body.innerHTML;
  const overlay = recordingOverlay();
  const panel = fakePanel();
  const calls: Calls = [];
  const statuses: unknown[] = [];
  const data: PageData = {
    articleKey: 'article',
    articleTitle: 'Mexico',
    pack: null,
    claims,
    notes,
    words: pageWords(),
  };
  const article = createArticleView({
    doc: document,
    body: recognition.body,
    claims: data.claims,
    notes: data.notes,
    visibility: { claims: true, notes: true },
    words: pageWords(),
    onStatus: (status) => statuses.push(status),
  });
  const interactions = createInteractions({
    view: article,
    headline: recognition.body,
    pageClaims: { claims, about: [] },
    request: fakeRequest(calls, serverNotes),
    describe,
    ...(prepareDescribe ? { prepareDescribe } : {}),
    createOverlay: overlay.createOverlay,
    createPanel: panel.create,
  });
  const annotator = {
    ...interactions,
    article,
    status: () => article.layers.status(),
    setVisibility: article.setVisibility,
    destroy() {
      interactions.destroy();
      article.destroy();
    },
  };
  return { annotator, overlay, panel, calls, statuses, original, body: recognition.body };
}

/** Runs what is due now (fake timers: no test waits on the clock). */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Our elements in the page: claim markers are plain spans we registered, so ask the layers. */
function markers(article: {
  layers: { placedClaims(): string[]; markerOf(id: string): HTMLElement | null };
}) {
  return article.layers.placedClaims().flatMap((id) => {
    const marker = article.layers.markerOf(id);
    return marker ? [marker] : [];
  });
}

function select(body: Element, words: string): Range {
  const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent?.includes(words));
  const text = paragraph?.firstChild as Text;
  const at = text.data.indexOf(words);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + words.length);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
  return range;
}

const VICIOUS: NoteAnchor = {
  id: 'n1',
  target: { selectors: [{ type: 'TextQuoteSelector', exact: 'vicious cycle' }] },
};

beforeEach(() => {
  vi.useFakeTimers();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('starting the interactions', () => {
  /** The painted article and what `startInteractions` is given for it, no pack matched. */
  async function started() {
    const recognition = loadArticle();
    const overlay = recordingOverlay();
    const article = createArticleView({
      doc: document,
      body: recognition.body,
      claims,
      notes: [],
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: () => undefined,
    });
    const interactions = await startInteractions(
      {
        view: article,
        headline: recognition.body,
        hasPack: false,
        request: fakeRequest([]),
        describe: loadedDescribe,
      },
      { createOverlay: overlay.createOverlay, createPanel: fakePanel().create },
    );
    return { overlay, interactions, article };
  }

  it('draws the reading guide in a task after the one that sets everything up', async () => {
    const { overlay, interactions, article } = await started();
    // Set up, with nothing drawn yet: the guide's first drawing lays the page out, so it is a
    // task of its own and the start is two shorter tasks, not one long one.
    expect(overlay.drawn).toHaveLength(0);
    await settle();
    expect(overlay.last()?.guide?.totalClaims).toBe(claims.length);
    interactions.destroy();
    article.destroy();
  });

  it('draws nothing when stopped before that task', async () => {
    const { overlay, interactions, article } = await started();
    interactions.destroy();
    await settle();
    expect(overlay.drawn).toHaveLength(0);
    article.destroy();
  });
});

describe('the annotator on the article', () => {
  it('anchors every claim, marks each one, and reports the count', () => {
    const { annotator, statuses } = start();
    expect(annotator.status()).toMatchObject({
      claimsAnchored: claims.length,
      orphanedClaimIds: [],
    });
    expect(markers(annotator.article)).toHaveLength(claims.length);
    expect(statuses.at(-1)).toMatchObject({ claimsAnchored: claims.length });
    annotator.destroy();
  });

  it('shows a claim in the frame, with the ids of its notes, and closing gives focus back', async () => {
    const onClaim: NoteAnchor = { ...VICIOUS, claimId: claims[0]?.id ?? '' };
    const { annotator, panel } = start([onClaim]);
    await settle();
    const claim = claims[0]!;
    annotator.showClaim(claim.id);
    expect(panel.last()?.view).toMatchObject({
      kind: 'claim',
      claim: { id: claim.id },
      noteIds: ['n1'],
    });
    expect(panel.last()?.options.focus).toBe(true);
    // The article's address goes along for "Copy link to this claim", without any fragment.
    expect(panel.last()?.options.articleUrl).toBe(withoutFragment(document.location.href));
    expect(panel.last()?.options.articleUrl).toMatch(/^https?:\/\/[^#]*$/);
    panel.emit({ type: 'close' });
    expect(panel.isOpen()).toBe(false);
    // The page sees focus on the marker's host; the button itself is in a closed root.
    const button = annotator.article.layers.markerOf(claim.id);
    if (!button) throw new Error('no marker');
    expect(document.activeElement).toBe((button.getRootNode() as ShadowRoot).host);
    annotator.destroy();
  });

  it('gives the frame the selected passage’s selectors for a new note, and nothing else', async () => {
    const { annotator, panel, calls, body } = start();
    select(body, 'vicious cycle');
    annotator.addNoteFromSelection();
    await settle();
    expect(panel.last()?.view).toEqual({
      kind: 'new-note',
      quote: 'vicious cycle',
      selectors: [
        expect.objectContaining({ type: 'TextQuoteSelector', exact: 'vicious cycle' }),
        expect.objectContaining({ type: 'TextPositionSelector' }),
      ],
    });
    // The page side writes nothing itself: the frame saves, then says so by id.
    expect(calls.filter((call) => call.type.startsWith('note.'))).toEqual([]);
    annotator.destroy();
  });

  it('asks the content-script layer to describe the selection, and says so when it cannot', async () => {
    const asked: string[] = [];
    const { annotator, panel, overlay, body } = start(
      [],
      () => [],
      async (_root, range) => {
        asked.push(range.toString());
        throw new Error('The Counterpoint matcher did not load.');
      },
    );
    select(body, 'vicious cycle');
    annotator.addNoteFromSelection();
    await settle();
    expect(asked).toEqual(['vicious cycle']);
    expect(panel.shown).toEqual([]);
    expect(overlay.last()?.toast?.message).toBe(
      'Counterpoint could not get ready to take a note here. Reload the page and try again.',
    );
    // Nothing is lost: the reader's selection is still there to try again.
    expect(document.getSelection()?.toString()).toBe('vicious cycle');
    annotator.destroy();
  });

  it('starts loading the describer when "Add note" is offered, before the reader presses it', async () => {
    let prepared = 0;
    const { annotator, overlay, body } = start(
      [],
      () => [],
      loadedDescribe,
      () => {
        prepared += 1;
      },
    );
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(prepared).toBe(0);
    select(body, 'vicious cycle');
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(overlay.last()?.adder).toBeTruthy();
    expect(prepared).toBe(1);
    annotator.destroy();
  });

  it('opens one editor, for the latest selection, when an earlier one is still being described', async () => {
    const pending: (() => void)[] = [];
    const { annotator, panel, body } = start(
      [],
      () => [],
      (root, range, options) => {
        const result = CONTENT_EXTRAS.describe(root, range, options);
        return new Promise((resolve) => pending.push(() => resolve(result)));
      },
    );
    select(body, 'vicious cycle');
    annotator.addNoteFromSelection();
    select(body, 'Earlier this week');
    annotator.addNoteFromSelection();
    // The second answer comes first, then the first one, which is dropped.
    pending[1]?.();
    await settle();
    pending[0]?.();
    await settle();
    expect(panel.shown.map((shown) => shown.view)).toEqual([
      expect.objectContaining({ kind: 'new-note', quote: 'Earlier this week' }),
    ]);
    annotator.destroy();
  });

  it('opens no editor once destroyed while the selection was being described', async () => {
    let answer: () => void = () => undefined;
    const { annotator, panel, body } = start(
      [],
      () => [],
      (root, range, options) => {
        const result = CONTENT_EXTRAS.describe(root, range, options);
        return new Promise((resolve) => {
          answer = () => resolve(result);
        });
      },
    );
    select(body, 'vicious cycle');
    annotator.addNoteFromSelection();
    annotator.destroy();
    answer();
    await settle();
    expect(panel.shown).toEqual([]);
  });

  it('after the frame saved a note, closes it, says so and paints the new passage', async () => {
    let server: NoteAnchor[] = [];
    const { annotator, panel, overlay, body, calls } = start([], () => server);
    select(body, 'vicious cycle');
    annotator.addNoteFromSelection();
    await settle();
    server = [VICIOUS];
    panel.emit({ type: 'saved', noteId: 'n1', created: true });
    await settle();
    expect(panel.isOpen()).toBe(false);
    expect(overlay.last()?.toast?.message).toBe('Note saved.');
    expect(annotator.status().notesAnchored).toBe(1);
    // Placed from the selectors the editor was given: the page asks the background nothing.
    expect(calls).toEqual([]);
    annotator.destroy();
  });

  it('after a delete offers Undo, which restores the note through the background', async () => {
    const { annotator, panel, overlay, calls } = start([VICIOUS]);
    annotator.showNote('n1');
    expect(panel.last()?.view).toEqual({ kind: 'note', noteId: 'n1' });
    panel.emit({ type: 'deleted', noteId: 'n1' });
    expect(annotator.status().notesAnchored).toBe(0);
    const toast = overlay.last()?.toast;
    expect(toast).toMatchObject({ message: 'Note deleted.', actionLabel: 'Undo' });
    toast?.onAction?.();
    await settle();
    // Besides what the side panel is told is open, one request: the restore.
    expect(calls.filter((call) => call.type !== 'page.shown')).toEqual([
      { type: 'note.restore', payload: { id: 'n1' } },
    ]);
    expect(annotator.status().notesAnchored).toBe(1);
    expect(overlay.last()?.toast?.message).toBe('Note restored.');
    annotator.destroy();
  });

  it('opens the notes list with which notes are placed and which are not', () => {
    const orphan: NoteAnchor = {
      id: 'orphan',
      target: {
        selectors: [{ type: 'TextQuoteSelector', exact: 'a sentence this article never had' }],
      },
    };
    const { annotator, panel, overlay } = start([VICIOUS, orphan]);
    overlay.last()?.guide?.onShowNotes?.();
    expect(panel.last()?.view).toEqual({
      kind: 'notes',
      placedNoteIds: ['n1'],
      orphanedNoteIds: ['orphan'],
    });
    annotator.destroy();
  });

  it('steps through the claims in reading order from the frame’s keys too', () => {
    const { annotator, panel } = start();
    const order = annotator.article.layers.placedClaims();
    panel.emit({ type: 'step', direction: 1 });
    panel.emit({ type: 'step', direction: 1 });
    panel.emit({ type: 'step', direction: 1 });
    panel.emit({ type: 'step', direction: -1 });
    const visited = panel.shown.map((entry) =>
      entry.view.kind === 'claim' ? entry.view.claim.id : entry.view.kind,
    );
    expect(visited).toEqual([order[0], order[1], order[2], order[1]]);
    expect(panel.shown.every((entry) => entry.options.focus)).toBe(true);
    annotator.destroy();
  });

  it('tells the background which claim or note is open, by id, for the side panel', () => {
    const { annotator, panel, calls } = start([VICIOUS]);
    const order = annotator.article.layers.placedClaims();
    annotator.showClaim(order[0]!);
    panel.emit({ type: 'step', direction: 1 });
    annotator.showNote('n1');
    panel.emit({ type: 'close' });
    const reports = calls.filter((call) => call.type === 'page.shown').map((call) => call.payload);
    expect(reports).toEqual([
      { kind: 'claim', id: order[0] },
      { kind: 'claim', id: order[1] },
      { kind: 'note', id: 'n1' },
      { kind: 'none' },
    ]);
    annotator.destroy();
  });

  it('does not bring back by hover a claim the reader opened with a click and closed at once', async () => {
    const { annotator, panel } = start();
    await settle();
    const claim = claims[0]!;
    const button = annotator.article.layers.markerOf(claim.id);
    if (!button) throw new Error('no marker');
    const trusted = <E extends Event>(event: E): E => {
      Object.defineProperty(event, 'isTrusted', { value: true });
      return event;
    };
    const arrive = () => button.dispatchEvent(trusted(new Event('pointerenter')));
    const leave = () => button.dispatchEvent(trusted(new Event('pointerleave')));
    const click = () => button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    const pressEscape = () =>
      document.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    // The pointer arrives on the marker (a hover starts counting), the reader clicks at once and
    // presses Escape before the hover delay is over; the pointer stays where it is. The arrival
    // may also be reported after the click.
    for (const steps of [
      [arrive, click, pressEscape],
      [click, arrive, pressEscape],
      [click, pressEscape, arrive],
    ]) {
      for (const step of steps) step();
      expect(panel.isOpen()).toBe(false);
      await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS * 3);
      expect(panel.isOpen()).toBe(false);
      leave();
    }
    // Once the pointer has left, a hover opens it again.
    arrive();
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    expect(panel.isOpen()).toBe(true);
    annotator.destroy();
  });

  it('ignores keys and clicks a page script dispatches', () => {
    const { annotator, panel } = start();
    document.dispatchEvent(
      new KeyboardEvent('keydown', {
        code: 'KeyJ',
        key: 'J',
        altKey: true,
        shiftKey: true,
        bubbles: true,
      }),
    );
    document.body.dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: 100, clientY: 100 }),
    );
    expect(panel.shown).toEqual([]);
    annotator.destroy();
  });

  it('reports notes it cannot place, and never drops them', () => {
    const orphan: NoteAnchor = {
      id: 'orphan',
      target: {
        selectors: [
          { type: 'TextQuoteSelector', exact: 'a sentence this article never had in it' },
        ],
      },
    };
    const { annotator } = start([orphan]);
    expect(annotator.status()).toMatchObject({ notesAnchored: 0, orphanedNoteIds: ['orphan'] });
    annotator.destroy();
  });

  it('adds the same elements to the page for one note as for many', () => {
    const many: NoteAnchor[] = [
      'vicious cycle',
      'India and South Korea',
      'important geopolitical allies',
    ].map((exact, index) => ({
      id: `n${index}`,
      target: { selectors: [{ type: 'TextQuoteSelector', exact }] },
    }));
    const { annotator } = start();
    // Claims alone (public, one marker each) are counted elsewhere; here only what notes add.
    annotator.setVisibility({ claims: false, notes: true });
    const count = () => document.documentElement.querySelectorAll('*').length;
    const none = count();
    annotator.article.setNotes(many.slice(0, 1));
    const one = count();
    annotator.article.setNotes(many);
    expect(annotator.status().notesAnchored).toBe(3);
    expect(count()).toBe(one);
    // Not even whether there is a note: the notes layer's one host is there without any.
    expect(one).toBe(none);
    annotator.destroy();
  });

  it('with both layers off, leaves the page exactly as it was; on again, repaints', async () => {
    const { annotator, original } = start([VICIOUS]);
    await settle();
    annotator.setVisibility({ claims: false, notes: false });
    expect(document.body.innerHTML).toBe(original);
    annotator.setVisibility({ claims: true, notes: true });
    expect(markers(annotator.article)).toHaveLength(claims.length);
    annotator.destroy();
    expect(document.body.innerHTML).toBe(original);
  });

  it('re-anchors when the article changes, without reacting to its own changes', async () => {
    const { annotator, statuses, body } = start();
    await settle();
    const reports = statuses.length;
    // Our own painting must not trigger another round.
    await vi.advanceTimersByTimeAsync(250);
    expect(statuses.length).toBe(reports);
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement';
    body.insertBefore(ad, body.querySelector('p'));
    const claimParagraph = [...body.querySelectorAll('p')].find((p) =>
      p.textContent?.includes('diplomatic crisis with Canada'),
    )!;
    const squash = (text: string) => text.replace(/\s+/g, ' ');
    const lost = claims
      .filter((claim) =>
        squash(claimParagraph.textContent ?? '').includes(squash(claim.quote.exact)),
      )
      .map((claim) => claim.id);
    claimParagraph.textContent = 'This paragraph was rewritten by the site.';
    await vi.advanceTimersByTimeAsync(400);
    expect(lost.length).toBeGreaterThan(0);
    expect(annotator.status().orphanedClaimIds.sort()).toEqual(lost.sort());
    expect(annotator.status().claimsAnchored).toBe(claims.length - lost.length);
    annotator.destroy();
  });
});

describe('withoutFragment', () => {
  it('drops the fragment, a text directive included, and keeps the query', () => {
    expect(withoutFragment('https://a.example/p?x=1#top')).toBe('https://a.example/p?x=1');
    expect(withoutFragment('https://a.example/p#:~:text=old')).toBe('https://a.example/p');
    expect(withoutFragment('https://a.example/p')).toBe('https://a.example/p');
  });
});
