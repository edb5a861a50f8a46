/**
 * Reading a notes file as far as its list of annotations: the size limit, JSON (a file that is
 * not JSON is named for what it is), and where the annotations are. The whole file is refused
 * only when it cannot be an annotation file at all; each annotation is then checked alone
 * (`import-annotation.ts`). Pure, and never throws, whatever the text.
 */
import { t } from '../i18n';
import { errorMessage, formatMegabytes, utf8Length } from './import-helpers';
import { locateAnnotations } from './import-locate';
import { describeJsonError, recogniseNonJson } from './import-not-json';

/** The largest file accepted, in bytes of UTF-8 (decimal megabytes, as file managers show). */
export const IMPORT_MAX_BYTES = 50_000_000;

/** The annotations a notes file holds, not yet checked one by one, or why the file was refused. */
export type AnnotationListResult = { ok: true; items: unknown[] } | { ok: false; error: string };

/**
 * Reads a notes file as far as its list of annotations: the size limit, JSON, and where the
 * annotations are. Each item is then checked alone by {@link createAnnotationConverter}, so a
 * caller can convert and write a large file piece by piece. Never throws.
 */
export function readAnnotationList(text: string): AnnotationListResult {
  try {
    return readAnnotationListText(text);
  } catch (error) {
    // Nothing below is expected to throw; this is a last line of defence for odd input.
    return { ok: false, error: t('import_unreadable', [errorMessage(error)]) };
  }
}

/** The message for an import that stopped on an unexpected error (a failing id source, say). */
export function importFailureMessage(error: unknown): string {
  return t('import_unreadable', [errorMessage(error)]);
}

function readAnnotationListText(text: string): AnnotationListResult {
  // No UTF-16 unit takes more than 3 bytes of UTF-8, so a text this short is within the limit
  // without counting (counting 13 million characters takes tens of milliseconds).
  const bytes = text.length * 3 <= IMPORT_MAX_BYTES ? 0 : utf8Length(text);
  if (bytes > IMPORT_MAX_BYTES) {
    return {
      ok: false,
      error: t('import_too_large', [formatMegabytes(bytes), IMPORT_MAX_BYTES / 1_000_000]),
    };
  }
  // Editors on some systems start UTF-8 files with a byte order mark, which JSON does not allow.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return { ok: false, error: t('import_empty') };

  const notJson = recogniseNonJson(json);
  if (notJson !== null) return { ok: false, error: notJson };
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: describeJsonError(json, errorMessage(error)) };
  }
  return locateAnnotations(document);
}
