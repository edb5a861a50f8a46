/**
 * Notes that come after the first paint, a page at a time (`note-pages.ts`): each page joins the
 * idle queue behind the notes still waiting, none is an orphan while it waits, and the view
 * reports once every note is placed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pageWords } from '../i18n/page-words';
import type { NoteAnchor, PageStatusReport } from '../messaging/protocol';
import { type ArticleView, createArticleView } from './article-view';
import { CONTENT_EXTRAS } from './content-extras';
import { FIRST_NOTE_BATCH } from './layers';
import { loadArticle, notesOnArticle } from './test-doubles';
import { registerContentExtras } from './ui-loader';

// The full matcher is at hand, as once the extras bundle has loaded.
registerContentExtras(CONTENT_EXTRAS);

let view: ArticleView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

/** The article's body, and `count` notes on its text from the `from`-th on. */
const loadBody = (): Element => loadArticle().body;
const notesOn = (body: Element, from: number, count: number): NoteAnchor[] =>
  notesOnArticle(body, count, { from, idPrefix: 'paged' });

describe('notes appended after the first paint', () => {
  it('places each later page in idle slices behind the first, none an orphan meanwhile', () => {
    const body = loadBody();
    const first = notesOn(body, 0, FIRST_NOTE_BATCH + 50);
    const idle: (() => void)[] = [];
    const statuses: PageStatusReport[] = [];
    view = createArticleView({
      doc: document,
      body,
      claims: [],
      notes: first,
      visibility: { claims: true, notes: true },
      words: pageWords(),
      onStatus: (status) => statuses.push(status),
      scheduleIdle: (task) => {
        idle.push(task);
        return { cancel: () => idle.splice(idle.indexOf(task) >>> 0, 1) };
      },
    });
    expect(view.layers.status().notesAnchored).toBe(FIRST_NOTE_BATCH);
    // The next page arrives before the first page's idle slices ran.
    const second = notesOn(body, first.length, 120);
    view.appendNotes(second);
    expect(view.notes()).toHaveLength(first.length + second.length);
    expect(view.layers.status().orphanedNoteIds).toEqual([]);
    let slices = 0;
    while (idle.length > 0 && slices < 100) {
      idle.shift()?.();
      slices += 1;
    }
    const done = view.layers.status();
    expect(done.notesAnchored).toBe(first.length + second.length);
    expect(done.orphanedNoteIds).toEqual([]);
    expect(view.layers.rangeOf(second.at(-1)?.id ?? '')).not.toBeNull();
    // A page that comes once all were placed is placed too, and reported once more.
    const reports = statuses.length;
    const third = notesOn(body, first.length + second.length, 30);
    view.appendNotes(third);
    const total = first.length + second.length + 30;
    // The slice that places the last notes, then the repaint, then the report: three tasks.
    const tasks: string[] = [];
    while (idle.length > 0 && slices < 200) {
      idle.shift()?.();
      slices += 1;
      if (view.layers.status().notesAnchored === total) {
        tasks.push(statuses.length > reports ? 'reported' : 'not yet');
      }
    }
    expect(view.layers.status().notesAnchored).toBe(total);
    expect(tasks).toEqual(['not yet', 'not yet', 'reported']);
    expect(statuses).toHaveLength(reports + 1);
  });
});
