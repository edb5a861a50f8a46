import { describe, expect, it } from 'vitest';
import { type Block, type Box, measureNear, type Passage, passagesAt } from './shade-geometry';

/** A range stand-in whose text has this many characters. */
const textOf = (length: number) => ({ toString: () => 'x'.repeat(length) }) as unknown as Range;

const passage = (id: string, length = 1, boxes: Box[] | null = null): Passage => ({
  id,
  range: textOf(length),
  length: -1,
  boxes,
});

const block = (top: number, passages: Passage[]): Block => ({
  element: {} as Element,
  passages,
  top,
  bottom: top + 20,
});

const box: Box = { left: 0, top: 0, width: 10, height: 10 };

describe('measureNear', () => {
  const area = {
    scrollTop: 1000,
    height: 100,
    maxPassages: 10,
    budgetMs: 8,
    now: () => 0,
    measure: () => [box],
  };

  it('measures the blocks within a viewport either side, nearest the centre first', () => {
    const blocks = [block(890, [passage('above')]), block(1040, [passage('centre')])];
    blocks.push(block(2000, [passage('far')]), block(960, [passage('near-top')]));
    const result = measureNear(blocks, area);
    expect(result.near.map((p) => p.id)).toEqual(['centre', 'near-top', 'above']);
    expect(result).toMatchObject({ capped: false, unfinished: false });
    expect(blocks[2]?.passages[0]?.boxes).toBeNull();
  });

  it('stops at the cap and says so', () => {
    const blocks = [block(1000, [passage('a'), passage('b'), passage('c')])];
    const result = measureNear(blocks, { ...area, maxPassages: 2 });
    expect(result.near.map((p) => p.id)).toEqual(['a', 'b']);
    expect(result.capped).toBe(true);
  });

  it('leaves the rest for later once the budget is spent, keeping what was measured', () => {
    let clock = 0;
    const blocks = [block(1000, [passage('a'), passage('b'), passage('c', 1, [box])])];
    const result = measureNear(blocks, {
      ...area,
      now: () => clock,
      measure: () => {
        clock += 10;
        return [box];
      },
    });
    expect(result.near.map((p) => p.id)).toEqual(['a', 'c']);
    expect(result.unfinished).toBe(true);
  });
});

describe('passagesAt', () => {
  it('finds the passages under a point, shortest first', () => {
    const long = passage('long', 50, [{ left: 0, top: 0, width: 100, height: 20 }]);
    const short = passage('short', 5, [{ left: 10, top: 0, width: 20, height: 20 }]);
    const away = passage('away', 1, [{ left: 200, top: 0, width: 20, height: 20 }]);
    expect(passagesAt([long, short, away], 15, 10)).toEqual(['short', 'long']);
    expect(passagesAt([long, short, away], 500, 10)).toEqual([]);
  });
});
