/**
 * Approximate search of one pattern in spans of one text: Myers' bit-parallel algorithm, in
 * Hyyrö's form for patterns longer than a machine word (32 characters a block).
 *
 * It answers exactly what approx-string-match's `search` answers for `text.slice(from, to)`: the
 * ends where the pattern matches with the fewest errors (at most `maxErrors`), each with the
 * start that makes the longest match with that many errors (found by searching back from the
 * end with the reversed pattern). It differs in cost only: the pattern's tables are built once
 * and kept for the next spans (the fuzzy matcher searches many windows for one quote), the span
 * is read in place rather than copied, and searching back reads the text backwards rather than
 * a reversed copy of it.
 */

/** One approximate match: text[start, end) is `errors` edits away from the pattern. */
export interface BitParallelMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** A pattern's match-vector tables, in one reading direction. */
interface PatternTables {
  length: number;
  blocks: number;
  /**
   * Per character code from 256 up, one 32-bit mask per block of where the pattern holds that
   * character.
   */
  masks: Map<number, Int32Array>;
  /** The same for codes under 256, looked up without hashing. */
  small: Int32Array[];
  /** Masks of a character the pattern does not hold. */
  none: Int32Array;
  /** The bit of the pattern's last row in each block. */
  lastRow: Int32Array;
}

function buildTables(pattern: string): PatternTables {
  const length = pattern.length;
  const blocks = Math.ceil(length / WORD);
  const none = new Int32Array(blocks);
  const small: Int32Array[] = new Array(256).fill(none);
  const masks = new Map<number, Int32Array>();
  for (let index = 0; index < length; index += 1) {
    const code = pattern.charCodeAt(index);
    let mask = code < 256 ? small[code] : masks.get(code);
    if (mask === undefined || mask === none) {
      mask = new Int32Array(blocks);
      if (code < 256) small[code] = mask;
      else masks.set(code, mask);
    }
    mask[index >> 5] = (mask[index >> 5] as number) | (1 << (index & 31));
  }
  const lastRow = new Int32Array(blocks).fill(1 << 31);
  lastRow[blocks - 1] = 1 << ((length - 1) % WORD);
  return { length, blocks, masks, small, none, lastRow };
}

/** The tables of a pattern both ways, kept for the next search of the same pattern. */
interface PreparedPattern {
  pattern: string;
  forward: PatternTables;
  backward: PatternTables;
}

let lastPrepared: PreparedPattern | null = null;

function prepare(pattern: string): PreparedPattern {
  if (lastPrepared?.pattern === pattern) return lastPrepared;
  const reversed = pattern.split('').reverse().join('');
  lastPrepared = { pattern, forward: buildTables(pattern), backward: buildTables(reversed) };
  return lastPrepared;
}

/**
 * Scans text[from, to) forwards (or backwards, from `to - 1` down to `from`) and calls `report`
 * with each position whose last-row score is at most the current limit, the limit falling to
 * each lower score met (so the positions reported last are those with the fewest errors).
 * `report` returns nothing; `limit` starts at min(maxErrors, pattern length).
 */
function scan(
  tables: PatternTables,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  backwards: boolean,
  report: (position: number, score: number, lowered: boolean) => void,
): void {
  const { length, blocks, masks, small, none, lastRow } = tables;
  let limit = Math.min(maxErrors, length);
  let score = length;
  const step = backwards ? -1 : 1;
  const first = backwards ? to - 1 : from;
  const stop = backwards ? from - 1 : to;
  if (blocks === 1) {
    const last = lastRow[0] as number;
    let pv = -1;
    let mv = 0;
    for (let at = first; at !== stop; at += step) {
      const code = text.charCodeAt(at);
      const eq = ((code < 256 ? small[code] : masks.get(code)) ?? none)[0] as number;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score += 1;
      else if (mh & last) score -= 1;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= limit) {
        const lowered = score < limit;
        limit = score;
        report(at, score, lowered);
      }
    }
    return;
  }
  const pvs = new Int32Array(blocks).fill(-1);
  const mvs = new Int32Array(blocks);
  for (let at = first; at !== stop; at += step) {
    const code = text.charCodeAt(at);
    const eqs = (code < 256 ? small[code] : masks.get(code)) ?? none;
    let carry = 0;
    for (let block = 0; block < blocks; block += 1) {
      const pv = pvs[block] as number;
      const mv = mvs[block] as number;
      let eq = eqs[block] as number;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const last = lastRow[block] as number;
      const out = ph & last ? 1 : mh & last ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      pvs[block] = mh | ~(xv | ph);
      mvs[block] = ph & xv;
      carry = out;
    }
    score += carry;
    if (score <= limit) {
      const lowered = score < limit;
      limit = score;
      report(at, score, lowered);
    }
  }
}

/**
 * The matches of `pattern` in text[from, to) with the fewest errors, at most `maxErrors`, with
 * offsets in `text`: what approx-string-match's `search(text.slice(from, to), pattern,
 * maxErrors)` returns, shifted by `from`.
 */
export function searchBitParallel(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
): BitParallelMatch[] {
  if (pattern.length === 0 || from >= to) return [];
  const { forward, backward } = prepare(pattern);
  const ends: Array<{ end: number; errors: number }> = [];
  scan(forward, text, from, to, maxErrors, false, (at, score, lowered) => {
    if (lowered) ends.length = 0;
    ends.push({ end: at + 1, errors: score });
  });
  return ends.map(({ end, errors }) => {
    // Back from the end, the reversed pattern with the same budget: the furthest start among
    // those with the fewest errors makes the longest match.
    const lowest = Math.max(from, end - pattern.length - errors);
    let start = end;
    scan(backward, text, lowest, end, errors, true, (at) => {
      start = at;
    });
    return { start, end, errors };
  });
}
