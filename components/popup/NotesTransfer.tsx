/**
 * Export and import. Export writes the notes in view's scope (every note, or this article's) as
 * a W3C Web Annotation file or as Markdown. Import reads a .json/.jsonld file, adds what is new
 * in one write and says what happened; a file that cannot be read gets the parser's reason and
 * changes nothing.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../../utils/i18n';
import { IMPORT_MAX_BYTES } from '../../utils/notes-io';
import {
  buildExportFile,
  type ExportFormat,
  type ExportScope,
  fileTooLargeMessage,
} from '../../utils/popup/notes-transfer';
import { IMPORT_FINISHED_MARK, IMPORT_STARTED_MARK } from '../../utils/popup/perf-marks';
import type { NotesData } from '../../utils/popup/popup-data';
import type { Note } from '../../utils/store/types';
import { useUniqueId } from '../unique-id';

/** Props of {@link NotesTransfer}. */
export interface NotesTransferProps {
  data: NotesData;
  /** Every live note; the scope picks from them. */
  notes: readonly Note[];
  scope: ExportScope;
  /** Called with the notes an import added, once its summary is on screen. */
  onImported(added: readonly Note[]): void;
}

type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; filename: string }
  | { status: 'done'; summary: string; added: readonly Note[] }
  | { status: 'failed'; error: string };

/** The "Export and import" section. */
export function NotesTransfer({ data, notes, scope, onImported }: NotesTransferProps) {
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const [exportError, setExportError] = useState('');
  /** The import whose notes were last handed to the list. */
  const handedOver = useRef<ImportState | null>(null);
  const headingId = useUniqueId('cp-transfer');
  const inputId = useUniqueId('cp-import');
  const count =
    scope.kind === 'all'
      ? notes.length
      : notes.filter((note) => note.articleKey === scope.articleKey).length;

  // Effects run after the browser has painted: the summary shows first, and the list (thousands
  // of notes to prepare again) takes the new notes after it.
  useEffect(() => {
    if (importState.status !== 'done' || handedOver.current === importState) return;
    handedOver.current = importState;
    if (importState.added.length > 0) onImported(importState.added);
  }, [importState, onImported]);

  function exportAs(format: ExportFormat) {
    setExportError('');
    try {
      data.saveFile(buildExportFile(notes, format, scope, data.now()));
    } catch (thrown) {
      setExportError(
        t('transfer_export_failed', [thrown instanceof Error ? thrown.message : String(thrown)]),
      );
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires a change again.
    input.value = '';
    if (file === undefined) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setImportState({ status: 'failed', error: fileTooLargeMessage(file.size) });
      return;
    }
    setImportState({ status: 'importing', filename: file.name });
    performance.mark(IMPORT_STARTED_MARK);
    try {
      const outcome = await data.importNotes(await file.text());
      performance.mark(IMPORT_FINISHED_MARK);
      if (outcome.ok) {
        setImportState({ status: 'done', summary: outcome.summary, added: outcome.added });
      } else {
        setImportState({ status: 'failed', error: outcome.error });
      }
    } catch (thrown) {
      const detail = thrown instanceof Error ? thrown.message : String(thrown);
      setImportState({
        status: 'failed',
        error: t('transfer_import_failed', [detail]),
      });
    }
  }

  const scopeSentence =
    scope.kind === 'all'
      ? plural('transfer_exports_all', count)
      : plural('transfer_exports_article', count);
  return (
    <section class="cp-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('transfer_heading')}</h2>
      <p class="cp-muted">{scopeSentence}</p>
      <div class="cp-transfer">
        <button
          type="button"
          class="cp-button"
          disabled={count === 0}
          onClick={() => exportAs('jsonld')}
        >
          {t('transfer_export_jsonld')}
        </button>
        <button
          type="button"
          class="cp-button"
          disabled={count === 0}
          onClick={() => exportAs('markdown')}
        >
          {t('transfer_export_markdown')}
        </button>
        <span class="cp-button cp-file-button">
          <label for={inputId}>
            {importState.status === 'importing' ? t('transfer_importing') : t('transfer_import')}
          </label>
          <input
            id={inputId}
            type="file"
            aria-label={t('transfer_import')}
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={importState.status === 'importing'}
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </span>
      </div>
      <p class="cp-hint">{t('transfer_import_hint')}</p>
      {/* Kept mounted so the result is announced when it appears. */}
      <div aria-live="polite">
        {importState.status === 'done' ? (
          <p role="status" class="cp-import-summary">
            {importState.summary}
          </p>
        ) : null}
      </div>
      <p role="alert" class="cp-error-box">
        {importState.status === 'failed' ? importState.error : exportError}
      </p>
    </section>
  );
}
