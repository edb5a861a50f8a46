import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Requester } from '../messaging/client';
import type { NoteAnchor, NotePage, NotePageRequest } from '../messaging/protocol';
import type { ScheduleIdle } from './idle-queue';
import { createNotePages, followNotes, PAGE_RETRY_DELAYS_MS } from './note-pages';
import { windowClock } from './page-clock';

afterEach(() => vi.useRealTimers());

const anchor = (id: string): NoteAnchor => ({
  id,
  target: { selectors: [{ type: 'TextQuoteSelector', exact: id }] },
});
const range = (count: number) => Array.from({ length: count }, (_, n) => anchor(`n${n}`));
const idsOf = (notes: readonly NoteAnchor[]) => notes.map((note) => note.id);

/** A scheduler that runs nothing until the test says so. */
function manualScheduler() {
  const tasks: Array<() => void> = [];
  const schedule: ScheduleIdle = (task) => {
    tasks.push(task);
    return { cancel: () => tasks.splice(tasks.indexOf(task) >>> 0, 1) };
  };
  return { schedule, tasks, runNext: () => tasks.shift()?.() };
}

/** The article view as the pager sees it, recording what it was told. */
function fakeArticle(initial: readonly NoteAnchor[]) {
  let notes = initial;
  const appended: string[][] = [];
  const replaced: string[][] = [];
  return {
    doc: document,
    clock: windowClock(window),
    notes: () => notes,
    setNotes(next: readonly NoteAnchor[]) {
      notes = next;
      replaced.push(idsOf(next));
    },
    appendNotes(more: readonly NoteAnchor[]) {
      notes = [...notes, ...more];
      appended.push(idsOf(more));
    },
    reanchorNotes(next: readonly NoteAnchor[]) {
      notes = next;
    },
    appended,
    replaced,
  };
}

/**
 * The background's notes of the article, in its order, answering a page as it stands when the
 * request arrives; the reply reaches the page (is decoded) only when the test delivers it. The
 * notes a change names are answered at once.
 */
function pagedBackground(initial: readonly NoteAnchor[], size: number) {
  const store = [...initial];
  const waiting: { payload: NotePageRequest; deliver(): void; fail(error: Error): void }[] = [];
  let asked = 0;
  const payloads: NotePageRequest[] = [];
  const answer = (payload: NotePageRequest): NotePage => {
    if ('ids' in payload) return { notes: store.filter((note) => payload.ids.includes(note.id)) };
    const start =
      payload.after === undefined ? 0 : store.findIndex((note) => note.id === payload.after) + 1;
    const page = store.slice(start, start + size);
    const last = page.at(-1);
    return { notes: page, ...(last && start + size < store.length ? { next: last.id } : {}) };
  };
  const request = ((type: string, payload: NotePageRequest) => {
    if (type !== 'page.notesPage') throw new Error(`unexpected ${type}`);
    if ('ids' in payload) return Promise.resolve(answer(payload));
    asked += 1;
    payloads.push(payload);
    const reply = answer(payload);
    return new Promise<NotePage>((resolve, reject) => {
      waiting.push({ payload, deliver: () => resolve(reply), fail: reject });
    });
  }) as unknown as Requester;
  return {
    store,
    request,
    asked: () => asked,
    /** What each page request asked for, in turn. */
    payloads,
    inFlight: () => waiting.length,
    /** Delivers the oldest reply and lets the page handle it. */
    async deliver() {
      const next = waiting.shift();
      if (!next) throw new Error('no page on its way');
      next.deliver();
      await settle();
    },
    async fail(error = new Error('no answer')) {
      waiting.shift()?.fail(error);
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Idle tasks and replies in turn until nothing is due. */
async function drain(
  scheduler: ReturnType<typeof manualScheduler>,
  background: ReturnType<typeof pagedBackground>,
) {
  for (let turn = 0; turn < 100; turn++) {
    if (background.inFlight() > 0) await background.deliver();
    else if (scheduler.tasks.length > 0) scheduler.runNext();
    else return;
    await settle();
  }
  throw new Error('the pages never ended');
}

/** A pager over this view and background in which no page may fail. */
function pagerThatNeverFails(
  article: ReturnType<typeof fakeArticle>,
  background: ReturnType<typeof pagedBackground>,
  scheduler: ReturnType<typeof manualScheduler>,
) {
  return createNotePages({
    article,
    request: background.request,
    schedule: scheduler.schedule,
    onFailed: () => {
      throw new Error('no page fails here');
    },
  });
}

describe('createNotePages', () => {
  it('asks in idle time after the paint, then each page once the one before arrived, each reply appended on its own', async () => {
    const all = range(10);
    const background = pagedBackground(all, 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(all.slice(0, 3));
    const pages = pagerThatNeverFails(article, background, scheduler);
    pages.follow('n2');
    // Nothing is asked before the page is idle.
    expect(background.asked()).toBe(0);
    expect(pages.busy()).toBe(true);
    scheduler.runNext();
    expect(background.asked()).toBe(1);
    await background.deliver();
    expect(article.appended).toEqual([['n3', 'n4', 'n5']]);
    // The next page is on its way, alone: one request at a time.
    expect(background.asked()).toBe(2);
    expect(background.inFlight()).toBe(1);
    await background.deliver();
    expect(article.appended).toHaveLength(2);
    await drain(scheduler, background);
    // One reply per page: 7 notes after the first page, 3 to a page.
    expect(background.asked()).toBe(3);
    expect(article.appended).toEqual([['n3', 'n4', 'n5'], ['n6', 'n7', 'n8'], ['n9']]);
    expect(idsOf(article.notes())).toEqual(idsOf(all));
    expect(pages.busy()).toBe(false);
    expect(scheduler.tasks).toEqual([]);
  });

  it('asks from the first note when the first reply carried none (the worker had not read them)', async () => {
    const all = range(7);
    const background = pagedBackground(all, 3);
    const scheduler = manualScheduler();
    const article = fakeArticle([]);
    const pages = pagerThatNeverFails(article, background, scheduler);
    pages.follow(null);
    await drain(scheduler, background);
    // The first request names no cursor: a page of no cursor is the first.
    expect(background.payloads).toEqual([{}, { after: 'n2' }, { after: 'n5' }]);
    expect(article.appended).toEqual([['n0', 'n1', 'n2'], ['n3', 'n4', 'n5'], ['n6']]);
    expect(idsOf(article.notes())).toEqual(idsOf(all));
  });

  it('a note deleted while its page is on its way does not come back; one added is there once', async () => {
    const background = pagedBackground(range(10), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(background.store.slice(0, 3));
    const follower = followNotes({
      article,
      request: background.request,
      next: 'n2',
      schedule: scheduler.schedule,
    });
    scheduler.runNext();
    // The background read n3–n5; before its reply arrives, n4 is deleted elsewhere and a new
    // note written, and the change feed says so.
    background.store.splice(4, 1);
    expect(await follower.apply({ kind: 'deleted', noteIds: ['n4'] })).toBe('unchanged');
    background.store.push(anchor('written-meanwhile'));
    expect(await follower.apply({ kind: 'created', noteIds: ['written-meanwhile'] })).toBe(
      'reanchored',
    );
    await background.deliver();
    // That reply was stale: the page was asked for again.
    expect(article.appended).toEqual([]);
    expect(background.inFlight()).toBe(1);
    await drain(scheduler, background);
    const ids = idsOf(article.notes());
    expect(ids).not.toContain('n4');
    expect(ids.filter((id) => id === 'written-meanwhile')).toHaveLength(1);
    expect([...ids].sort()).toEqual(idsOf(background.store).sort());
  });

  it('does not add twice a note the view got meanwhile (its own save)', async () => {
    const background = pagedBackground(range(6), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(background.store.slice(0, 3));
    const pages = createNotePages({
      article,
      request: background.request,
      schedule: scheduler.schedule,
      onFailed: () => undefined,
    });
    pages.follow('n2');
    // Saved in this tab (so not heard from the feed), and also in the next page.
    article.reanchorNotes([...article.notes(), anchor('n4')]);
    await drain(scheduler, background);
    expect(idsOf(article.notes())).toEqual(['n0', 'n1', 'n2', 'n4', 'n3', 'n5']);
  });

  it('asks again for a page that failed, and reports one that failed every time', async () => {
    vi.useFakeTimers();
    const background = pagedBackground(range(6), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(background.store.slice(0, 3));
    const failures: unknown[] = [];
    const pages = createNotePages({
      article,
      request: background.request,
      schedule: scheduler.schedule,
      onFailed: (error) => failures.push(error),
    });
    pages.follow('n2');
    scheduler.runNext();
    await background.fail();
    expect(background.inFlight()).toBe(0);
    await vi.advanceTimersByTimeAsync(PAGE_RETRY_DELAYS_MS[0] ?? 0);
    expect(background.asked()).toBe(2);
    await background.deliver();
    expect(idsOf(article.notes())).toEqual(idsOf(background.store));
    expect(failures).toEqual([]);

    // Every attempt fails: each is asked again after its delay, then reported once.
    const failing = createNotePages({
      article: fakeArticle([]),
      request: background.request,
      schedule: scheduler.schedule,
      onFailed: (error) => failures.push(error),
    });
    const before = background.asked();
    failing.reload();
    for (const delay of PAGE_RETRY_DELAYS_MS) {
      await background.fail(new Error('still no answer'));
      await vi.advanceTimersByTimeAsync(delay);
    }
    await background.fail(new Error('still no answer'));
    expect(background.asked() - before).toBe(PAGE_RETRY_DELAYS_MS.length + 1);
    expect(failures).toEqual([new Error('still no answer')]);
    expect(failing.busy()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(background.asked() - before).toBe(PAGE_RETRY_DELAYS_MS.length + 1);
  });

  it('tells the reader what is missing, and Retry asks once, at once, and clears it when the page comes', async () => {
    vi.useFakeTimers();
    const background = pagedBackground(range(9), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(background.store.slice(0, 3));
    const reports: Array<'missing' | 'none'> = [];
    let retry: (() => void) | null = null;
    const follower = followNotes({
      article,
      request: background.request,
      next: 'n2',
      schedule: scheduler.schedule,
      onMissing: (missing) => {
        reports.push(missing ? 'missing' : 'none');
        retry = missing?.retry ?? null;
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    scheduler.runNext();
    for (const delay of PAGE_RETRY_DELAYS_MS) {
      await background.fail();
      await vi.advanceTimersByTimeAsync(delay);
    }
    expect(reports).toEqual([]);
    await background.fail();
    // Failed every time: the reader is told, with a way to ask again, and nothing else is asked.
    expect(reports).toEqual(['missing']);
    const asked = background.asked();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(background.asked()).toBe(asked);

    // Retry asks once, at once; failing again is reported again at once, with no wait.
    retry!();
    retry!();
    expect(background.asked()).toBe(asked + 1);
    await background.fail();
    expect(reports).toEqual(['missing', 'missing']);

    // The next Retry brings the page, and the pages after it: the notice can go.
    retry!();
    await background.deliver();
    expect(reports).toEqual(['missing', 'missing', 'none']);
    await drain(scheduler, background);
    expect(idsOf(article.notes())).toEqual(idsOf(background.store));
    expect(reports).toEqual(['missing', 'missing', 'none']);
    expect(warn).toHaveBeenCalledTimes(2);
    follower.stop();
    warn.mockRestore();
  });

  it('reloads every page and replaces the notes once; a change meanwhile reads them again', async () => {
    const background = pagedBackground(range(7), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle([anchor('stale')]);
    const follower = followNotes({
      article,
      request: background.request,
      schedule: scheduler.schedule,
    });
    // A change that names no note (a large import) loads them all again.
    expect(await follower.apply({ kind: 'imported' })).toBe('reloaded');
    await background.deliver();
    // Still the old notes while the pages come: nothing blinks off.
    expect(idsOf(article.notes())).toEqual(['stale']);
    background.store.splice(0, 1);
    await follower.apply({ kind: 'deleted', noteIds: ['n0'] });
    await drain(scheduler, background);
    expect(article.replaced).toEqual([['n1', 'n2', 'n3', 'n4', 'n5', 'n6']]);
    expect(article.appended).toEqual([]);
  });

  it('stops: a page on its way is dropped and no other is asked for', async () => {
    const background = pagedBackground(range(9), 3);
    const scheduler = manualScheduler();
    const article = fakeArticle(background.store.slice(0, 3));
    const follower = followNotes({
      article,
      request: background.request,
      next: 'n2',
      schedule: scheduler.schedule,
    });
    scheduler.runNext();
    follower.stop();
    await background.deliver();
    expect(article.appended).toEqual([]);
    expect(scheduler.tasks).toEqual([]);
    expect(background.asked()).toBe(1);
  });
});
