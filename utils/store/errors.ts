/** Turns storage failures into messages a reader can act on. */

/** A storage failure explained for the reader; `cause` keeps the original for the log. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** Describes an IndexedDB failure in plain words. */
export function explainStorageError(error: unknown, doing: string): StorageError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      `Could not ${doing}: the browser's storage for Counterpoint is full. Free some disk space or export and delete old notes, then try again. Nothing was changed.`,
      { cause: error },
    );
  }
  if (name === 'InvalidStateError' || name === 'AbortError' || name === 'UnknownError') {
    return new StorageError(
      `Could not ${doing}: the storage was interrupted. Nothing was changed; please try again.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(`Could not ${doing}: ${detail}`, { cause: error });
}
