/**
 * The about page (about.html): what Counterpoint keeps, where, and that nothing leaves the
 * browser; and "Delete all my notes", asked in a real dialog first and undoable for as long as
 * the store keeps deleted notes restorable.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../../utils/i18n';
import { ABOUT_CSS } from '../help/styles';
import { PageFooter, PageHeader } from '../page/PageChrome';
import { Toast } from '../Toast';

/**
 * Every reader-facing sentence of the about page, each read in the interface language when used.
 */
export const strings = {
  get title() {
    return t('help_about_link');
  },
  get intro() {
    return t('about_intro');
  },
  get storedHeading() {
    return t('about_stored_heading');
  },
  get notesTerm() {
    return t('about_notes_term');
  },
  get notesWhere() {
    return t('about_notes_where');
  },
  get settingsTerm() {
    return t('about_settings_term');
  },
  get settingsWhere() {
    return t('about_settings_where');
  },
  get tabsTerm() {
    return t('about_tabs_term');
  },
  get tabsWhere() {
    return t('about_tabs_where');
  },
  get draftsTerm() {
    return t('about_drafts_term');
  },
  get draftsWhere() {
    return t('about_drafts_where');
  },
  get packsTerm() {
    return t('about_packs_term');
  },
  get packsWhere() {
    return t('about_packs_where');
  },
  get sentHeading() {
    return t('about_sent_heading');
  },
  get sent() {
    return t('about_sent');
  },
  get deleteHeading() {
    return t('about_delete_heading');
  },
  get deleteIntro() {
    return t('about_delete_intro');
  },
  get notesManager() {
    return t('popup_open_manager');
  },
  get deleteButton() {
    return t('about_delete_button');
  },
  get countLoading() {
    return t('about_count_loading');
  },
  get countNone() {
    return t('about_count_none');
  },
  get dialogTitle() {
    return t('about_dialog_title');
  },
  get cancel() {
    return t('editor_cancel');
  },
  get confirm() {
    return t('about_confirm');
  },
  get undo() {
    return t('notes_undo');
  },
  count: (n: number) => plural('about_count', n),
  dialogBody: (n: number, seconds: number) => plural('about_dialog_body', n, [seconds]),
  deleted: (n: number) => plural('about_deleted', n),
  restored: (n: number) => plural('about_restored', n),
  failed: (reason: string) => t('about_failed', [reason]),
  undoFailed: (reason: string) => t('about_undo_failed', [reason]),
};

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
      <PageHeader title={strings.title} intro={strings.intro} />
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
      <PageFooter current="about" hrefs={{ help: helpUrl, method: methodUrl }} />
    </div>
  );
}
