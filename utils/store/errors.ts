/** Turns storage failures into messages a reader can act on, in the interface language. */
import { t } from '../i18n';

/** A storage failure explained for the reader; `cause` keeps the original for the log. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** What the reader was doing when storage failed, each told as "Could not …". */
export type StorageAction =
  | 'save-note'
  | 'save-change'
  | 'delete-note'
  | 'restore-note'
  | 'delete-all'
  | 'restore-all'
  | 'rekey'
  | 'import'
  | 'install-pack'
  | 'remove-pack'
  | 'pack-off'
  | 'pack-on';

/** "Could not save the note", in the interface language; `packTitle` names a pack installed. */
function failedClause(action: StorageAction, packTitle: string): string {
  switch (action) {
    case 'save-note':
      return t('storage_failed_save_note');
    case 'save-change':
      return t('storage_failed_save_change');
    case 'delete-note':
      return t('storage_failed_delete_note');
    case 'restore-note':
      return t('storage_failed_restore_note');
    case 'delete-all':
      return t('storage_failed_delete_all');
    case 'restore-all':
      return t('storage_failed_restore_all');
    case 'rekey':
      return t('storage_failed_rekey');
    case 'import':
      return t('storage_failed_import');
    case 'install-pack':
      return t('storage_failed_install_pack', [packTitle]);
    case 'remove-pack':
      return t('storage_failed_remove_pack');
    case 'pack-off':
      return t('storage_failed_pack_off');
    case 'pack-on':
      return t('storage_failed_pack_on');
  }
}

/** Describes an IndexedDB failure in plain words: what failed, why, and what to do. */
export function explainStorageError(
  error: unknown,
  action: StorageAction,
  packTitle = '',
): StorageError {
  const failed = failedClause(action, packTitle);
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(t('storage_full', [failed]), { cause: error });
  }
  if (name === 'InvalidStateError' || name === 'AbortError' || name === 'UnknownError') {
    return new StorageError(t('storage_interrupted', [failed]), { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(t('storage_unexplained', [failed, detail]), { cause: error });
}
