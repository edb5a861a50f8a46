import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as renderPreact } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_MAX_LENGTH } from '../utils/store/types';
import { NoteEditor, type NoteEditorProps, type NoteSaveResult } from './NoteEditor';
import { expectNoAxeViolations } from './test-support';

afterEach(cleanup);

function renderEditor(overrides: Partial<NoteEditorProps> = {}) {
  const props = {
    mode: 'add' as const,
    quote: 'crime doubled last year',
    onSave: vi.fn(async (): Promise<NoteSaveResult> => ({ ok: true })),
    onCancel: vi.fn(),
    ...overrides,
  };
  return { ...render(<NoteEditor {...props} />), props };
}

function noteField() {
  return screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
}

function type(field: HTMLElement, value: string) {
  fireEvent.input(field, { target: { value } });
}

describe('NoteEditor', () => {
  it('is a dialog named "Add note" or "Edit note" with the passage and a focused note field', () => {
    renderEditor();
    expect(screen.getByRole('dialog', { name: 'Add note' })).toBeTruthy();
    expect(screen.getByText('crime doubled last year').tagName).toBe('BLOCKQUOTE');
    expect(document.activeElement).toBe(noteField());
    cleanup();
    renderEditor({ mode: 'edit', initialBody: 'Old text', initialTags: ['a', 'b'] });
    expect(screen.getByRole('dialog', { name: 'Edit note' })).toBeTruthy();
    expect(noteField().value).toBe('Old text');
    expect((screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement).value).toBe('a, b');
  });

  it('puts the caret at the note’s end as it opens, and never moves it once the reader acts', async () => {
    // Drawn as the popover frame draws it: a plain render, its effects left to run when the
    // browser gets to them. The reader (or a fast keyboard) selects the whole note at once.
    const container = document.createElement('div');
    document.body.append(container);
    renderPreact(
      <NoteEditor
        mode="edit"
        quote="crime doubled last year"
        initialBody="Old text"
        onSave={async () => ({ ok: true })}
        onCancel={() => undefined}
      />,
      container,
    );
    try {
      const field = container.querySelector('textarea');
      if (!field) throw new Error('no note field');
      expect([field.selectionStart, field.selectionEnd]).toEqual([8, 8]);
      field.setSelectionRange(0, field.value.length);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(document.activeElement).toBe(field);
      expect([field.selectionStart, field.selectionEnd]).toEqual([0, 8]);
    } finally {
      renderPreact(null, container);
      container.remove();
    }
  });

  it('saves the trimmed body and the parsed tags', async () => {
    const { props } = renderEditor();
    type(noteField(), '  My note \n');
    type(
      screen.getByRole('textbox', { name: 'Tags' }),
      ' crime, Stats ,, crime, stats,  big   city ',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(1));
    expect(props.onSave).toHaveBeenCalledWith({
      body: 'My note',
      tags: ['crime', 'Stats', 'big city'],
    });
  });

  it('refuses an empty note', () => {
    const { props } = renderEditor();
    type(noteField(), '   \n ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Write something before saving.');
    expect(noteField().getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('warns near the limit and refuses a note over it, giving the limit', () => {
    const { props } = renderEditor();
    type(noteField(), 'x'.repeat(NOTE_MAX_LENGTH - 100));
    expect(screen.getByText('100 characters left')).toBeTruthy();
    type(noteField(), 'x'.repeat(20_431));
    const message = 'Notes can be up to 20,000 characters; this one has 20,431.';
    expect(screen.getByText(message)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(props.onSave).not.toHaveBeenCalled();
    expect(noteField().value).toHaveLength(20_431);
  });

  it('refuses more tags than allowed and tags that are too long', () => {
    const { props } = renderEditor();
    type(noteField(), 'Text');
    const tags = screen.getByRole('textbox', { name: 'Tags' });
    type(tags, Array.from({ length: 21 }, (_, index) => `t${index}`).join(','));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'A note can have up to 20 tags; this one has 21.',
    );
    type(tags, `ok, ${'y'.repeat(51)}`);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Tags can be up to 50 characters; .* has 51\.$/,
    );
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('saves on Ctrl+Enter and on Cmd+Enter', async () => {
    const { props } = renderEditor();
    type(noteField(), 'Keyboard note');
    fireEvent.keyDown(noteField(), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(1));
    fireEvent.keyDown(noteField(), { key: 'Enter', metaKey: true });
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(2));
    fireEvent.keyDown(noteField(), { key: 'Enter' });
    expect(props.onSave).toHaveBeenCalledTimes(2);
  });

  it('cancels on Escape, without letting the page see the key, and on Cancel', () => {
    const pageListener = vi.fn();
    document.body.addEventListener('keydown', pageListener);
    const { props } = renderEditor();
    fireEvent.keyDown(noteField(), { key: 'Escape' });
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    expect(pageListener).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.onCancel).toHaveBeenCalledTimes(2);
    document.body.removeEventListener('keydown', pageListener);
  });

  it('shows "Saving…" on a disabled button while saving, once only', async () => {
    let finish: (result: NoteSaveResult) => void = () => {};
    const onSave = vi.fn(
      () =>
        new Promise<NoteSaveResult>((resolve) => {
          finish = resolve;
        }),
    );
    renderEditor({ onSave });
    type(noteField(), 'Slow');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(noteField(), { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    finish({ ok: true });
    expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('keeps the text and shows the error when saving fails', async () => {
    const onSave = vi.fn(
      async (): Promise<NoteSaveResult> => ({ ok: false, error: 'Storage is full.' }),
    );
    renderEditor({ onSave });
    type(noteField(), 'Precious words');
    type(screen.getByRole('textbox', { name: 'Tags' }), 'keep');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full.'));
    expect(noteField().value).toBe('Precious words');
    expect((screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement).value).toBe('keep');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('reports a save that throws instead of hanging in "Saving…"', async () => {
    const onSave = vi.fn(async (): Promise<NoteSaveResult> => {
      throw new Error('Connection lost.');
    });
    renderEditor({ onSave });
    type(noteField(), 'Words');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The note could not be saved. Connection lost.',
      ),
    );
    expect(noteField().value).toBe('Words');
  });

  it('has no axe violations, including while showing an error', async () => {
    const { container } = renderEditor();
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expectNoAxeViolations(container);
  });
});
