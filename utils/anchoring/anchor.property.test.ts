/**
 * Property tests: random texts in random element structures, random ranges and random edits.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, describe as describeRange } from './index';
import { normaliseString } from './normalise';
import { mountArticle, rangeOfOffsets, textNodesOf, textOf } from './test-fixtures';
import type { Selector } from './types';

/** Words of random letters, sometimes with the characters normalisation has to handle. */
const word = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom('it\u2019s', '\u201cquoted\u201d', 'US\u2013Mexico') },
  { weight: 1, arbitrary: fc.constantFrom('inter\u00adnational', 'Lo\u0301pez', 'caf\u00e9') },
);
const separator = fc.constantFrom(' ', ' ', ' ', '\u00a0', '\n  ', ' ');

/** One inline run: some words, maybe wrapped in an inline element. */
const run = fc.record({
  words: fc.array(word, { minLength: 1, maxLength: 6 }),
  wrapper: fc.constantFrom(null, null, 'em', 'a', 'u', 'span', 'strong'),
  gap: separator,
});

/** A page: paragraphs of runs. */
const page = fc.array(fc.array(run, { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 6,
});

type Page = typeof page extends fc.Arbitrary<infer T> ? T : never;

function buildPage(paragraphs: Page): HTMLElement {
  const root = mountArticle('');
  for (const runs of paragraphs) {
    const paragraph = document.createElement('p');
    for (const { words, wrapper, gap } of runs) {
      const text = document.createTextNode(words.join(' '));
      if (wrapper) {
        const element = document.createElement(wrapper);
        element.append(text);
        paragraph.append(element);
      } else {
        paragraph.append(text);
      }
      paragraph.append(gap);
    }
    root.append(paragraph);
  }
  return root;
}

/** The text a range covers, compared the way the engine promises to keep it. */
const comparable = (text: string): string => normaliseString(text).trim();

/** A random range over the page's text, as two fractions of its textContent length. */
const fractions = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

function rangeAt(root: HTMLElement, [a, b]: [number, number], minLength = 1): Range | null {
  const nodes = textNodesOf(root);
  const length = nodes.reduce((sum, node) => sum + node.data.length, 0);
  const start = Math.floor(Math.min(a, b) * length);
  const end = Math.max(start + minLength, Math.floor(Math.max(a, b) * length));
  if (end > length) return null;
  return rangeOfOffsets(root, nodes, start, end);
}

/** How far (characters of the page's text) the edits of the "outside" property stay from the passage. */
const CLEARANCE = 6;

/** Where a text node starts in the concatenated text of the page's text nodes. */
function textOffsetOf(root: HTMLElement, node: Text): number {
  let offset = 0;
  for (const text of textNodesOf(root)) {
    if (text === node) return offset;
    offset += text.data.length;
  }
  return offset;
}

/** A range's start and end in the concatenated text of the page's text nodes. */
function passageOffsets(root: HTMLElement, range: Range): { start: number; end: number } {
  const at = (container: Node, offset: number) =>
    container instanceof Text ? textOffsetOf(root, container) + offset : Number.NaN;
  return {
    start: at(range.startContainer, range.startOffset),
    end: at(range.endContainer, range.endOffset),
  };
}

describe('properties', () => {
  it('describe then anchor returns the same text at the same place', () => {
    fc.assert(
      fc.property(page, fractions, (paragraphs, where) => {
        const root = buildPage(paragraphs);
        const cut = rangeAt(root, where);
        if (!cut) return;
        const described = describeRange(root, cut);
        // describe widens a range that splits a letter from its combining marks; so does the
        // expectation.
        const original = widenToWholeCharacters(cut);
        if (!described.ok) {
          expect(described.reason).toBe('empty-range');
          expect(comparable(textOf(original))).toBe('');
          return;
        }
        const result = anchor(root, described.selectors);
        expect(result.status).toBe('anchored');
        if (result.status !== 'anchored') return;
        expect(result.quality).toBe('exact');
        expect(comparable(textOf(result.range))).toBe(comparable(textOf(original)));
        // Same place: the anchored range lies inside the original (which may have extra spaces).
        expect(
          result.range.compareBoundaryPoints(Range.START_TO_START, original),
        ).toBeGreaterThanOrEqual(0);
        expect(result.range.compareBoundaryPoints(Range.END_TO_END, original)).toBeLessThanOrEqual(
          0,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('random small edits outside the passage never move or break it', () => {
    // Small: up to two edits of up to two characters each. A short quote is trusted only while
    // its context mostly agrees, so rewriting most of a short context may rightly orphan it.
    // Edits a few characters clear of the passage: one right beside it can write a second copy
    // of a short quote into its own context (the example test after this one).
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.integer({ min: 0, max: 2 }),
      insert: fc.stringMatching(/^[a-z ]{0,2}$/),
    });
    fc.assert(
      fc.property(
        page,
        fractions,
        fc.array(edit, { minLength: 1, maxLength: 2 }),
        (paragraphs, where, edits) => {
          const root = buildPage(paragraphs);
          const original = rangeAt(root, where, 4);
          if (!original) return;
          const described = describeRange(root, original);
          if (!described.ok) return;
          const before = anchor(root, described.selectors);
          if (before.status !== 'anchored') throw new Error('baseline failed');
          const { startContainer, startOffset, endContainer, endOffset } = before.range;
          // Edit only text nodes that hold no part of the passage, so its nodes keep their offsets.
          const outside = textNodesOf(root).filter((node) => !before.range.intersectsNode(node));
          fc.pre(outside.length > 0);
          let applied = 0;
          for (const { at, remove, insert } of edits) {
            const node = outside[Math.floor(at * outside.length) % outside.length];
            if (!node) continue;
            const offset = Math.floor(at * node.data.length);
            const { start, end } = passageOffsets(root, before.range);
            const from = textOffsetOf(root, node) + offset;
            if (from + remove > start - CLEARANCE && from < end + CLEARANCE) continue;
            node.data = node.data.slice(0, offset) + insert + node.data.slice(offset + remove);
            applied++;
          }
          fc.pre(applied > 0);
          const after = anchor(root, described.selectors);
          expect(after.status).toBe('anchored');
          if (after.status !== 'anchored') return;
          expect(after.range.startContainer).toBe(startContainer);
          expect(after.range.startOffset).toBe(startOffset);
          expect(after.range.endContainer).toBe(endContainer);
          expect(after.range.endOffset).toBe(endOffset);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a second copy of a one-letter passage written right beside it may take its place, nothing else', () => {
    // Found by the property above (seed -839476067): "g" quoted with no prefix, then a "g" typed
    // at the start of the space after it. Both letters now have a context that half agrees; the
    // new one has the suffix word for word.
    const root = buildPage([
      [
        { words: ['g'], wrapper: null, gap: '\n  ' },
        { words: ['a'], wrapper: null, gap: ' ' },
      ],
      [{ words: ['it\u2019s'], wrapper: null, gap: ' ' }],
    ]);
    const original = rangeAt(root, [0, 0], 4);
    if (!original) throw new Error('no range');
    const described = describeRange(root, original);
    if (!described.ok) throw new Error(described.reason);
    const gap = textNodesOf(root)[1];
    if (!gap) throw new Error('no gap');
    gap.data = `g${gap.data}`;
    const after = anchor(root, described.selectors);
    expect(after.status).toBe('anchored');
    if (after.status !== 'anchored') return;
    expect(after.range.toString()).toBe('g');
    expect(passageOffsets(root, after.range).start).toBeLessThanOrEqual(1);
  });

  it('an edit inside the passage beyond the error budget gives an orphan or the right place', () => {
    fc.assert(
      fc.property(
        page,
        fractions,
        fc.double({ min: 0.35, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (paragraphs, where, share, shift) => {
          const root = buildPage(paragraphs);
          const original = rangeAt(root, where, 8);
          if (!original) return;
          const described = describeRange(root, original);
          if (!described.ok) return;
          const exact = normaliseString(described.selectors[0].exact).trim();
          const pageText = normaliseString(root.textContent ?? '');
          fc.pre(exact.length >= 8 && pageText.indexOf(exact) === pageText.lastIndexOf(exact));
          // Replace a share (35–100 %) of the passage with digits, which no letter matches.
          const before = anchor(root, described.selectors);
          if (before.status !== 'anchored') throw new Error('baseline failed');
          const passage = before.range;
          const length = textOf(passage).length;
          const count = Math.max(1, Math.ceil(share * length));
          const from = Math.floor(shift * (length - count));
          const nodes = textNodesOf(root);
          const passageStart = offsetIn(nodes, passage.startContainer, passage.startOffset);
          const replaced = rangeOfOffsets(
            root,
            nodes,
            passageStart + from,
            passageStart + from + count,
          );
          replaced.deleteContents();
          const digits = document.createTextNode(
            Array.from({ length: count }, (_, index) => String(index % 10)).join(''),
          );
          replaced.insertNode(digits);
          const result = anchor(root, described.selectors as Selector[]);
          if (result.status === 'anchored') {
            // The only acceptable place is the edited passage itself (the digits are as many as
            // the letters they replaced, so it still spans the same textContent offsets).
            const passageNow = rangeOfOffsets(
              root,
              textNodesOf(root),
              passageStart,
              passageStart + length,
            );
            expect(overlaps(result.range, passageNow)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const MARK = /\p{M}/u;

/** A copy of a range moved off combining marks: start back onto its letter, end past them. */
function widenToWholeCharacters(range: Range): Range {
  const widened = range.cloneRange();
  const { startContainer, endContainer } = widened;
  if (startContainer instanceof Text) {
    let offset = widened.startOffset;
    while (offset > 0 && MARK.test(startContainer.data[offset] ?? '')) offset -= 1;
    widened.setStart(startContainer, offset);
  }
  if (endContainer instanceof Text) {
    let offset = widened.endOffset;
    while (offset < endContainer.data.length && MARK.test(endContainer.data[offset] ?? '')) {
      offset += 1;
    }
    widened.setEnd(endContainer, offset);
  }
  return widened;
}

/** textContent offset of a boundary point inside one of `nodes`. */
function offsetIn(nodes: Text[], container: Node, offset: number): number {
  let base = 0;
  for (const node of nodes) {
    if (node === container) return base + offset;
    base += node.data.length;
  }
  throw new Error('boundary is not in a text node');
}

/** Whether two ranges share at least one character. */
function overlaps(a: Range, b: Range): boolean {
  // END_TO_START compares this range's start with the other's end: a starts before b ends,
  // and b starts before a ends.
  return (
    a.compareBoundaryPoints(Range.END_TO_START, b) < 0 &&
    b.compareBoundaryPoints(Range.END_TO_START, a) < 0
  );
}
