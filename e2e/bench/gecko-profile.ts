/**
 * What a Firefox profile (the Gecko profiler's own JSON, `Services.profiler.dumpProfileToFileAsync`)
 * says ran while a page's frames were held: for the samples of the article's content process main
 * thread inside the given windows (the page probe's frame gaps), how many had Counterpoint's
 * scripts on the stack, and the innermost named frames (a script function, a DOM call, "Minor GC",
 * "Styles", "DisplayList building") they stood in. The profile itself loads in profiler.firefox.com.
 */

/** A span of wall time, in ms since the epoch (the probe's `performance.timeOrigin` + `now`). */
export interface TimeWindow {
  start: number;
  duration: number;
}

/** The samples inside some windows, by who was running. */
export interface WindowSamples {
  samples: number;
  /** Samples with one of the extension's scripts (`moz-extension://`) on the stack. */
  ours: number;
  /** The innermost named frames, most samples first (five at most), `ours` ones marked. */
  top: Array<{ frame: string; samples: number }>;
}

/** The parts of a Gecko profile thread read here (the format's tables, by their schemas). */
interface GeckoThread {
  name: string;
  samples: { schema: { stack: number; time: number }; data: unknown[][] };
  stackTable: { schema: { prefix: number; frame: number }; data: unknown[][] };
  frameTable: { schema: { location: number }; data: unknown[][] };
  stringTable: string[];
}

/** A process's part of a Gecko profile. */
interface GeckoProcess {
  meta: { startTime: number };
  threads: GeckoThread[];
  processes?: GeckoProcess[];
}

const EXTENSION_SCRIPT = 'moz-extension://';

/** The main thread with the most of the extension's script frames: the article's content process. */
function articleThread(profile: GeckoProcess): { thread: GeckoThread; startTime: number } | null {
  let best: { thread: GeckoThread; startTime: number } | null = null;
  let most = 0;
  for (const process of [profile, ...(profile.processes ?? [])]) {
    for (const thread of process.threads) {
      if (thread.name !== 'GeckoMain') continue;
      const frames = thread.stringTable.filter((text) => text.includes(EXTENSION_SCRIPT)).length;
      if (frames > most) {
        most = frames;
        best = { thread, startTime: process.meta.startTime };
      }
    }
  }
  return best;
}

/** Reads the samples of the article's main thread that fall inside `windows`. */
export function samplesInWindows(
  profile: GeckoProcess,
  windows: readonly TimeWindow[],
): WindowSamples {
  const found = articleThread(profile);
  const counted: WindowSamples = { samples: 0, ours: 0, top: [] };
  if (!found) return counted;
  const { thread, startTime } = found;
  const { stackTable, frameTable, stringTable, samples } = thread;
  const nameOf = (frame: number): string =>
    stringTable[frameTable.data[frame]?.[frameTable.schema.location] as number] ?? '';
  const byFrame = new Map<string, number>();
  for (const sample of samples.data) {
    const time = (sample[samples.schema.time] as number) + startTime;
    if (!windows.some((window) => time >= window.start && time <= window.start + window.duration))
      continue;
    const names: string[] = [];
    for (
      let stack = sample[samples.schema.stack] as number | null;
      stack !== null && stack !== undefined;
      stack = stackTable.data[stack]?.[stackTable.schema.prefix] as number | null
    ) {
      names.push(nameOf(stackTable.data[stack]?.[stackTable.schema.frame] as number));
    }
    counted.samples += 1;
    const ours = names.some((name) => name.includes(EXTENSION_SCRIPT));
    if (ours) counted.ours += 1;
    // Native frames without symbols are addresses: the innermost frame with a name says more.
    const named = (names.find((name) => !name.startsWith('0x')) ?? '(unnamed)')
      .replace(/moz-extension:\/\/[^/]+\//, '')
      .slice(0, 80);
    const key = `${named}${ours ? ' (ours)' : ''}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + 1);
  }
  counted.top = [...byFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([frame, count]) => ({ frame, samples: count }));
  return counted;
}
