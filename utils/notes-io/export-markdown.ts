/**
 * Notes out as a Markdown document for reading, printing or pasting elsewhere: one section per
 * article, newest notes first, each quote linked back to its passage with a text fragment.
 *
 * Escaping policy: everything from a note, a quote or a page (titles, bodies, tags) is text, never
 * Markdown. Characters that start inline structure (links, emphasis, code, HTML, entities, tables,
 * strikethrough, maths) are backslash-escaped wherever they appear, and so are the characters
 * that make a renderer link a bare address (`https://`, `www.`, `a@b.c`); characters that start block
 * structure (headings, quotes, lists, rules, setext underlines, table delimiter rows) are escaped at
 * the start of a line;
 * leading and trailing spaces are dropped so no line turns into code or a hidden line break. A
 * body's line breaks and paragraphs are kept. The cost is that a reader's own light Markdown
 * (**bold**) shows as typed, which is the honest rendering of a note written as plain text.
 * Only http and https addresses become links.
 */
import type { TextQuoteSelector } from '../anchoring/types';
import type { Note } from '../store/types';

/** What a Markdown export needs besides the notes; the time is passed in for reproducibility. */
export interface MarkdownExportOptions {
  /** ISO 8601 time of the export. */
  generatedAt: string;
}

/** Renders the live (not soft-deleted) notes as Markdown, grouped by article. */
export function exportMarkdown(notes: readonly Note[], options: MarkdownExportOptions): string {
  const live = notes.filter((note) => note.deletedAt === undefined).sort(newestFirst);
  const articles = groupByArticle(live);
  const lines: string[] = ['# Counterpoint notes', ''];
  const articleCount = `${count(articles.length, 'article')}`;
  lines.push(
    live.length === 0
      ? `Exported ${formatTime(options.generatedAt)}. No notes.`
      : `Exported ${formatTime(options.generatedAt)}: ${count(live.length, 'note')} on ${articleCount}.`,
  );
  for (const articleNotes of articles) {
    lines.push('', ...renderArticle(articleNotes));
  }
  return `${lines.join('\n')}\n`;
}

/** Notes of one article each, in the order given; articles ordered by their first note. */
function groupByArticle(sortedNotes: readonly Note[]): Note[][] {
  const groups = new Map<string, Note[]>();
  for (const note of sortedNotes) {
    const group = groups.get(note.articleKey);
    if (group) group.push(note);
    else groups.set(note.articleKey, [note]);
  }
  return [...groups.values()];
}

function newestFirst(a: Note, b: Note): number {
  const byTime = timeValue(b.created) - timeValue(a.created);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  // Ties and unreadable times fall back to text order, so the output never depends on input order.
  if (a.created !== b.created) return a.created < b.created ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function timeValue(iso: string): number {
  const value = Date.parse(iso);
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

function renderArticle(articleNotes: readonly Note[]): string[] {
  // The newest note has the most recent headline and address for the article.
  const newest = articleNotes[0];
  if (newest === undefined) return [];
  const title = oneLine(newest.articleTitle) || oneLine(newest.url) || 'Untitled article';
  const lines = [`## ${escapeInline(title).replaceAll('#', '\\#')}`, '', renderUrl(newest.url)];
  for (const note of articleNotes) {
    lines.push('', ...renderNote(note));
  }
  return lines;
}

function renderNote(note: Note): string[] {
  const lines: string[] = [];
  const quote = note.target.selectors.find(
    (selector): selector is TextQuoteSelector => selector.type === 'TextQuoteSelector',
  );
  if (quote !== undefined) {
    for (const line of escapeBlock(quote.exact).split('\n')) {
      lines.push(line === '' ? '>' : `> ${line}`);
    }
    const destination = linkDestination(textFragmentUrl(note.url, quote));
    if (destination !== undefined) lines.push('>', `> [Open the passage](${destination})`);
    lines.push('');
  }
  const body = escapeBlock(note.body);
  if (body !== '') lines.push(body, '');
  if (note.tags.length > 0) {
    lines.push(`Tags: ${note.tags.map((tag) => escapeInline(oneLine(tag))).join(', ')}`, '');
  }
  const edited = note.modified !== note.created ? `, edited ${formatTime(note.modified)}` : '';
  lines.push(`Written ${formatTime(note.created)}${edited}.`, '', '* * *');
  return lines;
}

function renderUrl(url: string): string {
  const destination = linkDestination(url);
  const text = escapeInline(oneLine(url));
  return destination === undefined ? text : `[${text}](${destination})`;
}

// ---------------------------------------------------------------------------------------------
// Text fragments (https://wicg.github.io/scroll-to-text-fragment/)

/** Quotes longer than this many words are linked by their first and last words. */
const LONG_QUOTE_WORDS = 10;
/** Words kept from each end of a long quote. */
const EDGE_WORDS = 5;
/** Words of context kept on each side; enough to tell repeated phrases apart. */
const CONTEXT_WORDS = 3;

const WORD_CHARACTERS_AT_END = /[\p{L}\p{N}\p{M}]+$/u;
const WORD_CHARACTERS_AT_START = /^[\p{L}\p{N}\p{M}]+/u;
const STARTS_WITH_WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]/u;
const ENDS_WITH_WORD_CHARACTER = /[\p{L}\p{N}\p{M}]$/u;

/**
 * The page address with a text directive that scrolls to and highlights the quote
 * (`#:~:text=prefix-,start,end,-suffix`). Short quotes are given whole, long ones by their first
 * and last words; the context words make a repeated phrase unambiguous. ASCII only.
 */
export function textFragmentUrl(url: string, quote: TextQuoteSelector): string {
  const base = withoutFragment(url);
  const directive = textDirective(quote);
  return directive === undefined ? base : `${base}#:~:text=${directive}`;
}

function textDirective(quote: TextQuoteSelector): string | undefined {
  let exact = quote.exact;
  let prefix = quote.prefix ?? '';
  let suffix = quote.suffix ?? '';
  // Text fragments match whole words; a selection that starts or ends mid-word is widened to the
  // whole word, taken from the context.
  const leadingPart = STARTS_WITH_WORD_CHARACTER.test(exact)
    ? prefix.match(WORD_CHARACTERS_AT_END)?.[0]
    : undefined;
  if (leadingPart !== undefined) {
    exact = leadingPart + exact;
    prefix = prefix.slice(0, -leadingPart.length);
  }
  const trailingPart = ENDS_WITH_WORD_CHARACTER.test(exact)
    ? suffix.match(WORD_CHARACTERS_AT_START)?.[0]
    : undefined;
  if (trailingPart !== undefined) {
    exact += trailingPart;
    suffix = suffix.slice(trailingPart.length);
  }

  const words = splitWords(exact);
  if (words.length === 0) return undefined;
  const terms: string[] = [];
  // Context is cut out of the page at a character count, so its outermost word may be a
  // fragment; a fragment would make the whole link fail, so it is dropped unless whitespace
  // shows it is whole.
  const prefixWords = splitWords(prefix);
  if (!/^\s/.test(prefix)) prefixWords.shift();
  const prefixTerm = prefixWords.slice(-CONTEXT_WORDS).join(' ');
  if (prefixTerm !== '') terms.push(`${encodeTerm(prefixTerm)}-`);
  if (words.length > LONG_QUOTE_WORDS) {
    terms.push(encodeTerm(words.slice(0, EDGE_WORDS).join(' ')));
    terms.push(encodeTerm(words.slice(-EDGE_WORDS).join(' ')));
  } else {
    terms.push(encodeTerm(words.join(' ')));
  }
  const suffixWords = splitWords(suffix);
  if (!/\s$/.test(suffix)) suffixWords.pop();
  const suffixTerm = suffixWords.slice(0, CONTEXT_WORDS).join(' ');
  if (suffixTerm !== '') terms.push(`-${encodeTerm(suffixTerm)}`);
  return terms.join(',');
}

function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * Percent-encodes a directive term. Beyond what encodeURIComponent does, `-` must be encoded (it
 * marks prefix and suffix), and `!'()*` are too, so the address is safe inside Markdown links.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(toWellFormed(term)).replace(
    /[-!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Replaces unpaired surrogates (which encodeURIComponent refuses) with U+FFFD. */
function toWellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    // The parser punycodes the host and percent-encodes the path, keeping the address ASCII.
    return parsed.href;
  } catch {
    return url.split('#', 1)[0] ?? '';
  }
}

// ---------------------------------------------------------------------------------------------
// Escaping

/** Characters that open inline structure anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~$]/g;

/**
 * What renderers turn into links without any Markdown syntax: GFM's autolink literals
 * (`https://…`, `www.…`, `name@host.tld`) and linkify's fuzzy links (`host.tld`, `mailto:…`).
 * Escaping the `:` of a scheme, a `.` between letters or digits, and every `@` breaks them all;
 * the rendered text is unchanged.
 */
const AUTOLINK_TRIGGERS =
  /:(?=\/)|(?<=mailto):|(?<=www)\.|(?<=[\p{L}\p{N}_])\.(?=[\p{L}\p{N}])|@/giu;

/** Text that shows as written in running text. */
function escapeInline(text: string): string {
  return text
    .replaceAll('\0', '\uFFFD')
    .replace(INLINE_SPECIAL, (character) => `\\${character}`)
    .replace(AUTOLINK_TRIGGERS, (character) => `\\${character}`);
}

/**
 * A line that cannot start a block (heading, quote, list, rule, or a table's delimiter row such
 * as `:-` under another line) and carries no indentation.
 */
function escapeLine(line: string): string {
  const escaped = escapeInline(line.trim());
  if (/^[#>+=:-]/.test(escaped)) return `\\${escaped}`;
  // "1." or "1)" would start an ordered list.
  return escaped.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Multi-line text as escaped Markdown: paragraphs split by blank lines, single line breaks kept
 * as hard breaks (a trailing backslash, which survives editors that strip trailing spaces).
 */
function escapeBlock(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = escapeLine(rawLine);
    const current = paragraphs[paragraphs.length - 1];
    if (line === '') {
      if (current !== undefined && current.length > 0) paragraphs.push([]);
    } else {
      current?.push(line);
    }
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A link destination for an http(s) address, or undefined for any other scheme. Characters that
 * could end or bend the destination (spaces, brackets, backslashes) are percent-encoded.
 */
function linkDestination(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(
    /[\s()<>\\`]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** "2024-05-01 12:00 UTC" for a valid ISO time; anything else is shown as text. */
function formatTime(iso: string): string {
  const value = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(value)) return escapeInline(oneLine(iso));
  return `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}
