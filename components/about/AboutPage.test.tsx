import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support';
import { type AboutActions, AboutPage, strings } from './AboutPage';

afterEach(cleanup);

/** A fake background over a list of notes, with the real rule: Undo names the delete. */
function fakeActions(initial: string[], failDelete = false) {
  let live = [...initial];
  let deleted: { at: string; ids: string[] } | null = null;
  const actions: AboutActions = {
    countNotes: async () => live.length,
    deleteAll: async () => {
      if (failDelete) throw new Error('The disk is full.');
      deleted = { at: '2026-12-01T10:00:00.000Z', ids: live };
      live = [];
      return { deletedAt: deleted.at, count: deleted.ids.length };
    },
    restoreAll: async (deletedAt) => {
      if (!deleted || deleted.at !== deletedAt) throw new Error('Unknown delete.');
      live = [...live, ...deleted.ids];
      const count = deleted.ids.length;
      deleted = null;
      return { count };
    },
  };
  return { actions, live: () => live };
}

const props = {
  undoMs: 10_000,
  notesManagerUrl: '/notes.html',
  helpUrl: '/help.html',
  methodUrl: '/method.html',
};

describe('AboutPage', () => {
  it('says where everything is kept and that nothing is sent', async () => {
    const { actions } = fakeActions(['a']);
    const { container } = render(<AboutPage {...props} actions={actions} />);
    expect(screen.getByRole('region', { name: strings.storedHeading }).textContent).toContain(
      'IndexedDB',
    );
    expect(screen.getByRole('region', { name: strings.sentHeading }).textContent).toContain(
      'Nothing.',
    );
    await screen.findByText(strings.count(1));
    await expectNoAxeViolations(container);
  });

  it('deletes only from the dialog, and Undo brings every note back', async () => {
    const fake = fakeActions(['a', 'b', 'c']);
    render(<AboutPage {...props} actions={fake.actions} />);
    await screen.findByText(strings.count(3));
    fireEvent.click(screen.getByRole('button', { name: strings.deleteButton }));
    expect(fake.live()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: strings.confirm }));
    await screen.findByText(strings.deleted(3));
    expect(fake.live()).toEqual([]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe(strings.undo));
    fireEvent.click(screen.getByRole('button', { name: strings.undo }));
    await screen.findByText(strings.restored(3));
    expect(fake.live().sort()).toEqual(['a', 'b', 'c']);
  });

  it('says nothing was deleted when the delete fails', async () => {
    const fake = fakeActions(['a'], true);
    render(<AboutPage {...props} actions={fake.actions} />);
    await screen.findByText(strings.count(1));
    fireEvent.click(screen.getByRole('button', { name: strings.deleteButton }));
    fireEvent.click(screen.getByRole('button', { name: strings.confirm }));
    await waitFor(() =>
      expect(screen.getByText(strings.failed('The disk is full.')).getAttribute('role')).toBe(
        'alert',
      ),
    );
    expect(fake.live()).toEqual(['a']);
  });
});
