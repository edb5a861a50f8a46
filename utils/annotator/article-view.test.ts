import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { anchorAll, readText } from '../anchoring';
import type { NoteAnchor, PageStatusReport } from '../messaging/protocol';
import { loadBundledPacks } from '../packs';
import type { StoredClaim } from '../store/db';
import {
  type ArticleView,
  BUSY_SETTLES,
  BUSY_WINDOW_MS,
  createArticleView,
  QUIET_AFTER_MS,
  REANCHOR_DEBOUNCE_MS,
  REANCHOR_MAX_WAIT_MS,
} from './article-view';
import { CONTENT_EXTRAS } from './content-extras';
import { FIRST_NOTE_BATCH } from './layers';
import { loadArticle as loadFixtureArticle, notesOnArticle } from './test-doubles';
import { registerContentExtras } from './ui-loader';

// The extras bundle (the wrapping fallback: this DOM has no Custom Highlight API), as if loaded.
// `layers-extras.test.ts` tests the view while it loads.
registerContentExtras(CONTENT_EXTRAS);

import { pageWords } from '../i18n/page-words';
import { rangeOutsideOwnNodes } from './selection-range';

const [pack] = loadBundledPacks().packs;
const claims: StoredClaim[] = (pack?.claims ?? []).map((claim, order) => ({
  ...claim,
  articleKey: 'article',
  order,
}));

/** One call of the anchoring engine: when (fake clock) and for which targets. */
interface AnchorCall {
  at: number;
  ids: string[];
}

/** `anchorAll` as the engine runs it, with every call written down. */
function countingAnchorAll(calls: AnchorCall[]): typeof anchorAll {
  return (root, targets, options) => {
    calls.push({ at: Date.now(), ids: targets.map((target) => target.id) });
    return anchorAll(root, targets, options);
  };
}

/** The article fixture's body. */
const loadArticle = (): Element => loadFixtureArticle().body;

const LATE_QUOTE = 'The late paragraph arrived from the live blog well after the page loaded';

const lateNote: NoteAnchor = {
  id: 'late-note',
  target: { selectors: [{ type: 'TextQuoteSelector', exact: LATE_QUOTE }] },
};

function start(notes: NoteAnchor[] = []) {
  const body = loadArticle();
  const calls: AnchorCall[] = [];
  const statuses: PageStatusReport[] = [];
  const reads = { count: 0 };
  const view: ArticleView = createArticleView({
    doc: document,
    body,
    claims,
    notes,
    visibility: { claims: true, notes: true },
    words: pageWords(),
    onStatus: (status) => statuses.push(status),
    anchorAll: countingAnchorAll(calls),
    readText: (root) => {
      reads.count += 1;
      return readText(root);
    },
  });
  // Only what the changes cost is counted, not the first anchoring.
  calls.length = 0;
  reads.count = 0;
  /** Every target anchored again since the start (or the last `reset`). */
  const anchoredIds = () => calls.flatMap((call) => call.ids);
  return { body, view, calls, statuses, reads, anchoredIds };
}

/** A teaser after a paragraph that holds no claim, rotated until the page is busy. */
async function rotateUntilBusy(started: ReturnType<typeof start>): Promise<HTMLElement> {
  const quiet = [...started.body.querySelectorAll('p')].find(
    (p) => claimsIn(started.view, p).length === 0,
  );
  if (!quiet) throw new Error('no paragraph without a claim');
  const teaser = document.createElement('aside');
  quiet.after(teaser);
  for (let round = 0; !started.view.busy(); round++) {
    if (round > 10) throw new Error('the page never became busy');
    teaser.innerHTML = `<h4>Read next</h4><a href="#${round}">Story ${round}</a>`;
    await vi.advanceTimersByTimeAsync(200);
  }
  // What the changes before it set going has run.
  await vi.advanceTimersByTimeAsync(REANCHOR_MAX_WAIT_MS);
  return teaser;
}

/** Writes down the arguments of every call of `target[name]` from now on (it still runs). */
function countCalls<T extends object, K extends keyof T>(target: T, name: K): unknown[][] {
  const calls: unknown[][] = [];
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`${String(name)} is not a function`);
  target[name] = ((...args: unknown[]) => {
    calls.push(args);
    return original.apply(target, args);
  }) as T[K];
  return calls;
}

/** The article paragraph that holds this text. */
function paragraphWith(body: Element, text: string): HTMLElement {
  const found = [...body.querySelectorAll('p')].find((p) => p.textContent?.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found as HTMLElement;
}

/** The claims whose range lies in this element, as anchored now. */
function claimsIn(view: ArticleView, element: Element): string[] {
  return claims
    .map((claim) => claim.id)
    .filter((id) => {
      const range = view.layers.rangeOf(id);
      return range !== null && element.contains(range.commonAncestorContainer);
    });
}

let view: ArticleView | null = null;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  view?.destroy();
  view = null;
  vi.useRealTimers();
});

describe('the article view on a page that changes', () => {
  it('anchors every claim of the article to begin with', () => {
    const started = start();
    view = started.view;
    expect(view.layers.status().orphanedClaimIds).toEqual([]);
    expect(view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('re-anchors no target for a mutation outside every passage', async () => {
    const started = start();
    view = started.view;
    const { body } = started;
    // A teaser between two paragraphs that hold no claim, put there before we count.
    const quiet = [...body.querySelectorAll('p')].find(
      (p) => claimsIn(started.view, p).length === 0,
    );
    if (!quiet) throw new Error('no paragraph without a claim');
    const teaser = document.createElement('div');
    teaser.className = 'teaser';
    teaser.innerHTML = '<a href="#">Read next: an earlier story</a>';
    quiet.after(teaser);
    await vi.advanceTimersByTimeAsync(1000);
    started.calls.length = 0;
    const before = claims.map((claim) => started.view.layers.rangeOf(claim.id));

    for (let round = 0; round < 10; round++) {
      teaser.innerHTML = `<a href="#">Read next: story number ${round}</a>`;
      await vi.advanceTimersByTimeAsync(200);
    }
    teaser.remove();
    quiet.querySelector('a')?.remove();
    await vi.advanceTimersByTimeAsync(1000);

    expect(started.anchoredIds()).toEqual([]);
    expect(claims.map((claim) => started.view.layers.rangeOf(claim.id))).toEqual(before);
    expect(started.view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('re-anchors only the targets of the block a mutation touched', async () => {
    const started = start();
    view = started.view;
    const paragraph = paragraphWith(started.body, 'AstraZeneca');
    const inside = claimsIn(started.view, paragraph);
    expect(inside.length).toBeGreaterThan(0);
    const others = claims.map((claim) => claim.id).filter((id) => !inside.includes(id));
    const otherRanges = others.map((id) => started.view.layers.rangeOf(id));
    const otherMarkers = others.map((id) => started.view.layers.markerOf(id));

    // The site re-renders the paragraph and an ad lands between two of its sentences.
    const html = paragraph.innerHTML;
    const cut = html.indexOf('The gesture');
    paragraph.innerHTML = `${html.slice(0, cut)}<span class="ad-inline">Advertisement: subscribe today.</span> ${html.slice(cut)}`;
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);

    expect(started.anchoredIds().sort()).toEqual([...inside].sort());
    expect(started.view.layers.status().claimsAnchored).toBe(claims.length);
    for (const id of inside) {
      expect(
        paragraph.contains(started.view.layers.rangeOf(id)?.commonAncestorContainer ?? null),
      ).toBe(true);
    }
    // The others keep their ranges and their markers.
    expect(others.map((id) => started.view.layers.rangeOf(id))).toEqual(otherRanges);
    expect(others.map((id) => started.view.layers.markerOf(id))).toEqual(otherMarkers);
  });

  it('anchors an orphan when its text arrives late, and only the orphan', async () => {
    const started = start([lateNote]);
    view = started.view;
    expect(started.view.layers.status().orphanedNoteIds).toEqual(['late-note']);

    const paragraph = document.createElement('p');
    paragraph.textContent = `Update: ${LATE_QUOTE}, and here is why.`;
    started.body.append(paragraph);
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);

    expect(started.view.layers.status().orphanedNoteIds).toEqual([]);
    expect(started.view.layers.rangeOf('late-note')?.toString()).toBe(LATE_QUOTE);
    // The placed claims were left alone: every call was for the orphan.
    expect(new Set(started.anchoredIds())).toEqual(new Set(['late-note']));
    expect(started.statuses.at(-1)?.orphanedNoteIds).toEqual([]);
  });

  it('reflects every change of a burst faster than the debounce within 500 ms', async () => {
    const started = start();
    view = started.view;
    const paragraph = paragraphWith(started.body, 'AstraZeneca');
    const inside = claimsIn(started.view, paragraph);
    const changes: number[] = [];
    // Every 100 ms for 2 s the site nudges the paragraph (a counter in an inline ad).
    const ad = document.createElement('span');
    paragraph.append(ad);
    const origin = Date.now();
    for (let tick = 0; tick < 20; tick++) {
      ad.textContent = ` (${tick} readers now)`;
      changes.push(Date.now());
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);

    const anchorings = started.calls
      .filter((call) => inside.every((id) => call.ids.includes(id)))
      .map((call) => call.at);
    for (const changed of changes) {
      const next = anchorings.find((at) => at >= changed);
      expect(next, `change at ${changed - origin} ms`).toBeDefined();
      expect((next ?? Number.POSITIVE_INFINITY) - changed).toBeLessThanOrEqual(500);
    }
    expect(REANCHOR_MAX_WAIT_MS).toBeLessThan(500);
    expect(started.view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('keeps a claim whose paragraph is rewritten as an orphan, and reports it', async () => {
    const started = start();
    view = started.view;
    const paragraph = paragraphWith(started.body, 'AstraZeneca');
    const inside = claimsIn(started.view, paragraph);
    expect(inside.length).toBeGreaterThan(0);

    paragraph.textContent =
      'This paragraph was rewritten by the publisher and says something else.';
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);

    const status = started.view.layers.status();
    expect([...status.orphanedClaimIds].sort()).toEqual([...inside].sort());
    expect(status.claimsAnchored).toBe(claims.length - inside.length);
    expect(started.view.claims()).toHaveLength(claims.length);
    expect([...(started.statuses.at(-1)?.orphanedClaimIds ?? [])].sort()).toEqual(
      [...inside].sort(),
    );
    for (const id of inside) expect(started.view.layers.markerOf(id)).toBeNull();
  });
});

describe('the article view where text is wrapped (no Custom Highlight API)', () => {
  it('paints a note saved on a painted claim’s words at once, without a reload', () => {
    const started = start();
    view = started.view;
    // happy-dom has no CSS.highlights: the claims are painted by wrapping their text.
    const claim = claims[0];
    if (!claim) throw new Error('no claim');
    const wrapped = [...started.body.querySelectorAll('span')].filter((span) =>
      view?.layers.ownsNode(span),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    const words = claim.quote.exact.split(' ').slice(1, 5).join(' ');
    const note: NoteAnchor = {
      id: 'note-on-claim',
      target: {
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: words,
            prefix: claim.quote.exact.split(' ')[0] ?? '',
          },
        ],
      },
    };
    view.setNotes([note]);
    const status = view.layers.status();
    expect(status.orphanedNoteIds).toEqual([]);
    expect(status.notesShown).toBe(1);
    expect(view.layers.rangeOf(note.id)?.toString()).toBe(words);
    // The claims are painted again too, on the same words.
    expect(status.claimsAnchored).toBe(claims.length);
  });

  it('lets a reader select a painted claim’s words: its wrappers are the page’s text', () => {
    const started = start();
    view = started.view;
    const wrapper = [...started.body.querySelectorAll('span')].find(
      (span) => view?.layers.ownsNode(span) && (span.textContent ?? '').length > 10,
    );
    const text = wrapper?.firstChild;
    if (!wrapper || !text) throw new Error('no wrapper');
    expect(view.layers.isOwnNode(wrapper)).toBe(false);
    const selection = document.createRange();
    selection.setStart(text, 2);
    selection.setEnd(text, 8);
    const kept = rangeOutsideOwnNodes(selection, view.layers.isOwnNode);
    expect(kept.toString()).toBe(selection.toString());
  });
});

describe('the article view with many notes', () => {
  /** Idle tasks held until the test runs them, the scheduler that queues them, and a drain. */
  const heldIdle = () => {
    const idle: (() => void)[] = [];
    const scheduleIdle = (task: () => void) => {
      idle.push(task);
      return { cancel: () => void idle.splice(idle.indexOf(task), 1) };
    };
    const runAll = (): void => {
      for (let slices = 0; idle.length > 0 && slices < 1000; slices++) idle.shift()?.();
    };
    return { idle, scheduleIdle, runAll };
  };

  /** Notes on passages of the article's own text, 40 characters each, spread over its words. */
  const notesOn = (body: Element, count: number): NoteAnchor[] =>
    notesOnArticle(body, count, { idPrefix: 'bulk' });

  it('places the first notes with the claims and the rest in idle slices, none as an orphan meanwhile', () => {
    const body = loadArticle();
    const notes = notesOn(body, 1000);
    const calls: AnchorCall[] = [];
    const statuses: PageStatusReport[] = [];
    const { idle, scheduleIdle } = heldIdle();
    view = createArticleView({
      doc: document,
      body,
      claims,
      notes,
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: (status) => statuses.push(status),
      anchorAll: countingAnchorAll(calls),
      scheduleIdle,
    });
    // The first paint: the claims and the first batch, in one engine call over the body.
    expect(calls[0]?.ids).toHaveLength(claims.length + FIRST_NOTE_BATCH);
    const first = view.layers.status();
    expect(first.notesAnchored).toBe(FIRST_NOTE_BATCH);
    expect(first.orphanedNoteIds).toEqual([]);
    expect(statuses).toHaveLength(1);

    let slices = 0;
    while (idle.length > 0 && slices < 100) {
      idle.shift()?.();
      slices += 1;
    }
    expect(slices).toBeGreaterThan(0);
    // Each engine call after the first paint takes a bounded chunk of notes.
    expect(Math.max(...calls.slice(1).map((call) => call.ids.length))).toBeLessThanOrEqual(100);
    const done = view.layers.status();
    expect(done.notesAnchored + done.orphanedNoteIds.length).toBe(notes.length);
    expect(done.notesAnchored).toBe(notes.length);
    // One more report, when every note is placed.
    expect(statuses).toHaveLength(2);
    expect(statuses[1]?.notesAnchored).toBe(notes.length);
  });

  it('anchors 1,500 notes in bounded idle slices over one reading of the body, read again after a change of the page', async () => {
    const body = loadArticle();
    const notes = notesOn(body, 1_500);
    const calls: AnchorCall[] = [];
    let reads = 0;
    const { idle, scheduleIdle } = heldIdle();
    view = createArticleView({
      doc: document,
      body,
      claims,
      notes,
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: () => undefined,
      // Each engine call takes 5 ms of the fake clock, so a slice (12 ms) runs a few chunks.
      anchorAll: (root, targets, options) => {
        vi.advanceTimersByTime(5);
        return countingAnchorAll(calls)(root, targets, options);
      },
      readText: (root) => {
        reads += 1;
        return readText(root);
      },
      scheduleIdle,
    });
    expect(calls).toHaveLength(1);
    // Slices until half the notes are placed: the body's text is read by the first only.
    let slices = 0;
    while (view.layers.status().notesAnchored < notes.length / 2 && slices < 1000) {
      idle.shift()?.();
      slices += 1;
    }
    expect(slices).toBeGreaterThan(1);
    expect(reads).toBe(1);
    // The page changes between two slices: the next one reads the body again.
    const aside = document.createElement('aside');
    aside.textContent = 'A teaser arrived.';
    body.append(aside);
    await Promise.resolve();
    idle.shift()?.();
    expect(reads).toBe(2);
    const chunksSoFar = calls.length;
    while (idle.length > 0 && slices < 1000) {
      idle.shift()?.();
      slices += 1;
    }
    // Later slices read it again only after something changed it (the re-anchor the change
    // started repaints the claims' markers): far fewer reads than chunks.
    expect(reads).toBeLessThanOrEqual(3);
    expect(calls.length - chunksSoFar).toBeGreaterThan(3);
    // Every engine call after the first paint took at most one chunk of notes.
    expect(Math.max(...calls.slice(1).map((call) => call.ids.length))).toBeLessThanOrEqual(100);
    expect(calls.slice(1).reduce((sum, call) => sum + call.ids.length, 0)).toBeGreaterThanOrEqual(
      notes.length - FIRST_NOTE_BATCH,
    );
    const done = view.layers.status();
    expect(done.notesAnchored).toBe(notes.length);
  }, 20_000);

  it('holds no live range per note: the ranges it makes do not grow with the note count', async () => {
    /**
     * The ranges made while `count` notes are placed, a paragraph holding some of them changes
     * and is anchored again, and the page scrolls: a browser updates every live range on each
     * change of the page, so one per note would slow the page's own DOM work with every note.
     */
    const rangesMadeWith = async (count: number): Promise<number> => {
      const body = loadArticle();
      const notes = notesOn(body, count);
      const { scheduleIdle, runAll } = heldIdle();
      const createRange = document.createRange;
      const made = countCalls(document, 'createRange');
      try {
        const placed = createArticleView({
          doc: document,
          body,
          claims,
          notes,
          visibility: { claims: true, notes: true },
          words: pageWords(),
          onStatus: () => undefined,
          scheduleIdle,
        });
        view = placed;
        runAll();
        expect(placed.layers.status().notesAnchored).toBe(count);
        // A paragraph with claims and notes on it is written again (the same words): its passages
        // are anchored again.
        const paragraph = [...body.querySelectorAll('p')].find(
          (p) => claimsIn(placed, p).length > 0,
        ) as HTMLElement;
        const text = paragraph.firstChild as Text;
        text.data = `${text.data}`;
        await vi.advanceTimersByTimeAsync(REANCHOR_MAX_WAIT_MS + REANCHOR_DEBOUNCE_MS);
        runAll();
        window.dispatchEvent(new Event('scroll'));
        await vi.advanceTimersByTimeAsync(100);
        expect(placed.layers.status().notesAnchored).toBe(count);
        placed.destroy();
        view = null;
        return made.length;
      } finally {
        document.createRange = createRange;
      }
    };
    const few = await rangesMadeWith(40);
    const many = await rangesMadeWith(400);
    expect(many).toBe(few);
    // What it does make: a range per claim (painted through the registry or the wrappers),
    // anchored twice here, and the shade's one measuring range.
    expect(few).toBeLessThanOrEqual(2 * claims.length + 2);
  });

  it('makes a note a live range on demand, on the words it was placed on', () => {
    const body = loadArticle();
    const notes = notesOn(body, 3);
    view = createArticleView({
      doc: document,
      body,
      claims,
      notes,
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: () => undefined,
    });
    const note = notes[1] as NoteAnchor;
    const exact = (note.target.selectors[0] as { exact: string }).exact;
    const range = view.layers.rangeOf(note.id);
    expect(range?.toString().replace(/\s+/g, ' ')).toBe(exact);
    const span = view.layers.spanOf(note.id);
    expect(span?.startContainer).toBe(range?.startContainer);
    expect(span?.startOffset).toBe(range?.startOffset);
    expect(span?.endOffset).toBe(range?.endOffset);
  });

  it('drops the notes still waiting when the notes are replaced', () => {
    const body = loadArticle();
    const { idle, scheduleIdle } = heldIdle();
    view = createArticleView({
      doc: document,
      body,
      claims,
      notes: notesOn(body, 600),
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: () => undefined,
      scheduleIdle,
    });
    expect(idle).toHaveLength(1);
    view.setNotes(notesOn(body, 5));
    expect(idle).toHaveLength(0);
    expect(view.layers.status().notesAnchored).toBe(5);
  });
});

describe('a busy page', () => {
  it('is busy while its changes keep settling, and quiet again after a pause', async () => {
    const started = start();
    view = started.view;
    const quiet = [...started.body.querySelectorAll('p')].find(
      (p) => claimsIn(started.view, p).length === 0,
    );
    if (!quiet) throw new Error('no paragraph without a claim');
    const teaser = document.createElement('aside');
    quiet.after(teaser);
    expect(view.busy()).toBe(false);
    for (let round = 0; round < BUSY_SETTLES + 1; round++) {
      teaser.textContent = `Read next: story ${round}`;
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);
    }
    expect(view.busy()).toBe(true);
    // Nothing was anchored again for it.
    expect(started.anchoredIds()).toEqual([]);
    // Quiet as far as it watched (the teaser's paragraph holds no claim), then confirmed quiet
    // with the whole body watched.
    await vi.advanceTimersByTimeAsync(2 * QUIET_AFTER_MS + 100);
    expect(view.busy()).toBe(false);
  });

  it('stays busy, its claims left as they are, while a teaser it does not watch keeps changing', async () => {
    const started = start();
    view = started.view;
    const teaser = await rotateUntilBusy(started);
    const setBusy = countCalls(view.layers, 'setBusy');
    // Rounds in which the teaser's change was handed over (it brings text: a debounce is set),
    // and after which the page counted as quiet.
    let handedOver = 0;
    let quietRounds = 0;
    const rounds = (3 * QUIET_AFTER_MS) / 200;
    for (let round = 0; round < rounds; round++) {
      teaser.innerHTML = `<h4>Read next</h4><a href="#more-${round}">More ${round}</a>`;
      await Promise.resolve();
      await Promise.resolve();
      if (vi.getTimerCount() > 1) handedOver += 1;
      await vi.advanceTimersByTimeAsync(200);
      if (!view.busy()) quietRounds += 1;
    }
    // No claim registered again and taken out again: the page never counted as quiet.
    expect(setBusy).toEqual([]);
    expect(quietRounds).toBe(0);
    // Once per quiet period, the whole body is watched until the next change confirms it busy.
    expect(handedOver).toBeLessThanOrEqual(rounds / (QUIET_AFTER_MS / 200) + 1);
    expect(started.anchoredIds()).toEqual([]);
  });

  it('watches the whole body again once the page really is quiet', async () => {
    const started = start();
    view = started.view;
    const teaser = await rotateUntilBusy(started);
    const setBusy = countCalls(view.layers, 'setBusy');
    await vi.advanceTimersByTimeAsync(2 * QUIET_AFTER_MS + 100);
    expect(view.busy()).toBe(false);
    expect(setBusy).toEqual([[false]]);

    // A change of the teaser is handed over again: it brings text, so a debounce is set.
    teaser.innerHTML = '<h4>Read next</h4><a href="#quiet">A quiet story</a>';
    await Promise.resolve();
    await Promise.resolve();
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(REANCHOR_MAX_WAIT_MS);
    expect(started.anchoredIds()).toEqual([]);
    expect(view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('hands a change outside every passage to nothing while busy: no anchoring, text read, timer or status', async () => {
    const started = start();
    view = started.view;
    const teaser = await rotateUntilBusy(started);
    started.calls.length = 0;
    started.reads.count = 0;
    const statuses = started.statuses.length;
    // Only the wait for the page to go quiet is pending.
    const timers = vi.getTimerCount();
    expect(timers).toBe(1);

    for (let round = 0; round < 10; round++) {
      teaser.innerHTML = `<h4>Read next</h4><a href="#later-${round}">Later story ${round}</a>`;
      await Promise.resolve();
      await Promise.resolve();
      // No debounce, no re-armed quiet timer: the change was never handed over.
      expect(vi.getTimerCount()).toBe(timers);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(view.busy()).toBe(true);
    expect(started.anchoredIds()).toEqual([]);
    expect(started.reads.count).toBe(0);
    expect(started.statuses).toHaveLength(statuses);
    expect(view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('still re-anchors only the targets of a block the busy page changes', async () => {
    const started = start();
    view = started.view;
    await rotateUntilBusy(started);
    started.calls.length = 0;
    const paragraph = paragraphWith(started.body, 'AstraZeneca');
    const inside = claimsIn(started.view, paragraph);
    expect(inside.length).toBeGreaterThan(0);

    const html = paragraph.innerHTML;
    const cut = html.indexOf('The gesture');
    paragraph.innerHTML = `${html.slice(0, cut)}<span class="ad-inline">Advertisement.</span> ${html.slice(cut)}`;
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);

    expect(started.anchoredIds().sort()).toEqual([...inside].sort());
    expect(view.layers.status().claimsAnchored).toBe(claims.length);
  });

  it('still finds an orphan whose text arrives while the page is busy', async () => {
    const started = start([lateNote]);
    view = started.view;
    await rotateUntilBusy(started);
    started.calls.length = 0;

    const paragraph = document.createElement('p');
    paragraph.textContent = `Update: ${LATE_QUOTE}, and here is why.`;
    started.body.append(paragraph);
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS + 50);

    expect(view.layers.rangeOf('late-note')?.toString()).toBe(LATE_QUOTE);
    expect(new Set(started.anchoredIds())).toEqual(new Set(['late-note']));
  });

  it('is not busy for a few changes far apart', async () => {
    const started = start();
    view = started.view;
    const teaser = document.createElement('aside');
    started.body.append(teaser);
    for (let round = 0; round < BUSY_SETTLES; round++) {
      teaser.textContent = `Update ${round}`;
      await vi.advanceTimersByTimeAsync(BUSY_WINDOW_MS);
    }
    expect(view.busy()).toBe(false);
  });
});
