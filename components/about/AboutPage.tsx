/**
 * The about page (about.html): what Counterpoint keeps, where, and that nothing leaves the
 * browser; and "Delete all my notes", asked in a real dialog first and undoable for as long as
 * the store keeps deleted notes restorable.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ABOUT_CSS } from '../help/styles';
import { Toast } from '../Toast';

/** Every reader-facing sentence of the about page. */
export const strings = {
  title: 'About Counterpoint and your data',
  brand: 'Counterpoint',
  intro:
    'Counterpoint has no account and no server. Everything it knows stays in this browser, in the extension’s own storage, which the websites you read cannot open.',
  storedHeading: 'What is kept, and where',
  notesTerm: 'Your notes',
  notesWhere:
    'In the browser’s IndexedDB, in a database of the extension’s own origin, not the website’s. Only Counterpoint’s own pages read them; the article page itself is told where a note goes, never what it says.',
  settingsTerm: 'Your settings',
  settingsWhere:
    'The highlight switches, the sites where Counterpoint is paused and whether you have seen the welcome card, in the extension’s storage (storage.local).',
  tabsTerm: 'What your open tabs show',
  tabsWhere:
    'Which article a tab shows and how many of its claims were found, in the extension’s session storage, forgotten when the browser closes.',
  draftsTerm: 'Notes you have not saved',
  draftsWhere: 'Only in the memory of the open note editor, until you save them or close the tab.',
  packsTerm: 'The claims and their sources',
  packsWhere:
    'Come with the extension and are copied into the same database. Links to sources open only when you choose them.',
  sentHeading: 'What is sent',
  sent: 'Nothing. Counterpoint makes no network request of its own: no analytics, no sync, no account.',
  deleteHeading: 'Delete all my notes',
  deleteIntro:
    'This removes every note you have written, on every article. To keep a copy, export your notes from the notes manager first.',
  notesManager: 'Open the notes manager',
  deleteButton: 'Delete all my notes…',
  countLoading: 'Counting your notes…',
  countNone: 'You have no notes.',
  count: (n: number) => (n === 1 ? 'You have 1 note.' : `You have ${n} notes.`),
  dialogTitle: 'Delete all your notes?',
  dialogBody: (n: number, seconds: number) =>
    `${n === 1 ? 'Your note' : `Your ${n} notes`}, on every article, will be deleted. You can undo this for ${seconds} seconds after.`,
  cancel: 'Cancel',
  confirm: 'Delete all notes',
  deleted: (n: number) => (n === 1 ? '1 note deleted.' : `${n} notes deleted.`),
  undo: 'Undo',
  restored: (n: number) => (n === 1 ? 'Your note is back.' : `Your ${n} notes are back.`),
  failed: (reason: string) => `Nothing was deleted. ${reason}`,
  undoFailed: (reason: string) => `The notes could not be brought back. ${reason}`,
  helpLink: 'Counterpoint help',
  methodLink: 'How Counterpoint checks',
} as const;

/** What the page needs from the background. */
export interface AboutActions {
  countNotes: () => Promise<number>;
  deleteAll: () => Promise<{ deletedAt: string; count: number }>;
  restoreAll: (deletedAt: string) => Promise<{ count: number }>;
}

/** Props of {@link AboutPage}. */
export interface AboutPageProps {
  actions: AboutActions;
  /** How long Undo is offered, in milliseconds. */
  undoMs: number;
  notesManagerUrl: string;
  helpUrl: string;
  methodUrl: string;
}

type Toasted = { message: string; undo?: string };

/** The about page. */
export function AboutPage({
  actions,
  undoMs,
  notesManagerUrl,
  helpUrl,
  methodUrl,
}: AboutPageProps) {
  const [count, setCount] = useState<number | null>(null);
  const [toast, setToast] = useState<Toasted>({ message: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [paused, setPaused] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const toastRegion = useRef<HTMLDivElement>(null);
  const focusUndo = useRef(false);

  const recount = () => actions.countNotes().then(setCount, () => setCount(null));
  useEffect(() => {
    void recount();
  }, []);

  useEffect(() => {
    if (!focusUndo.current || toast.undo === undefined) return;
    focusUndo.current = false;
    const undo = [...(toastRegion.current?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent === strings.undo,
    );
    undo?.focus();
  }, [toast]);

  // Undo is offered for as long as the store can still restore the notes, and while the reader
  // is reaching for it (hover or focus) the toast stays.
  useEffect(() => {
    if (toast.message === '' || paused) return;
    const timer = setTimeout(
      () => {
        const hadUndo = toast.undo !== undefined;
        setToast({ message: '' });
        if (hadUndo) opener.current?.focus();
      },
      toast.undo ? Math.max(undoMs - 1000, 1000) : 5000,
    );
    return () => clearTimeout(timer);
  }, [toast, paused, undoMs]);

  function openDialog() {
    setError('');
    dialog.current?.showModal();
    // The safe choice has the focus: Enter or Space on a dialog just opened never deletes.
    cancel.current?.focus();
  }

  function closeDialog() {
    dialog.current?.close();
  }

  async function confirm() {
    setBusy(true);
    try {
      const result = await actions.deleteAll();
      closeDialog();
      focusUndo.current = true;
      setToast({ message: strings.deleted(result.count), undo: result.deletedAt });
      void recount();
    } catch (reason) {
      closeDialog();
      setError(strings.failed(reason instanceof Error ? reason.message : String(reason)));
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    const deletedAt = toast.undo;
    if (deletedAt === undefined) return;
    try {
      const result = await actions.restoreAll(deletedAt);
      setToast({ message: strings.restored(result.count) });
      void recount();
    } catch (reason) {
      setToast({ message: '' });
      setError(strings.undoFailed(reason instanceof Error ? reason.message : String(reason)));
    }
    setPaused(false);
    opener.current?.focus();
  }

  return (
    <div class="cp-theme cp-help cp-about">
      <style>{ABOUT_CSS}</style>
      <header>
        <p class="cp-help-brand">{strings.brand}</p>
        <h1>{strings.title}</h1>
        <p>{strings.intro}</p>
      </header>
      <main>
        <section aria-labelledby="cp-about-stored">
          <h2 id="cp-about-stored">{strings.storedHeading}</h2>
          <dl class="cp-about-stored">
            <dt>{strings.notesTerm}</dt>
            <dd>{strings.notesWhere}</dd>
            <dt>{strings.settingsTerm}</dt>
            <dd>{strings.settingsWhere}</dd>
            <dt>{strings.tabsTerm}</dt>
            <dd>{strings.tabsWhere}</dd>
            <dt>{strings.draftsTerm}</dt>
            <dd>{strings.draftsWhere}</dd>
            <dt>{strings.packsTerm}</dt>
            <dd>{strings.packsWhere}</dd>
          </dl>
        </section>
        <section aria-labelledby="cp-about-sent">
          <h2 id="cp-about-sent">{strings.sentHeading}</h2>
          <p>{strings.sent}</p>
        </section>
        <section aria-labelledby="cp-about-delete">
          <h2 id="cp-about-delete">{strings.deleteHeading}</h2>
          <p>{strings.deleteIntro}</p>
          <p>
            <a href={notesManagerUrl}>{strings.notesManager}</a>
          </p>
          <p role="status">
            {count === null
              ? strings.countLoading
              : count === 0
                ? strings.countNone
                : strings.count(count)}
          </p>
          <p>
            <button
              ref={opener}
              type="button"
              class="cp-button cp-button-danger"
              disabled={count === 0}
              onClick={openDialog}
            >
              {strings.deleteButton}
            </button>
          </p>
          <p role="alert" class="cp-help-error">
            {error}
          </p>
          <div ref={toastRegion}>
            <Toast
              message={toast.message}
              actionLabel={toast.undo === undefined ? undefined : strings.undo}
              onAction={toast.undo === undefined ? undefined : () => void undo()}
              onPause={setPaused}
            />
          </div>
        </section>
      </main>
      <dialog
        ref={dialog}
        class="cp-about-dialog"
        aria-labelledby="cp-about-dialog-title"
        aria-describedby="cp-about-dialog-body"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="cp-about-dialog-title">{strings.dialogTitle}</h2>
        <p id="cp-about-dialog-body">
          {strings.dialogBody(count ?? 0, Math.round((undoMs - 1000) / 1000))}
        </p>
        <div class="cp-about-actions">
          <button ref={cancel} type="button" class="cp-button" onClick={closeDialog}>
            {strings.cancel}
          </button>
          <button
            type="button"
            class="cp-button cp-button-danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {strings.confirm}
          </button>
        </div>
      </dialog>
      <footer class="cp-help-footer">
        <a href={helpUrl}>{strings.helpLink}</a>
        <a href={methodUrl}>{strings.methodLink}</a>
      </footer>
    </div>
  );
}
