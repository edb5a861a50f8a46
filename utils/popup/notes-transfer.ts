/**
 * Export and import as the popup and the notes manager run them: which notes go into a file and
 * what it is called, and an import from file text to stored notes — parse, leave out what is
 * already there, write the rest in one transaction (all or none), say what happened.
 */
import { t } from '../i18n';
import {
  createImportTally,
  exportJsonLd,
  exportMarkdown,
  IMPORT_MAX_BYTES,
  importBatches,
  importFailureMessage,
  readAnnotationList,
  summariseImport,
} from '../notes-io';
import { createArticleKeyResolver, type KeyedPage } from '../notes-io/article-key';
import type { CounterpointDatabase } from '../store/db';
import { StorageError } from '../store/errors';
import { addNotesInBatches } from '../store/notes';
import { installedPacks } from '../store/packs';
import type { Note } from '../store/types';

/** The two export formats. */
export type ExportFormat = 'jsonld' | 'markdown';

/** A file ready to be saved. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** What to export: every note, or one article's. */
export type ExportScope = { kind: 'all' } | { kind: 'article'; articleKey: string; title: string };

/** The date part of file names, in the reader's time zone: "2026-11-27". */
export function fileDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A short, file-name-safe form of a headline: "mexico-president-amlo-meets". */
export function fileSlug(title: string, maxLength = 40): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary, so the name does not end in half a word.
  const cut = slug.slice(0, maxLength + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * Builds the export file for a scope, e.g. "counterpoint-notes-2026-11-27.jsonld" for every note,
 * "counterpoint-notes-mexico-president-amlo-2026-11-27.md" for one article's.
 */
export function buildExportFile(
  notes: readonly Note[],
  format: ExportFormat,
  scope: ExportScope,
  now: Date,
): ExportFile {
  const chosen =
    scope.kind === 'all' ? notes : notes.filter((note) => note.articleKey === scope.articleKey);
  const generatedAt = now.toISOString();
  const slug = scope.kind === 'article' ? fileSlug(scope.title) : '';
  const stem = `counterpoint-notes-${slug === '' ? '' : `${slug}-`}${fileDate(now)}`;
  if (format === 'jsonld') {
    const label =
      scope.kind === 'all' ? 'Counterpoint notes' : `Counterpoint notes: ${scope.title}`;
    return {
      filename: `${stem}.jsonld`,
      mimeType: 'application/ld+json',
      content: exportJsonLd(chosen, { generatedAt, label }),
    };
  }
  return {
    filename: `${stem}.md`,
    mimeType: 'text/markdown',
    content: exportMarkdown(chosen, { generatedAt }),
  };
}

/** What an import did: the sentence for the reader and the articles whose notes changed. */
export type ImportOutcome =
  | { ok: true; summary: string; added: Note[]; articleKeys: string[] }
  | { ok: false; error: string };

/** What an import needs from outside. */
export interface ImportDependencies {
  db: CounterpointDatabase;
  now: Date;
  newId: () => string;
  /** Addresses the open tabs show, with the article key each tab reads (its record). */
  openPages?: readonly KeyedPage[];
}

/** The message for a file over the size limit, checked before the file is read. */
export function fileTooLargeMessage(bytes: number): string {
  const megabytes = (bytes / 1_000_000).toFixed(1);
  return t('transfer_too_large', [megabytes, IMPORT_MAX_BYTES / 1_000_000]);
}

/**
 * Imports a notes file's text. The notes are checked against every stored note, including notes
 * deleted moments ago (their ids are still taken in the store), so the write cannot fail on a
 * taken id and lose the whole import. The file is converted and written in batches within one
 * transaction: a failure at any point leaves the store as it was. A refused file changes nothing.
 */
export async function importNotesText(
  text: string,
  dependencies: ImportDependencies,
): Promise<ImportOutcome> {
  const list = readAnnotationList(text);
  if (!list.ok) return { ok: false, error: t('transfer_nothing_imported', [list.error]) };
  const tally = createImportTally();
  try {
    const packArticles = (await installedPacks(dependencies.db)).map((pack) => pack.article);
    await addNotesInBatches(dependencies.db, (stored) => {
      // An annotation from another tool names only its page's address: file it under the key
      // the page reads (a pack article's id where one matches), not under the bare path.
      const articleKeyFor = createArticleKeyResolver({
        keyedPages: [
          ...(dependencies.openPages ?? []),
          ...stored.filter((note) => !note.deletedAt),
        ],
        packArticles,
      });
      const options = {
        now: dependencies.now.toISOString(),
        newId: dependencies.newId,
        articleKeyFor,
      };
      return importBatches(list.items, stored, options, tally);
    });
  } catch (error) {
    if (error instanceof StorageError) return { ok: false, error: error.message };
    // Converting a note failed unexpectedly (the id source, say): the transaction was aborted.
    return { ok: false, error: t('transfer_nothing_imported', [importFailureMessage(error)]) };
  }
  const added = tally.plan.add;
  return {
    ok: true,
    summary: summariseImport(tally.plan, tally.invalid),
    added,
    articleKeys: [...new Set(added.map((note) => note.articleKey))],
  };
}
