import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Requester } from '../messaging/client';
import type { NoteAnchor } from '../messaging/protocol';
import { createNoteActions, UNDO_TOAST_MS } from './note-actions';
import type { ToastAction } from './overlay-controller';

const anchor = (id: string, exact = 'words'): NoteAnchor => ({
  id,
  target: { selectors: [{ type: 'TextQuoteSelector', exact }] },
});

/** A painted article that records which notes were anchored again. */
function fakeArticle(initial: NoteAnchor[]) {
  let notes = initial;
  const reanchored: string[][] = [];
  return {
    notes: () => notes,
    reanchorNotes(next: readonly NoteAnchor[], ids: readonly string[]) {
      notes = [...next];
      reanchored.push([...ids]);
    },
    reanchored,
  };
}

function setUp(
  initial: NoteAnchor[],
  answer: (type: string, payload: unknown) => unknown = () => null,
) {
  const article = fakeArticle(initial);
  const sent: string[] = [];
  const toasts: { message: string; action?: ToastAction; ms?: number }[] = [];
  const request = (async (type: string, payload: unknown) => {
    sent.push(type);
    const value = answer(type, payload);
    if (value instanceof Error) throw value;
    return value;
  }) as Requester;
  const actions = createNoteActions({
    article,
    request,
    showToast: (message, action, ms) => toasts.push({ message, action, ms }),
  });
  return { article, sent, toasts, actions };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('note actions on the page side', () => {
  it('places a new note from the selectors the editor had, asking nothing', async () => {
    const { article, sent, actions } = setUp([anchor('old')]);
    actions.expectNew([{ type: 'TextQuoteSelector', exact: 'new words' }], 'claim-1');
    await actions.saved('n1', true);
    expect(sent).toEqual([]);
    expect(article.reanchored).toEqual([['n1']]);
    expect(article.notes().map((note) => note.id)).toEqual(['old', 'n1']);
    expect(article.notes()[1]).toMatchObject({ claimId: 'claim-1' });
  });

  it('leaves an edited note where it is, and asks once where a note it did not expect is', async () => {
    const { article, sent, actions } = setUp([anchor('old')], (type, payload) =>
      type === 'page.notesPage'
        ? { notes: [anchor((payload as { ids: string[] }).ids[0] ?? '')] }
        : null,
    );
    await actions.saved('n1', false);
    expect(article.reanchored).toEqual([]);
    await actions.saved('n2', true);
    // That note alone is asked for, and joins the notes the page already has.
    expect(sent).toEqual(['page.notesPage']);
    expect(article.reanchored).toEqual([['n2']]);
    expect(article.notes().map((note) => note.id)).toEqual(['old', 'n2']);
  });

  it('takes a deleted note off at once and offers Undo, which puts it back', async () => {
    const { article, sent, toasts, actions } = setUp([anchor('n1'), anchor('n2')], (type) =>
      type === 'note.restore' ? { ...anchor('n1'), body: 'never shown' } : null,
    );
    actions.deleted('n1');
    expect(article.notes().map((note) => note.id)).toEqual(['n2']);
    expect(toasts[0]).toMatchObject({ message: 'Note deleted.', ms: UNDO_TOAST_MS });
    toasts[0]?.action?.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['note.restore']);
    expect(article.reanchored).toEqual([['n1'], ['n1']]);
    expect(article.notes().find((note) => note.id === 'n1')).toEqual(anchor('n1'));
    expect(toasts.at(-1)?.message).toBe('Note restored.');
  });

  it('says why an Undo failed, and does nothing after it is destroyed', async () => {
    const { article, toasts, actions } = setUp([anchor('n1')], () => new Error('Too late.'));
    await actions.restore('n1');
    expect(toasts.at(-1)?.message).toBe('Too late.');
    actions.destroy();
    actions.expectNew([{ type: 'TextQuoteSelector', exact: 'x' }]);
    await actions.saved('n3', true);
    expect(article.reanchored).toEqual([]);
  });
});
