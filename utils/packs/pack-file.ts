/**
 * Reading a context pack from a file the reader chose: untrusted input from start to finish. The
 * text is size-checked, parsed, validated as any pack is (format 1 is migrated), checked to be
 * for a Global Research article, and compared with the installed edition of the same article.
 * Every refusal is a problem with a reader-facing message (never the parser's own words).
 * Nothing is stored here, and a pack never touches the reader's notes; installing is the
 * background's step (utils/store/packs.ts).
 */
import { plural, t, uiLanguage } from '../i18n';
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

/** Every sentence this module says to the reader, in the interface language when used. */
export const PACK_FILE_STRINGS = {
  get nothingChanged() {
    return t('packfile_nothing_changed');
  },
  tooLarge: (size: string, limit: string) => t('packfile_too_large', [size, limit]),
  get notJson() {
    return t('packfile_not_json');
  },
  get notAPack() {
    return t('packfile_not_a_pack');
  },
  unknownFormat: (version: number) => t('packfile_unknown_format', [version]),
  invalid: (count: number) => plural('packfile_invalid', count),
  moreProblems: (count: number) => plural('packfile_more_problems', count),
  otherSite: (hosts: string) => t('packfile_other_site', [hosts]),
  otherArticle: (title: string, installedTitle: string) =>
    t('packfile_other_article', [title, installedTitle]),
  same: (title: string, version: number) => t('packfile_same', [title, version]),
  older: (title: string, version: number, installed: number) =>
    t('packfile_older', [title, version, installed]),
};

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

/** A size in bytes as a reader reads it: "950 kB", "2.3 MB" ("2,3 Mo" in French). */
export function formatBytes(bytes: number): string {
  const size = (unit: string, value: number, unitDisplay: 'long' | 'short' = 'short') =>
    new Intl.NumberFormat(uiLanguage(), {
      style: 'unit',
      unit,
      unitDisplay,
      maximumFractionDigits: 1,
    }).format(value);
  if (bytes < 1000) return size('byte', bytes, 'long');
  if (bytes < 1_000_000) return size('kilobyte', Math.round(bytes / 1000));
  return size('megabyte', bytes / 1_000_000);
}

function cut(text: string): string {
  return text.length <= DETAIL_LENGTH ? text : `${text.slice(0, DETAIL_LENGTH - 1)}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
