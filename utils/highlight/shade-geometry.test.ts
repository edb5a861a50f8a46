import { describe, expect, it } from 'vitest';
import {
  type Box,
  groupPassages,
  type Passage,
  passagesAt,
  type ShadeItem,
} from './shade-geometry';

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

describe('groupPassages', () => {
  /** A passage of the note `id` on the first characters of `text`. */
  const item = (id: string, text: Text): ShadeItem => ({
    id,
    place: { startRoot: text, startOffset: 0, endRoot: text, endOffset: 1 },
  });

  it('groups passages by their paragraph, in the order given, and looks each text node up once', () => {
    document.body.innerHTML = '<p id="one">First <b>bold</b> words</p><p id="two">Second</p>';
    const one = document.getElementById('one') as HTMLElement;
    const two = document.getElementById('two') as HTMLElement;
    const [first, , last] = Array.from(one.childNodes) as [Text, HTMLElement, Text];
    const bold = one.querySelector('b')?.firstChild as Text;
    const second = two.firstChild as Text;
    // Counts the block lookups made from the paragraphs' own text nodes.
    let lookups = 0;
    for (const element of [one, two]) {
      const closest = element.closest.bind(element);
      element.closest = ((selector: string) => {
        lookups += 1;
        return closest(selector);
      }) as typeof element.closest;
    }
    const items: ShadeItem[] = [];
    for (let index = 0; index < 500; index += 1) {
      items.push(item(`a${index}`, index % 2 ? first : last), item(`b${index}`, second));
    }
    items.push(item('bold', bold));

    const { passages, blocks } = groupPassages(document, items);

    expect(passages.map((passage) => passage.id)).toEqual(items.map((entry) => entry.id));
    expect(passages.every((passage) => passage.length === -1 && passage.boxes === null)).toBe(true);
    expect(blocks.map((block) => block.element)).toEqual([one, two]);
    expect(blocks[0]?.passages.map((passage) => passage.id)).toEqual([
      ...items.filter((entry) => entry.id.startsWith('a')).map((entry) => entry.id),
      'bold',
    ]);
    expect(blocks[1]?.passages).toHaveLength(500);
    // Three text nodes directly in the paragraphs: three lookups, not one per passage.
    expect(lookups).toBe(3);
  });

  it('puts a passage outside every block under the root element', () => {
    const text = document.createTextNode('loose');
    document.documentElement.append(text);
    const { blocks } = groupPassages(document, [item('loose', text)]);
    expect(blocks.map((block) => block.element)).toEqual([document.documentElement]);
    text.remove();
  });
});
