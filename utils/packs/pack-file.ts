/**
 * Reading a context pack from a file the reader chose: untrusted input from start to finish. The
 * text is size-checked, parsed, validated as any pack is (format 1 is migrated), checked to be
 * for a Global Research article, and compared with the installed edition of the same article.
 * Every refusal is a problem with a reader-facing message (never the parser's own words).
 * Nothing is stored here, and a pack never touches the reader's notes; installing is the
 * background's step (utils/store/packs.ts).
 */
import { isGlobalResearchHost } from '../page/article-path';
import { normaliseHeadline } from './match';
import { validatePack } from './schema';
import type { ContextPack } from './types';

/** The largest pack file read, in bytes; the bundled pack is about 60 kB. */
export const MAX_PACK_FILE_BYTES = 1_000_000;

/** An installed pack, as far as comparing editions needs it. */
export interface InstalledEdition {
  articleKey: string;
  packVersion: number;
  /** The article's title and printed headline, to tell the reader what would be replaced. */
  title: string;
  headline: string;
}

/** How a file's pack relates to what is installed for its article. */
export type PackFileStatus = 'new' | 'newer';

/** Why a file was refused. */
export type PackFileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-json' }
  | { kind: 'not-a-pack' }
  | { kind: 'unknown-format'; formatVersion: number }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'other-site'; hosts: string[] }
  | { kind: 'other-article'; title: string; installedTitle: string }
  | { kind: 'same'; title: string; packVersion: number }
  | { kind: 'older'; title: string; packVersion: number; installedVersion: number };

/** The result of {@link readPackFile}. */
export type PackFileResult =
  | { ok: true; pack: ContextPack; status: PackFileStatus; installedVersion: number | null }
  | { ok: false; problem: PackFileProblem };

/** A refusal in the reader's words: one sentence, and the problems found, if any. */
export interface PackFileMessage {
  summary: string;
  details: string[];
}

/** At most this many of a file's problems are shown; the rest are counted. */
const SHOWN_DETAILS = 5;
/** A detail longer than this is cut (a hostile file can make long messages). */
const DETAIL_LENGTH = 200;

/** Every sentence this module says to the reader. */
export const PACK_FILE_STRINGS = {
  nothingChanged: 'Nothing was changed.',
  tooLarge: (size: string, limit: string) =>
    `This file is too large to be a context pack (${size}; a pack file may be at most ${limit}).`,
  notJson:
    'This file is not a context pack: it is not JSON text. It may be another kind of file, or damaged or cut short.',
  notAPack: 'This file is not a Counterpoint context pack.',
  unknownFormat: (version: number) =>
    `This pack is written in format ${version}, which this version of Counterpoint cannot read. Update Counterpoint, or ask the pack's publisher for a format 1 or 2 file.`,
  invalid: (count: number) =>
    count === 1
      ? 'This context pack has a problem, so it was not loaded:'
      : `This context pack has ${count} problems, so it was not loaded:`,
  moreProblems: (count: number) => `…and ${count} more.`,
  otherSite: (hosts: string) =>
    `This pack is for articles on ${hosts}. Counterpoint reads Global Research articles only.`,
  otherArticle: (title: string, installedTitle: string) =>
    `This pack, for “${title}”, uses the same article id as the installed pack for “${installedTitle}”. It was not loaded, so that pack stays.`,
  same: (title: string, version: number) =>
    `Edition ${version} of the pack for “${title}” is already installed.`,
  older: (title: string, version: number, installed: number) =>
    `This file has edition ${version} of the pack for “${title}”, older than edition ${installed}, which is installed. An older edition never replaces a newer one.`,
} as const;

/** Parses, validates and places a pack file. Never throws. */
export function readPackFile(text: string, installed: readonly InstalledEdition[]): PackFileResult {
  if (typeof text !== 'string') return { ok: false, problem: { kind: 'not-json' } };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  if (!isRecord(data) || data.format !== 'counterpoint-context-pack') {
    return { ok: false, problem: { kind: 'not-a-pack' } };
  }
  const { formatVersion } = data;
  if (typeof formatVersion === 'number' && Number.isSafeInteger(formatVersion)) {
    if (formatVersion > 2) return { ok: false, problem: { kind: 'unknown-format', formatVersion } };
  }
  const result = validatePack(data);
  if (!result.ok) return { ok: false, problem: { kind: 'invalid', errors: result.errors } };
  const { pack } = result;
  const { hosts, headline } = pack.article.recognise;
  if (!hosts.some(isGlobalResearchHost))
    return { ok: false, problem: { kind: 'other-site', hosts } };
  const existing = installed.find((entry) => entry.articleKey === pack.article.id);
  if (!existing) return { ok: true, pack, status: 'new', installedVersion: null };
  const title = pack.article.title;
  if (normaliseHeadline(existing.headline) !== normaliseHeadline(headline)) {
    return {
      ok: false,
      problem: { kind: 'other-article', title, installedTitle: existing.title },
    };
  }
  if (pack.packVersion === existing.packVersion) {
    return { ok: false, problem: { kind: 'same', title, packVersion: pack.packVersion } };
  }
  if (pack.packVersion < existing.packVersion) {
    return {
      ok: false,
      problem: {
        kind: 'older',
        title,
        packVersion: pack.packVersion,
        installedVersion: existing.packVersion,
      },
    };
  }
  return { ok: true, pack, status: 'newer', installedVersion: existing.packVersion };
}

/** What to tell the reader about a refused file. */
export function describePackFileProblem(problem: PackFileProblem): PackFileMessage {
  const s = PACK_FILE_STRINGS;
  const plain = (summary: string): PackFileMessage => ({
    summary: `${summary} ${s.nothingChanged}`,
    details: [],
  });
  switch (problem.kind) {
    case 'too-large':
      return plain(s.tooLarge(formatBytes(problem.bytes), formatBytes(MAX_PACK_FILE_BYTES)));
    case 'not-json':
      return plain(s.notJson);
    case 'not-a-pack':
      return plain(s.notAPack);
    case 'unknown-format':
      return plain(s.unknownFormat(problem.formatVersion));
    case 'invalid': {
      const shown = problem.errors.slice(0, SHOWN_DETAILS).map(cut);
      const left = problem.errors.length - shown.length;
      return {
        summary: `${s.invalid(problem.errors.length)}`,
        details: left > 0 ? [...shown, s.moreProblems(left)] : shown,
      };
    }
    case 'other-site':
      return plain(s.otherSite(cut(problem.hosts.join(', '))));
    case 'other-article':
      return plain(s.otherArticle(cut(problem.title), cut(problem.installedTitle)));
    case 'same':
      return plain(s.same(cut(problem.title), problem.packVersion));
    case 'older':
      return plain(s.older(cut(problem.title), problem.packVersion, problem.installedVersion));
  }
}

/** A size in bytes as a reader reads it: "950 kB", "2.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  const megabytes = bytes / 1_000_000;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function cut(text: string): string {
  return text.length <= DETAIL_LENGTH ? text : `${text.slice(0, DETAIL_LENGTH - 1)}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
