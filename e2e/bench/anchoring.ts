/**
 * Benchmark section "Anchoring": Counterpoint's engine against two peer libraries
 * (@apache-annotator/dom and dom-anchor-text-quote) on the article, 10 copies and 100 copies
 * (~1 MB of text), for the pack's claims, 200 sampled quotes and the same 200 with a fifth of
 * the passages edited. Also the floor: one plain TreeWalker pass over the page's text.
 *
 * Every engine gets the same TextQuoteSelectors (exact, 32 characters of prefix and suffix cut
 * from textContent, which is what the peers search) and no position, as the pack's claims have
 * none. Peers get a time budget per cell; a cell that runs out says so rather than guessing.
 */

import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { bundledPacks } from '../../utils/packs';
import { ARTICLE_PATH, readFixture } from '../fixtures';
import type {
  AnchoringBenchApi,
  ClaimQuote,
  EngineName,
  EngineRun,
  PageInfo,
  PartTiming,
} from './anchoring-page';
import type { BenchContext, BenchSection, SectionReport, Table } from './section';

/** A made-up address on a reserved domain: the page is served from memory, never the network. */
const BENCH_URL = `http://bench.invalid${ARTICLE_PATH}`;
const PAGE_SIZES = [1, 10, 100] as const;
const ENGINES: readonly EngineName[] = [
  'counterpoint',
  'apache-annotator',
  'dom-anchor-text-quote',
];
const PEERS: readonly EngineName[] = ['apache-annotator', 'dom-anchor-text-quote'];
const SAMPLED_QUOTES = 200;
const EDITED_SHARE = 0.2;
const SEED = 20210609;
/** Runs per cell when time allows; the median is reported. */
const RUNS = 7;
/** Time one cell may take, across its runs; a single run longer than this is cut off. */
const CELL_BUDGET_MS = 15_000;
const FLOOR_RUNS = 7;
/** Runs of the breakdown of Counterpoint's time on the largest page. */
const PART_RUNS = 7;

type InPage = { anchoringBench: AnchoringBenchApi };

/** One engine on one page and target set. */
interface Cell {
  engine: EngineName;
  /** The engine could not be loaded (a dependency is not installed). */
  unavailable?: boolean;
  medianMs: number | null;
  runs: number;
  total: number;
  correct: number;
  wrong: number;
  timedOut: boolean;
  attempted: number;
  /** The floor timed alternately with this cell's runs (median), so both saw the same state. */
  floorMs: number | null;
  /** The fastest run and the fastest floor: on a loaded machine, the runs least slowed by it. */
  fastestMs: number | null;
  fastestFloorMs: number | null;
}

/** A peer library that esbuild could not bundle, with the first error, so the table can say so. */
interface MissingPeer {
  module: string;
  error: string;
}

const PEER_MODULES: Record<string, EngineName> = {
  '@apache-annotator/dom': 'apache-annotator',
  'dom-anchor-text-quote': 'dom-anchor-text-quote',
};

/** Tries to bundle each peer alone; a peer whose dependencies are not installed is missing. */
async function findMissingPeers(): Promise<Map<EngineName, MissingPeer>> {
  const missing = new Map<EngineName, MissingPeer>();
  for (const [module, engine] of Object.entries(PEER_MODULES)) {
    try {
      await build({
        stdin: {
          contents: `import * as peer from '${module}'; console.log(peer);`,
          resolveDir: '.',
        },
        bundle: true,
        write: false,
        logLevel: 'silent',
      });
    } catch (error) {
      const text = error instanceof Error ? (error.message.split('\n')[1] ?? error.message) : '';
      missing.set(engine, { module, error: text.trim() });
    }
  }
  return missing;
}

/**
 * Bundles the in-page half (engine, peers, harness) into one IIFE. A missing peer is replaced
 * by an empty module, and the page reports it as unavailable.
 */
async function bundleInPageCode(missing: Map<EngineName, MissingPeer>): Promise<string> {
  const missingModules = new Set([...missing.values()].map((peer) => peer.module));
  const result = await build({
    entryPoints: [new URL('./anchoring-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'stub-missing-peers',
        setup(plugin) {
          plugin.onResolve(
            { filter: /^(@apache-annotator\/dom|dom-anchor-text-quote)$/ },
            (args) =>
              missingModules.has(args.path)
                ? { path: args.path, namespace: 'missing-peer' }
                : undefined,
          );
          plugin.onLoad({ filter: /.*/, namespace: 'missing-peer' }, () => ({
            contents:
              'export const createTextQuoteSelectorMatcher = undefined; export const toRange = undefined;',
            loader: 'js',
          }));
        },
      },
    ],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Runs one cell: up to RUNS runs within the budget, the last run's correctness. Before each run
 * the floor is timed once more, so the cell's ratio to the floor compares two timings taken in
 * turn, in the same state of the page's heap and of the machine. The floor's cost moves a lot
 * with that state (the join allocates a string as large as the page), and a floor timed at
 * another moment would skew the ratio either way.
 */
async function runCell(page: Page, engine: EngineName, set: string, total: number): Promise<Cell> {
  const times: number[] = [];
  const floors: number[] = [];
  let last: EngineRun | null = null;
  const started = Date.now();
  while (times.length < RUNS) {
    const remaining = CELL_BUDGET_MS - (Date.now() - started);
    if (times.length > 0 && remaining < (times[times.length - 1] ?? 0)) break;
    const floor = await page.evaluate(() => (window as unknown as InPage).anchoringBench.floor());
    floors.push(floor.ms);
    const run: EngineRun = await page.evaluate(
      ([name, targets, budget]) =>
        (window as unknown as InPage).anchoringBench.runEngine(name, targets, budget),
      [engine, set, Math.max(remaining, 1)] as const,
    );
    last = run;
    if (run.timedOut) break;
    times.push(run.ms);
  }
  return {
    engine,
    medianMs: times.length > 0 ? median(times) : null,
    runs: times.length,
    total,
    correct: last?.correct ?? 0,
    wrong: last?.wrong ?? 0,
    timedOut: last?.timedOut ?? false,
    attempted: last?.attempted ?? 0,
    floorMs: floors.length > 0 ? median(floors) : null,
    fastestMs: times.length > 0 ? Math.min(...times) : null,
    fastestFloorMs: floors.length > 0 ? Math.min(...floors) : null,
  };
}

/** The floor and the engine's two readings of the page, medians of FLOOR_RUNS runs. */
async function measureFloor(
  page: Page,
): Promise<{ floorMs: number; rawMs: number; modelMs: number }> {
  const floors: number[] = [];
  const raws: number[] = [];
  const models: number[] = [];
  for (let run = 0; run < FLOOR_RUNS; run += 1) {
    const [floor, raw, model] = await page.evaluate(() => {
      const bench = (window as unknown as InPage).anchoringBench;
      return [bench.floor(), bench.rawTextOnly(), bench.textModelOnly()] as const;
    });
    floors.push(floor.ms);
    raws.push(raw.ms);
    models.push(model.ms);
  }
  return { floorMs: median(floors), rawMs: median(raws), modelMs: median(models) };
}

/**
 * Medians of PART_RUNS breakdowns of Counterpoint's time on one target set: the verbatim path's
 * steps (`partsOf`), or anchorAll's steps on a set with edited passages (`editedPartsOf`).
 */
async function measureParts(
  page: Page,
  set: string,
  breakdown: 'partsOf' | 'editedPartsOf' = 'partsOf',
): Promise<PartTiming[]> {
  const runs: PartTiming[][] = [];
  for (let run = 0; run < PART_RUNS; run += 1) {
    runs.push(
      await page.evaluate(
        ([name, method]) => (window as unknown as InPage).anchoringBench[method](name),
        [set, breakdown] as const,
      ),
    );
  }
  return (runs[0] ?? []).map(({ part }, index) => ({
    part,
    ms: median(runs.map((parts) => parts[index]?.ms ?? 0)),
  }));
}

const formatMs = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms >= 0.01 ? ms.toFixed(2) : ms.toFixed(3);
const formatRatio = (ratio: number): string =>
  ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`;

function unavailableCell(engine: EngineName, total: number): Cell {
  return {
    engine,
    unavailable: true,
    medianMs: null,
    runs: 0,
    total,
    correct: 0,
    wrong: 0,
    timedOut: false,
    attempted: 0,
    floorMs: null,
    fastestMs: null,
    fastestFloorMs: null,
  };
}

function timeCell(cell: Cell): string {
  if (cell.unavailable) return 'not installed';
  if (cell.timedOut) {
    return `timed out (${cell.attempted}/${cell.total} in ${CELL_BUDGET_MS / 1000} s)`;
  }
  return cell.medianMs === null ? 'n/a' : formatMs(cell.medianMs);
}

/** Rows of the main table for one page and target set. */
function rowsFor(pageLabel: string, setLabel: string, cells: Cell[]): string[][] {
  const finishedPeers = cells.filter(
    (cell) => PEERS.includes(cell.engine) && !cell.timedOut && cell.medianMs !== null,
  );
  const fastestPeer = finishedPeers.reduce<Cell | null>(
    (best, cell) => (best === null || (cell.medianMs ?? 0) < (best.medianMs ?? 0) ? cell : best),
    null,
  );
  // A peer that ran out of time took at least the budget: speed-ups over it are lower bounds.
  const timedOutPeer = cells.find((cell) => PEERS.includes(cell.engine) && cell.timedOut);
  return cells.map((cell) => {
    const ms = cell.medianMs;
    let vsPeer = '—';
    if (ms !== null && !cell.timedOut) {
      if (fastestPeer?.medianMs) vsPeer = formatRatio(fastestPeer.medianMs / ms);
      else if (timedOutPeer) vsPeer = `> ${formatRatio(CELL_BUDGET_MS / ms)}`;
    }
    const floorMs = cell.floorMs;
    const vsFloor = ms === null || cell.timedOut || !floorMs ? '—' : formatRatio(ms / floorMs);
    const fastest = cell.fastestMs;
    const fastestFloor = cell.fastestFloorMs;
    const fastestVsFloor =
      fastest === null || cell.timedOut || !fastestFloor
        ? '—'
        : formatRatio(fastest / fastestFloor);
    return [
      pageLabel,
      setLabel,
      cell.engine,
      timeCell(cell),
      String(cell.runs),
      cell.unavailable ? '—' : `${cell.correct}/${cell.total}`,
      cell.unavailable ? '—' : String(cell.wrong),
      vsPeer,
      floorMs ? formatMs(floorMs) : '—',
      vsFloor,
      fastestVsFloor,
    ];
  });
}

/** The pack's claims, as quotes. */
function claimQuotes(): ClaimQuote[] {
  const pack = bundledPacks[0];
  if (!pack) throw new Error('no bundled context pack to take claims from');
  return pack.claims.map(({ quote }) => ({
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  }));
}

async function runAnchoring({ browser, log }: BenchContext): Promise<SectionReport> {
  const missing = await findMissingPeers();
  for (const [engine, peer] of missing) log(`${engine} unavailable: ${peer.error}`);
  const code = await bundleInPageCode(missing);
  const html = readFixture('article.html');
  const context = await browser.newContext();
  try {
    await context.route('**/*', (route) =>
      route.request().url() === BENCH_URL
        ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(BENCH_URL);
    await page.addScriptTag({ content: code });
    const claims = claimQuotes();

    const mainRows: string[][] = [];
    const floorRows: string[][] = [];
    const ours: Array<{ characters: number; ms: number | null }> = [];
    let parts: { pageLabel: string; timings: PartTiming[] } | null = null;
    let editedParts: { pageLabel: string; timings: PartTiming[] } | null = null;
    for (const copies of PAGE_SIZES) {
      const info: PageInfo = await page.evaluate(
        (n) => (window as unknown as InPage).anchoringBench.setUpPage(n),
        copies,
      );
      const pageLabel = `${copies}× (${(info.characters / 1000).toFixed(0)} k chars)`;
      log(`page ${pageLabel}: ${info.textNodes} text nodes, ${info.elements} elements`);
      const sampled = await page.evaluate(
        ([count, seed]) =>
          (window as unknown as InPage).anchoringBench.sampleQuotes('sampled', count, seed),
        [SAMPLED_QUOTES, SEED + copies] as const,
      );
      await page.evaluate(
        (quotes) => (window as unknown as InPage).anchoringBench.setClaims('claims', quotes),
        claims,
      );
      const { floorMs, rawMs, modelMs } = await measureFloor(page);
      floorRows.push([
        pageLabel,
        String(info.textNodes),
        formatMs(floorMs),
        `${formatMs(rawMs)} (${formatRatio(rawMs / floorMs)})`,
        `${formatMs(modelMs)} (${formatRatio(modelMs / floorMs)})`,
      ]);
      const sets: Array<[string, string, number]> = [
        ['claims', `${claims.length} claims`, claims.length],
        ['sampled', `${sampled} sampled`, sampled],
        ['edited', `${sampled} sampled, 20% edited`, sampled],
      ];
      for (const [set, label, total] of sets) {
        if (set === 'edited') {
          const edited = await page.evaluate(
            ([share, seed]) =>
              (window as unknown as InPage).anchoringBench.editPassages(
                'sampled',
                'edited',
                share,
                seed,
              ),
            [EDITED_SHARE, SEED + 7 * copies] as const,
          );
          log(`edited ${edited} passages`);
        }
        const cells: Cell[] = [];
        for (const engine of ENGINES) {
          if (missing.has(engine)) {
            cells.push(unavailableCell(engine, total));
            continue;
          }
          const cell = await runCell(page, engine, set, total);
          log(
            `${pageLabel} ${label} ${engine}: ${timeCell(cell)} ms, ${cell.correct}/${total} correct, ${cell.wrong} wrong`,
          );
          cells.push(cell);
          if (engine === 'counterpoint' && cell.correct < total) {
            const misses = await page.evaluate(
              (name) => (window as unknown as InPage).anchoringBench.listMisses(name),
              set,
            );
            for (const miss of misses.slice(0, 3)) {
              log(`  miss: "${miss.expected}" → ${miss.found}`);
            }
          }
          if (engine === 'counterpoint' && set === 'sampled') {
            ours.push({ characters: info.characters, ms: cell.medianMs });
            if (copies === PAGE_SIZES[PAGE_SIZES.length - 1]) {
              parts = { pageLabel, timings: await measureParts(page, set) };
            }
          }
          if (
            engine === 'counterpoint' &&
            set === 'edited' &&
            copies === PAGE_SIZES[PAGE_SIZES.length - 1]
          ) {
            editedParts = { pageLabel, timings: await measureParts(page, set, 'editedPartsOf') };
          }
        }
        mainRows.push(...rowsFor(pageLabel, label, cells));
      }
    }

    const main: Table = {
      title: 'Anchoring: median time per target set (all targets, from a cold text model)',
      header: [
        'Page',
        'Targets',
        'Engine',
        'Median ms',
        'Runs',
        'Correct',
        'Wrong place',
        'Speed-up over fastest peer',
        'Floor ms',
        '÷ floor',
        'Fastest ÷ fastest floor',
      ],
      rows: mainRows,
    };
    const floor: Table = {
      title:
        'The floor and the engine’s two readings alone, timed together right after the page is built',
      header: [
        'Page',
        'Text nodes',
        'Floor ms',
        'Raw text, verbatim path ms (÷ floor)',
        'Visible text model, full matcher ms (÷ floor)',
      ],
      rows: floorRows,
    };
    const partsFloor = parts?.timings.find((timing) => timing.part === 'floor')?.ms ?? 0;
    const breakdown: Table = {
      title: `Where Counterpoint's time goes: ${parts?.pageLabel ?? 'largest page'}, ${SAMPLED_QUOTES} sampled quotes (each part repeated, in turn with the floor)`,
      header: ['Part', 'ms', '÷ floor'],
      rows: (parts?.timings ?? []).map(({ part, ms }) => [
        part,
        formatMs(ms),
        partsFloor > 0 ? formatRatio(ms / partsFloor) : '—',
      ]),
    };
    const editedFloor = editedParts?.timings.find((timing) => timing.part === 'floor')?.ms ?? 0;
    const editedBreakdown: Table = {
      title: `Where Counterpoint's time goes with edited passages: ${editedParts?.pageLabel ?? 'largest page'}, ${SAMPLED_QUOTES} sampled quotes, ${EDITED_SHARE * 100} % edited (each part repeated, in turn with the floor)`,
      header: ['Part', 'ms', '÷ floor'],
      rows: (editedParts?.timings ?? []).map(({ part, ms }) => [
        part,
        formatMs(ms),
        editedFloor > 0 ? formatRatio(ms / editedFloor) : '—',
      ]),
    };
    const growth = ours
      .map(({ characters, ms }) =>
        ms === null ? null : `${(characters / 1000).toFixed(0)} k chars: ${formatMs(ms)} ms`,
      )
      .filter((entry): entry is string => entry !== null)
      .join(', ');
    const missingNotes = [...missing].map(
      ([engine, peer]) =>
        `${engine} could not run: bundling \`${peer.module}\` failed (${peer.error}). ` +
        'The package is installed but a module it imports at run time is not.',
    );
    return {
      tables: [main, floor, breakdown, editedBreakdown],
      notes: [
        ...missingNotes,
        `Counterpoint's cost with 200 sampled quotes grows with the page: ${growth}.`,
        '"Speed-up over fastest peer" is the fastest finishing peer\'s median divided by the ' +
          'row\'s ("> n×" when every peer ran out of time: the budget is then a lower bound on ' +
          'its time). "Floor ms" is one plain TreeWalker pass over the same page\'s text, joined into ' +
          'one string, timed before each of the row\'s runs (median); "÷ floor" divides the ' +
          "row's median by it. Timing the two in turn keeps the ratio fair: the floor, which " +
          'allocates a string as large as the page, costs up to three times more once the ' +
          'heap holds the garbage of earlier runs than on a fresh page. Counterpoint anchors all targets of a set in one `anchorAll` ' +
          'call, which reads the page once; the peers are called once per quote, as their APIs ' +
          `require. Peers stop between quotes once a cell has used ${CELL_BUDGET_MS / 1000} s. ` +
          '"Fastest ÷ fastest floor" divides the row\'s fastest run by the fastest of the same ' +
          "floors: when other work holds the machine's two cores, the fastest runs are those it " +
          "slowed least, and this ratio moves less from run to run than the medians' does.",
        'Counterpoint first reads only the raw text (one TreeWalker pass) and settles every ' +
          'quote found there once with its saved context, reading styles only for the nodes it ' +
          'settles; the visible text model (styles read for every element to skip hidden text, ' +
          'then normalised) is built only for the quotes left undecided, such as edited ones.',
        "For those, the approximate search (Myers' bit-parallel algorithm, answering as " +
          "approx-string-match does) keeps each quote's tables from one window to the next and " +
          'reads windows in place; the windows with the most evidence (context seeds, pieces of ' +
          'the quote) are read first, the others with the error budget cut to the best ' +
          'acceptable match found so far, which cannot change the outcome. Until 2026-12-01 the ' +
          'library was called per window, and the 1 MB row with 20 % edited took 26× its floor ' +
          '(the 78 k row 153×). Measured in CPU time on the same day, which other work on the ' +
          "machine does not inflate (CDP `threadTicks`, the page's main thread, 15 alternating " +
          'runs of each build in one browser, 1 MB page): with 20 % edited, `anchorAll` took ' +
          '24.7 ms before and 18.3 ms after (0.74×, against a floor of 0.59 ms of CPU); with the ' +
          '200 quotes unedited, 2.71 and 2.76 ms (unchanged). Six-character sampling windows for ' +
          'quotes of 12 to 31 characters then took another 6 % off both (19.1 to 17.9 ms, 3.5 ' +
          'to 3.2 ms).',
        'Where the 1 MB edited case goes (the 45 quotes the verbatim path leaves undecided; ' +
          'each step alone, medians of 15 runs outside the bench, 2026-12-01): the raw text 0.5 ms; the ' +
          'verbatim path 2.8, of which 1.4 is its second search (the quotes alone, which edited ' +
          'quotes fail too); the visible text model 4.0 (the walk with a computed style per ' +
          "element 1.3, normalisation 1.85); the full matcher's one exact search for the quotes " +
          'and their seeds 2.5; the fuzzy matching about 3, of which 1.2 is the whole-text ' +
          'search of one quote whose seeds all recur too often to point anywhere. Normalisation ' +
          'took 3.3 ms while a regular expression found what needs more than a copy; a loop of ' +
          'one comparison per character now does. Seeds were collected up to 5,000 hits and ' +
          'then cut to the 33 that are used; they now stop at 33. In CPU time (as above, two ' +
          'sets of 15 alternating runs of each build, the machine shared with other work): with ' +
          '20 % edited, `anchorAll` took 16.6 and 17.5 ms before, 15.2 and 15.5 after (0.92× and ' +
          '0.89×); with the 200 quotes unedited, 2.68 and 2.80 before, 2.71 and 2.90 after (the ' +
          "same, within the runs' spread).",
        'Since then the verbatim path skips its second round when the full matcher follows and ' +
          'the first quote that round would look for is not on the page: that quote leaves the ' +
          'full matcher to run anyway, and the full matcher settles whatever the second round ' +
          'would, the same way (a differential property test checks it). A page whose only ' +
          'change is white space in the context pays one `includes` and keeps its second round. ' +
          "The approximate search's pattern tables are also built without a map lookup for " +
          'codes under 256 (0.33 to 0.15 ms for the 45 quotes, in Node). In CPU time (as above, four sets ' +
          'of 15 alternating runs against the build before, load average 7 to 8): with 20 % ' +
          'edited, `anchorAll` took 14.8, 14.1, 15.3 and 14.8 ms before, 13.3, 12.9, 13.8 and ' +
          '13.3 after (0.90×, 0.92×, 0.90×, 0.90×); with the 200 quotes unedited, 2.32, 2.23, ' +
          '2.36 and 2.28 before, 2.36, 2.27, 2.38 and 2.21 after (the same, within 3 %). The ' +
          'last table splits the edited case: the visible text model (a computed style per ' +
          "element, then normalisation), the full matcher's one search for the quotes and their " +
          'seeds, and its fuzzy matching are each already several times the floor, so 10× would ' +
          'take building the model, or searching the whole model, out of the edited path, not a ' +
          'trim of either.',
        'The breakdown times each step alone, by repetition (steady state), on the text read ' +
          'once beforehand: the search finds every quote together with the context the raw text ' +
          'should hold verbatim; the verbatim path adds settling each quote (its context, one ' +
          'block, a DOM range) and then the visibility checks (computed styles of the elements ' +
          'holding each passage and its context). The 100 copies of the article differ in every ' +
          'fourth word only, so the short windows the search samples recur across the copies, ' +
          'and the search must check each recurrence against the whole quote.',
        'Correct means the matched text equals the expected text at the expected textContent ' +
          'offset (claims: the same words, whitespace aside, inside the first copy of the ' +
          'article). Edited passages had two or three letters changed; the expected answer is ' +
          'the edited passage. "Wrong place" counts ranges on other words; the rest of the misses ' +
          'are orphans (not anchored). Quotes are cut from textContent, so a prefix or suffix that ' +
          "crosses a paragraph boundary has no separator between the paragraphs' words.",
      ],
    };
  } finally {
    await context.close();
  }
}

/** The anchoring section of the benchmark. */
export const anchoringSection: BenchSection = { name: 'Anchoring', run: runAnchoring };
