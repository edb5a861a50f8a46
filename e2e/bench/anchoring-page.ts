/**
 * The anchoring benchmark's in-page half. Bundled by esbuild into one IIFE with the engine and
 * its peers, loaded into the article page in Chromium, and driven from anchoring.ts through
 * `window.anchoringBench`. Everything that is timed runs here, so no cross-process call is ever
 * inside a measurement.
 */

import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { toRange as textQuoteToRange } from 'dom-anchor-text-quote';
import { anchorAll } from '../../utils/anchoring';
import { anchorInFullText } from '../../utils/anchoring/anchor';
import { findAllOccurrences } from '../../utils/anchoring/find-all';
import { buildTextModel, makeExclusionTest } from '../../utils/anchoring/text-model';
import { anchorVerbatim, keyOf, readRawText } from '../../utils/anchoring/verbatim';

/** The engines compared, by the name the tables use. */
export type EngineName = 'counterpoint' | 'apache-annotator' | 'dom-anchor-text-quote';

/** A quote to anchor and what a correct answer looks like. */
interface BenchQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Sampled quotes: textContent offsets and text of the right answer. */
  expected?: { start: number; text: string };
  /** Claims: the right answer lies in the first copy of the article. */
  withinFirstCopy?: boolean;
}

/** One engine's pass over one target set. */
export interface EngineRun {
  ms: number;
  attempted: number;
  correct: number;
  /** A range on other words than the expected ones: the failure that matters most. */
  wrong: number;
  timedOut: boolean;
  /** Quotes on which the engine threw (counted as not anchored). */
  errors: number;
}

/** A claim's quote as the bundled pack stores it. */
export interface ClaimQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** What `setUpPage` reports about the page it built. */
export interface PageInfo {
  copies: number;
  characters: number;
  textNodes: number;
  elements: number;
}

const CONTEXT = 32;
/** diff-match-patch's bitap works on patterns of at most 32 characters. */
const BITAP_LIMIT = 32;

/** A small seeded generator (mulberry32), so every run samples the same quotes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two letters that mark a copy: 1 → "bq", 2 → "cq"… distinct for copies up to 676. */
function copyMark(copy: number): string {
  return String.fromCharCode(97 + (copy % 26), 97 + ((Math.floor(copy / 26) + 16) % 26));
}

let root: Element | null = null;
let originalBody = '';
let firstCopyLength = 0;
let nodeStarts = new Map<Text, number>();
const targetSets = new Map<string, BenchQuote[]>();

function textNodes(under: Node): Text[] {
  const walker = document.createTreeWalker(under, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function requireRoot(): Element {
  if (!root) throw new Error('setUpPage first');
  return root;
}

/**
 * Makes the article body hold `copies` copies of the article. Copies after the first vary their
 * wording (every fourth word gets the copy's two-letter mark) so sampled quotes stay unique-ish,
 * as different articles' sentences would be.
 */
function setUpPage(copies: number): PageInfo {
  const body = document.querySelector('[itemprop="articleBody"]');
  if (!body) throw new Error('the fixture has no article body');
  if (!originalBody) originalBody = body.innerHTML;
  body.innerHTML = originalBody;
  firstCopyLength = body.textContent?.length ?? 0;
  const template = document.createElement('div');
  template.innerHTML = originalBody;
  for (let copy = 1; copy < copies; copy += 1) {
    const section = template.cloneNode(true) as HTMLElement;
    let wordIndex = 0;
    for (const node of textNodes(section)) {
      node.data = node.data.replace(/[A-Za-z]+/g, (word) => {
        wordIndex += 1;
        return (wordIndex + copy) % 4 === 0 ? word + copyMark(copy) : word;
      });
    }
    const heading = document.createElement('h2');
    heading.textContent = `Part ${copy + 1}`;
    body.append(heading, ...Array.from(section.childNodes));
  }
  root = body;
  nodeStarts = new Map();
  let offset = 0;
  for (const node of textNodes(body)) {
    nodeStarts.set(node, offset);
    offset += node.data.length;
  }
  targetSets.clear();
  return {
    copies,
    characters: offset,
    textNodes: nodeStarts.size,
    elements: body.getElementsByTagName('*').length,
  };
}

/** Quotes of 3 to 12 words inside one text node, with 32 characters of context each side. */
function sampleQuotes(name: string, count: number, seed: number): number {
  const page = requireRoot();
  const text = page.textContent ?? '';
  const random = seededRandom(seed);
  const nodes = Array.from(nodeStarts.keys()).filter((node) => node.data.length >= 80);
  const quotes: BenchQuote[] = [];
  for (let tries = 0; quotes.length < count && tries < count * 20; tries += 1) {
    const node = nodes[Math.floor(random() * nodes.length)];
    const base = node ? nodeStarts.get(node) : undefined;
    if (!node || base === undefined) continue;
    const words = [...node.data.matchAll(/\S+/g)];
    const length = 3 + Math.floor(random() * 10);
    if (words.length < length) continue;
    const first = Math.floor(random() * (words.length - length + 1));
    const startWord = words[first];
    const endWord = words[first + length - 1];
    if (!startWord || !endWord) continue;
    const start = base + startWord.index;
    const end = base + endWord.index + endWord[0].length;
    quotes.push({
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
      expected: { start, text: text.slice(start, end) },
    });
  }
  targetSets.set(name, quotes);
  return quotes.length;
}

/** Registers the pack's claims as a target set. */
function setClaims(name: string, claims: ClaimQuote[]): number {
  targetSets.set(
    name,
    claims.map((claim) => ({ ...claim, withinFirstCopy: true })),
  );
  return claims.length;
}

/**
 * Copies a target set and changes a few characters inside `share` of its passages in the page
 * (same length, so every offset stays valid). The copy expects the edited text.
 */
function editPassages(from: string, name: string, share: number, seed: number): number {
  const quotes = targetSets.get(from) ?? [];
  const random = seededRandom(seed);
  const entries = Array.from(nodeStarts.entries());
  let edited = 0;
  const copy = quotes.map((quote) => {
    const expected = quote.expected;
    if (!expected || random() >= share) return { ...quote };
    const entry = entries.find(
      ([node, start]) => start <= expected.start && expected.start < start + node.data.length,
    );
    if (!entry) return { ...quote };
    const [node, nodeStart] = entry;
    const chars = expected.text.split('');
    // Two or three letters in the middle change; the first and last words stay.
    const changes = 2 + Math.floor(random() * 2);
    for (let change = 0; change < changes; change += 1) {
      const at = 3 + Math.floor(random() * Math.max(1, chars.length - 6));
      const old = chars[at] ?? '';
      if (/[a-z]/i.test(old)) chars[at] = old === 'x' ? 'q' : 'x';
    }
    const text = chars.join('');
    const offset = expected.start - nodeStart;
    node.data = node.data.slice(0, offset) + text + node.data.slice(offset + text.length);
    edited += 1;
    return { ...quote };
  });
  // Passages overlap on small pages, so one edit can fall inside another quote's passage: read
  // every expected text again once all edits are made (edits keep lengths, so offsets hold).
  const text = requireRoot().textContent ?? '';
  for (const quote of copy) {
    if (quote.expected) {
      const { start } = quote.expected;
      quote.expected = { start, text: text.slice(start, start + quote.expected.text.length) };
    }
  }
  targetSets.set(name, copy);
  return edited;
}

/** textContent offset of a range's start. */
function startOffsetOf(range: Range): number {
  const page = requireRoot();
  const container = range.startContainer;
  const base =
    container.nodeType === Node.TEXT_NODE ? nodeStarts.get(container as Text) : undefined;
  if (base !== undefined) return base + range.startOffset;
  const before = document.createRange();
  before.setStart(page, 0);
  before.setEnd(container, range.startOffset);
  return before.toString().length;
}

const withoutSpace = (text: string): string => text.replace(/\s+/g, '');

/** Whether a range is the right answer for a quote. */
function isCorrect(quote: BenchQuote, range: Range | null): boolean {
  if (!range) return false;
  const found = range.toString();
  if (quote.expected) {
    return found === quote.expected.text && startOffsetOf(range) === quote.expected.start;
  }
  if (quote.withinFirstCopy) {
    const fold = (text: string): string =>
      withoutSpace(text)
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/[\u2013\u2014]/g, '-');
    return fold(found) === fold(quote.exact) && startOffsetOf(range) < firstCopyLength;
  }
  return false;
}

/** A target set's quotes as the engine's targets: one TextQuoteSelector each, no position. */
function targetsOf(quotes: readonly BenchQuote[]) {
  return quotes.map((quote, index) => ({
    id: String(index),
    selectors: [{ type: 'TextQuoteSelector' as const, ...quote }],
  }));
}

/** Runs one engine over one target set, stopping between quotes once the budget is spent. */
async function runEngine(
  engine: EngineName,
  setName: string,
  budgetMs: number,
): Promise<EngineRun> {
  const page = requireRoot();
  const quotes = targetSets.get(setName) ?? [];
  const ranges: Array<Range | null> = [];
  let timedOut = false;
  let errors = 0;
  const started = performance.now();
  const deadline = started + budgetMs;
  if (engine === 'counterpoint') {
    const results = anchorAll(page, targetsOf(quotes));
    for (const result of results) ranges.push(result.status === 'anchored' ? result.range : null);
  } else if (engine === 'apache-annotator') {
    if (!createTextQuoteSelectorMatcher) throw new Error('@apache-annotator/dom is not available');
    for (const quote of quotes) {
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      const matcher = createTextQuoteSelectorMatcher({
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      });
      const first = await matcher(page)[Symbol.asyncIterator]().next();
      ranges.push(first.done ? null : first.value);
    }
  } else {
    if (!textQuoteToRange) throw new Error('dom-anchor-text-quote is not available');
    for (const quote of quotes) {
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      // Its bitap search throws on patterns over 32 characters and it does not slice the
      // context as it slices the quote, so it gets at most 32 characters of context.
      const selector = {
        exact: quote.exact,
        prefix: quote.prefix.slice(-BITAP_LIMIT),
        suffix: quote.suffix.slice(0, BITAP_LIMIT),
      };
      try {
        ranges.push(textQuoteToRange(page, selector));
      } catch {
        errors += 1;
        ranges.push(null);
      }
    }
  }
  const ms = performance.now() - started;
  let correct = 0;
  let wrong = 0;
  ranges.forEach((range, index) => {
    const quote = quotes[index];
    if (quote && isCorrect(quote, range)) correct += 1;
    else if (range) wrong += 1;
  });
  return { ms, attempted: ranges.length, correct, wrong, timedOut, errors };
}

/**
 * Times `work` by repeating it until at least 20 ms have passed: the page's clock is coarse
 * (0.1 ms here), and a pass over a small page takes less than one tick.
 */
function timeRepeated(work: () => number): { ms: number; characters: number } {
  let repetitions = 0;
  let characters = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    characters = work();
    repetitions += 1;
    elapsed = performance.now() - started;
  } while (elapsed < 20);
  return { ms: elapsed / repetitions, characters };
}

/** The floor: one plain TreeWalker pass reading every text node's data. */
function floor(): { ms: number; characters: number } {
  const page = requireRoot();
  return timeRepeated(() => {
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    const pieces: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pieces.push((node as Text).data);
    }
    // Joined into one flat string, as any search over the text needs it.
    return pieces.join('').length;
  });
}

/** The engine's raw reading alone (the verbatim path's one pass), for the analysis. */
function rawTextOnly(): { ms: number; characters: number } {
  const page = requireRoot();
  return timeRepeated(() => readRawText(page).text.length);
}

/** The engine's visible text model alone (walk, visibility checks, normalisation). */
function textModelOnly(): { ms: number; characters: number } {
  const page = requireRoot();
  return timeRepeated(() => buildTextModel(page).text.length);
}

/** One part of Counterpoint's work on a target set, timed alone (see `partsOf`). */
export interface PartTiming {
  part: string;
  ms: number;
}

/**
 * Where Counterpoint's time goes on one target set: the floor, then each step of the verbatim
 * path alone, each timed by repetition like the floor and in turn with it. Every part but the
 * first reading reuses the text read once beforehand.
 */
function partsOf(setName: string): PartTiming[] {
  const page = requireRoot();
  const quotes = targetSets.get(setName) ?? [];
  const raw = readRawText(page);
  const keys = quotes.map((quote) => keyOf(quote).key);
  const targets = targetsOf(quotes);
  const parts: Array<[string, () => number]> = [
    ['floor', () => floor().ms],
    ['raw text read', () => rawTextOnly().ms],
    [
      'search for the quotes with their context',
      () => timeRepeated(() => findAllOccurrences(raw.text, keys, 2).length).ms,
    ],
    [
      'verbatim path without the visibility checks',
      () => timeRepeated(() => anchorVerbatim(raw, quotes, () => false).length).ms,
    ],
    [
      'verbatim path',
      () => timeRepeated(() => anchorVerbatim(raw, quotes, makeExclusionTest(page)).length).ms,
    ],
    [
      'anchorAll (reads the page itself)',
      () => timeRepeated(() => anchorAll(page, targets).length).ms,
    ],
  ];
  return parts.map(([part, time]) => ({ part, ms: time() }));
}

/**
 * Where Counterpoint's time goes on a target set with edited passages: each step of anchorAll
 * alone, timed like `partsOf`. The verbatim path runs as anchorAll runs it, knowing that the full
 * matcher follows (so its second round is skipped when a quote is not on the page); the full
 * matcher reads the page itself, for the targets the verbatim path leaves undecided.
 */
function editedPartsOf(setName: string): PartTiming[] {
  const page = requireRoot();
  const quotes = targetSets.get(setName) ?? [];
  const targets = targetsOf(quotes);
  const raw = readRawText(page);
  const settled = anchorVerbatim(raw, quotes, makeExclusionTest(page), true);
  const undecided = targets.filter((_, index) => !settled[index]);
  const parts: Array<[string, () => number]> = [
    ['floor', () => floor().ms],
    ['raw text read', () => rawTextOnly().ms],
    [
      'verbatim path',
      () =>
        timeRepeated(() => anchorVerbatim(raw, quotes, makeExclusionTest(page), true).length).ms,
    ],
    ['visible text model', () => textModelOnly().ms],
    [
      `full matcher for the ${undecided.length} targets left undecided (model included)`,
      () => timeRepeated(() => anchorInFullText(page, undecided, {}).length).ms,
    ],
    [
      'anchorAll (reads the page itself)',
      () => timeRepeated(() => anchorAll(page, targets).length).ms,
    ],
  ];
  return parts.map(([part, time]) => ({ part, ms: time() }));
}

/** The quotes an engine got wrong, with what it found instead: for looking into misses. */
function listMisses(setName: string): Array<{ exact: string; expected: string; found: string }> {
  const page = requireRoot();
  const quotes = targetSets.get(setName) ?? [];
  const results = anchorAll(page, targetsOf(quotes));
  const misses: Array<{ exact: string; expected: string; found: string }> = [];
  results.forEach((result, index) => {
    const quote = quotes[index];
    const range = result.status === 'anchored' ? result.range : null;
    if (!quote || isCorrect(quote, range)) return;
    misses.push({
      exact: quote.exact,
      expected: `${quote.expected?.text} @${quote.expected?.start}`,
      found:
        result.status === 'anchored'
          ? `${result.range.toString()} @${startOffsetOf(result.range)} ${result.quality} ${result.score.toFixed(3)}`
          : `orphan ${result.reason}`,
    });
  });
  return misses;
}

const api = {
  listMisses,
  partsOf,
  editedPartsOf,
  setUpPage,
  sampleQuotes,
  setClaims,
  editPassages,
  runEngine,
  floor,
  rawTextOnly,
  textModelOnly,
};

/** The in-page API, as anchoring.ts sees it. */
export type AnchoringBenchApi = typeof api;

(globalThis as unknown as { anchoringBench: AnchoringBenchApi }).anchoringBench = api;
