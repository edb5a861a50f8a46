/**
 * Reading a context pack from a file the reader chose: untrusted input from start to finish. The
 * text is size-checked, parsed, validated as any pack is (format 1 is migrated), and compared
 * with the installed edition of the same article. Nothing is stored here, and a pack never
 * touches the reader's notes; installing is the caller's step (utils/store/packs.ts).
 */
import { validatePack } from './schema';
import type { ContextPack } from './types';

/** The largest pack file read, in bytes; the bundled pack is about 60 kB. */
export const MAX_PACK_FILE_BYTES = 1_000_000;

/** An installed pack, as far as comparing editions needs it. */
export interface InstalledEdition {
  articleKey: string;
  packVersion: number;
}

/** How a file's pack relates to what is installed for its article. */
export type PackFileStatus = 'new' | 'newer' | 'same' | 'older';

/** The result of {@link readPackFile}. */
export type PackFileResult =
  | { ok: true; pack: ContextPack; status: PackFileStatus; installedVersion: number | null }
  | { ok: false; errors: string[] };

/** Parses, validates and places a pack file. Never throws. */
export function readPackFile(text: string, installed: readonly InstalledEdition[]): PackFileResult {
  if (typeof text !== 'string') return { ok: false, errors: ['file: could not be read as text'] };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_FILE_BYTES) {
    return {
      ok: false,
      errors: [`file: is ${bytes} bytes; a pack file may be at most ${MAX_PACK_FILE_BYTES}`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`file: is not JSON (${reason})`] };
  }
  const result = validatePack(data);
  if (!result.ok) return result;
  const { pack } = result;
  const existing = installed.find((entry) => entry.articleKey === pack.article.id);
  if (!existing) return { ok: true, pack, status: 'new', installedVersion: null };
  const status: PackFileStatus =
    pack.packVersion > existing.packVersion
      ? 'newer'
      : pack.packVersion === existing.packVersion
        ? 'same'
        : 'older';
  return { ok: true, pack, status, installedVersion: existing.packVersion };
}
