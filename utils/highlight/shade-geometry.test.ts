import { describe, expect, it } from 'vitest';
import { type Box, type Passage, passagesAt } from './shade-geometry';

/** A measured passage of this many characters (its place is not read here). */
const passage = (id: string, length = 1, boxes: Box[] | null = null): Passage => {
  const text = document.createTextNode('x'.repeat(length));
  return {
    id,
    place: { startRoot: text, startOffset: 0, endRoot: text, endOffset: length },
    length,
    boxes,
  };
};

describe('passagesAt', () => {
  it('finds the passages under a point, shortest first', () => {
    const long = passage('long', 50, [{ left: 0, top: 0, width: 100, height: 20 }]);
    const short = passage('short', 5, [{ left: 10, top: 0, width: 20, height: 20 }]);
    const away = passage('away', 1, [{ left: 200, top: 0, width: 20, height: 20 }]);
    expect(passagesAt([long, short, away], 15, 10)).toEqual(['short', 'long']);
    expect(passagesAt([long, short, away], 500, 10)).toEqual([]);
  });
});
