import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../utils/store/types';
import { expectNoAxeViolations, makeNote } from '../test-support';
import { FakePopupData } from './fake-popup-data';
import { NOTES_PAGE_SIZE, NotesArea } from './NotesArea';
import { NotesManagerApp } from './NotesManagerApp';

afterEach(cleanup);

let data: FakePopupData;

const harbour = makeNote({
  id: 'harbour',
  articleKey: '/harbour',
  articleTitle: 'Harbour vote',
  body: 'Port figures look inflated',
  tags: ['jobs'],
  modified: '2024-03-03T10:00:00.000Z',
});
const vaccine = makeNote({
  id: 'vaccine',
  articleKey: '/vaccine',
  articleTitle: 'Vaccine exports',
  target: { selectors: [{ type: 'TextQuoteSelector', exact: 'prohibits the export' }] },
  body: 'The ban ended in May',
  tags: ['trade'],
  modified: '2024-03-02T10:00:00.000Z',
});
const council = makeNote({
  id: 'council',
  articleKey: '/harbour',
  url: 'https://www.globalresearch.ca/harbour-vote/5800001',
  articleTitle: 'Harbour vote',
  body: 'Ask for the minutes',
  tags: ['jobs', 'follow-up'],
  modified: '2024-03-01T10:00:00.000Z',
});

function cardNames(): string[] {
  return screen.queryAllByRole('article').map((card) => card.getAttribute('aria-label') ?? '');
}

function search(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), {
    target: { value: text },
  });
}

beforeEach(() => {
  data = new FakePopupData();
  data.notes = [harbour, vaccine, council];
});

describe('NotesArea: finding notes', () => {
  it('groups notes by article, newest first, under the article headlines', async () => {
    render(<NotesArea data={data} />);
    await screen.findByRole('article', { name: 'Note: Port figures look inflated' });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Harbour vote',
      'Vaccine exports',
    ]);
    expect(cardNames()).toEqual([
      'Note: Port figures look inflated',
      'Note: Ask for the minutes',
      'Note: The ban ended in May',
    ]);
    expect(screen.getByText('3 notes')).toBeTruthy();
  });

  it('filters as you type, across note text, quoted passages and tags', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    search('minutes');
    expect(cardNames()).toEqual(['Note: Ask for the minutes']);
    search('PROHIBITS');
    expect(cardNames()).toEqual(['Note: The ban ended in May']);
    search('follow-up');
    expect(cardNames()).toEqual(['Note: Ask for the minutes']);
    expect(screen.getByText('1 note match')).toBeTruthy();
    search('nothing like this');
    expect(cardNames()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and tag filter' }));
    expect(cardNames()).toHaveLength(3);
  });

  it('filters by tag and changes the order', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    const tagFilter = screen.getByRole('combobox', { name: 'Filter by tag' });
    expect(
      within(tagFilter)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All tags', 'jobs (2)', 'follow-up (1)', 'trade (1)']);
    fireEvent.change(tagFilter, { target: { value: 'jobs' } });
    expect(cardNames()).toEqual(['Note: Port figures look inflated', 'Note: Ask for the minutes']);
    fireEvent.change(tagFilter, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort notes' }), {
      target: { value: 'oldest' },
    });
    expect(cardNames()).toEqual([
      'Note: Ask for the minutes',
      'Note: Port figures look inflated',
      'Note: The ban ended in May',
    ]);
  });

  it('renders the first hundred notes and adds more on request', async () => {
    data.notes = Array.from({ length: 250 }, (_, n) =>
      makeNote({
        id: `n${n}`,
        articleKey: `/a${n % 25}`,
        body: `Note ${n}`,
        modified: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
      }),
    );
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    expect(cardNames()).toHaveLength(NOTES_PAGE_SIZE);
    expect(screen.getByText('Showing 100 of 250 notes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more (100 of 150 more)' }));
    expect(cardNames()).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (50 of 50 more)' }));
    expect(cardNames()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
  });

  it("shows the current article's notes at once while every note is still being read", async () => {
    let finishReading: (notes: Note[]) => void = () => {};
    data.loadNotes = () =>
      new Promise<Note[]>((resolve) => {
        finishReading = resolve;
      });
    render(
      <NotesArea
        data={data}
        article={{
          articleKey: '/harbour',
          title: 'Harbour vote',
          orphanedNoteIds: [],
          notes: [council, harbour],
        }}
      />,
    );
    expect(cardNames()).toEqual(['Note: Port figures look inflated', 'Note: Ask for the minutes']);
    expect(screen.getByRole('radio', { name: 'All articles' })).toBeTruthy();
    // Exporting needs every note, so it waits for the full read.
    expect(screen.queryByRole('button', { name: 'Export notes (JSON-LD)' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'All articles' }));
    expect(screen.getByText('Loading notes…')).toBeTruthy();
    await act(async () => finishReading([harbour, vaccine, council]));
    expect(screen.getByRole('radio', { name: 'All articles (3)' })).toBeTruthy();
    expect(cardNames()).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Export notes (JSON-LD)' })).toBeTruthy();
  });

  it('reads the notes again when they change elsewhere', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    data.notes.push(makeNote({ id: 'fresh', body: 'Written in another tab' }));
    act(() => data.announceNotesChanged(['/harbour']));
    await screen.findByRole('article', { name: 'Note: Written in another tab' });
  });

  it('updates only the rows a change names, without reading every note again', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    const loads = data.loads;
    data.notes.push(makeNote({ id: 'fresh', body: 'Written in another tab' }));
    data.notes = data.notes.map((note) =>
      note.id === 'council' ? { ...note, body: 'Edited in another tab' } : note,
    );
    act(() =>
      data.announceNotesChanged(['/harbour'], {
        noteIds: ['fresh', 'council'],
        kind: 'updated',
        writer: 'tab:4',
      }),
    );
    await screen.findByRole('article', { name: 'Note: Written in another tab' });
    await screen.findByRole('article', { name: 'Note: Edited in another tab' });
    act(() => data.announceNotesChanged(['/harbour'], { noteIds: ['fresh'], kind: 'deleted' }));
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'Note: Written in another tab' })).toBeNull(),
    );
    expect(data.loads).toBe(loads);
    expect(data.loadsById).toBe(1);
  });

  it('says how to start when there are no notes, and reports a store that cannot be read', async () => {
    data.notes = [];
    render(<NotesArea data={data} />);
    await screen.findByText(/Select text in a Global Research article and choose/);
    cleanup();
    data.failures.set('load', 'quota');
    render(<NotesArea data={data} />);
    await screen.findByText('Your notes could not be read. quota');
    data.failures.delete('load');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText(/Select text in a Global Research article/);
  });
});

describe('NotesArea: changing notes', () => {
  it('edits a note in place and shows the saved text', async () => {
    render(<NotesArea data={data} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note: Ask for the minutes' }));
    const editor = screen.getByRole('dialog', { name: 'Edit note' });
    const field = within(editor).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Ask for the minutes');
    fireEvent.input(field, { target: { value: 'Ask for the signed minutes' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await screen.findByRole('article', { name: 'Note: Ask for the signed minutes' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(data.notes.find((note) => note.id === 'council')?.body).toBe(
      'Ask for the signed minutes',
    );
    // Focus goes back to the note's Edit button, as from a closed dialog.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Edit note: Ask for the signed minutes',
      ),
    );
  });

  it('keeps what was typed and shows why when a save fails', async () => {
    data.failures.set('update', 'Counterpoint’s background did not answer.');
    render(<NotesArea data={data} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note: Ask for the minutes' }));
    const field = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: 'Typed with care' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(
        screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('did not answer')),
      ).toBe(true),
    );
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(
      'Typed with care',
    );
  });

  it('cancels an edit without saving', async () => {
    render(<NotesArea data={data} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note: Ask for the minutes' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('article', { name: 'Note: Ask for the minutes' })).toBeTruthy();
    expect(data.notes.find((note) => note.id === 'council')?.body).toBe('Ask for the minutes');
  });

  it('deletes a note and brings it back with Undo', async () => {
    render(<NotesArea data={data} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete note: Ask for the minutes' }),
    );
    await screen.findByText('Note deleted: Ask for the minutes');
    // Undo takes the focus, so a keyboard user can undo at once.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    expect(cardNames()).not.toContain('Note: Ask for the minutes');
    expect(data.notes.find((note) => note.id === 'council')?.deletedAt).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('article', { name: 'Note: Ask for the minutes' });
    expect(data.notes.find((note) => note.id === 'council')?.deletedAt).toBeUndefined();
    await screen.findByText('Note restored.');
  });

  it('keeps a note whose delete failed, and says why', async () => {
    data.failures.set('delete', 'That note no longer exists.');
    render(<NotesArea data={data} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete note: Ask for the minutes' }),
    );
    await screen.findByText('The note was not deleted: That note no longer exists.');
    expect(cardNames()).toContain('Note: Ask for the minutes');
  });

  it('lists a note imported from another site as such, with no "Show in page"', async () => {
    render(<NotesArea data={data} />);
    await screen.findByRole('button', { name: 'Show in page: Ask for the minutes' });
    const card = screen.getByRole('article', { name: 'Note: Port figures look inflated' });
    expect(card.textContent).toContain('From another site (news.example.com)');
    expect(
      screen.queryByRole('button', { name: 'Show in page: Port figures look inflated' }),
    ).toBeNull();
  });

  it('shows a note in its page, and explains when it cannot', async () => {
    let shown = 0;
    render(<NotesArea data={data} onShownInPage={() => shown++} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Show in page: Ask for the minutes' }),
    );
    await waitFor(() => expect(shown).toBe(1));
    expect(data.shownNotes).toEqual(['council']);
    data.showOutcome = { status: 'failed', error: 'The page did not show the article in time.' };
    fireEvent.click(screen.getByRole('button', { name: 'Show in page: Ask for the minutes' }));
    await screen.findByText('The page did not show the article in time.');
    expect(shown).toBe(1);
  });
});

describe('NotesArea: export and import', () => {
  function chooseFile(file: File) {
    const input = screen.getByLabelText('Import notes') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  }

  it('exports every note as JSON-LD and as Markdown, named by date', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    fireEvent.click(screen.getByRole('button', { name: 'Export notes (JSON-LD)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export notes (Markdown)' }));
    expect(data.savedFiles.map((file) => file.filename)).toEqual([
      'counterpoint-notes-2026-11-27.jsonld',
      'counterpoint-notes-2026-11-27.md',
    ]);
    expect(JSON.parse(data.savedFiles[0]?.content ?? '').total).toBe(3);
    expect(data.savedFiles[1]?.content).toContain('Ask for the minutes');
  });

  it("exports only this article's notes when the popup is on this article", async () => {
    render(
      <NotesArea
        data={data}
        article={{ articleKey: '/vaccine', title: 'Vaccine exports', orphanedNoteIds: [] }}
      />,
    );
    await screen.findAllByRole('article');
    fireEvent.click(screen.getByRole('button', { name: 'Export notes (JSON-LD)' }));
    const [file] = data.savedFiles;
    expect(file?.filename).toBe('counterpoint-notes-vaccine-exports-2026-11-27.jsonld');
    expect(JSON.parse(file?.content ?? '').total).toBe(1);
  });

  it('imports a file and says what was added', async () => {
    const added: Note = makeNote({ id: 'imported', body: 'From a backup' });
    data.importOutcome = {
      ok: true,
      summary: 'Added 1 note; skipped 2 already present.',
      added: [added],
      articleKeys: [added.articleKey],
    };
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    chooseFile(new File(['{"type":"AnnotationCollection"}'], 'backup.jsonld'));
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((status) => status.textContent === 'Added 1 note; skipped 2 already present.'),
      ).toBe(true),
    );
    expect(data.importedTexts).toEqual(['{"type":"AnnotationCollection"}']);
    await screen.findByRole('article', { name: 'Note: From a backup' });
  });

  it('lists the imported notes without reading every note again', async () => {
    const added = [
      makeNote({ id: 'newer', body: 'Newest of the backup', modified: '2024-03-04T10:00:00.000Z' }),
      makeNote({ id: 'older', body: 'Oldest of the backup', modified: '2024-02-01T10:00:00.000Z' }),
    ];
    data.importOutcome = {
      ok: true,
      summary: 'Added 2 notes.',
      added,
      articleKeys: [...new Set(added.map((note) => note.articleKey))],
    };
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    expect(data.loads).toBe(1);
    chooseFile(new File(['{}'], 'backup.jsonld'));
    await screen.findByRole('article', { name: 'Note: Newest of the backup' });
    expect(cardNames()).toContain('Note: Oldest of the backup');
    expect(screen.getByText('5 notes')).toBeTruthy();
    expect(data.loads).toBe(1);
  });

  it("shows a bad file's reason as an alert and keeps the notes", async () => {
    data.importOutcome = {
      ok: false,
      error: 'The file is not JSON: Unexpected token. Nothing was imported.',
    };
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    chooseFile(new File(['not json'], 'notes.json'));
    const alert = await screen.findByText(
      'The file is not JSON: Unexpected token. Nothing was imported.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(cardNames()).toHaveLength(3);
  });

  it('refuses a file over the limit without reading it', async () => {
    render(<NotesArea data={data} />);
    await screen.findAllByRole('article');
    const big = new File(['x'], 'huge.json');
    Object.defineProperty(big, 'size', { value: 60_000_000 });
    chooseFile(big);
    await screen.findByText('The file is 60.0 MB; the limit is 50 MB. Nothing was imported.');
    expect(data.importedTexts).toEqual([]);
  });
});

describe('NotesManagerApp', () => {
  it('shows every note with search and import/export, and passes axe', async () => {
    render(<NotesManagerApp data={data} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Counterpoint notes' })).toBeTruthy();
    await screen.findAllByRole('article');
    expect(cardNames()).toHaveLength(3);
    expect(screen.getByRole('searchbox', { name: 'Search notes' })).toBeTruthy();
    expect(screen.getByLabelText('Import notes')).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });
});

describe('NotesArea: the first screen with many notes', () => {
  it('shows the newest notes while every note is still being read', async () => {
    let finishFullRead: (notes: Note[]) => void = () => {};
    const slow = Object.assign(data, {
      loadNotes: () =>
        new Promise<Note[]>((resolve) => {
          finishFullRead = resolve;
        }),
      loadNewestNotes: async (limit: number) =>
        [harbour, vaccine, council].slice(0, Math.min(limit, 1)),
    });
    let fullReadStarted = false;
    const started = slow.loadNotes;
    slow.loadNotes = () => {
      fullReadStarted = true;
      return started();
    };
    render(<NotesArea data={slow} />);
    await screen.findByRole('article', { name: 'Note: Port figures look inflated' });
    expect(cardNames()).toHaveLength(1);
    expect(screen.getByText('Newest notes; reading the rest…')).toBeTruthy();
    // Every note is read only after the newest are on screen.
    await waitFor(() => expect(fullReadStarted).toBe(true));
    await act(async () => finishFullRead([harbour, vaccine, council]));
    await waitFor(() => expect(cardNames()).toHaveLength(3));
  });
});
