import { beforeEach, describe, expect, it } from 'vitest';
import type { TextSpan } from '../anchoring/types';
import { createOwnNodeRegistry, type OwnNodeRegistry } from './own-nodes';
import { placeOfSpan, spanOfPlace } from './text-place';

/** The words a span covers, read from its text nodes. */
function wordsOf(span: TextSpan | null): string | null {
  if (!span) return null;
  const range = document.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  return range.toString();
}

const spanIn = (text: Text, start: number, end: number, last: Text = text): TextSpan => ({
  startContainer: text,
  startOffset: start,
  endContainer: last,
  endOffset: end,
});

let ownNodes: OwnNodeRegistry;
let paragraph: HTMLParagraphElement;
let text: Text;

beforeEach(() => {
  ownNodes = createOwnNodeRegistry();
  document.body.innerHTML = '<p>The meeting was the first of its kind.</p>';
  paragraph = document.querySelector('p') as HTMLParagraphElement;
  text = paragraph.firstChild as Text;
});

describe('text places', () => {
  it('stay on the same words while we split the text and rejoin it', () => {
    const place = placeOfSpan(spanIn(text, 4, 11), ownNodes);
    expect(wordsOf(spanOfPlace(place, ownNodes))).toBe('meeting');
    // A marker after "The me", then one after "first": the place's text is in two pieces.
    const tail = ownNodes.splitText(text, 6);
    tail.before(document.createElement('span'));
    const last = ownNodes.splitText(tail, 14);
    expect(wordsOf(spanOfPlace(place, ownNodes))).toBe('meeting');
    expect(spanOfPlace(place, ownNodes)).toMatchObject({
      startContainer: text,
      startOffset: 4,
      endContainer: tail,
      endOffset: 5,
    });
    // The markers go and the pieces are rejoined into the page's own node.
    for (const span of paragraph.querySelectorAll('span')) span.remove();
    ownNodes.rejoinSplits();
    expect(last.isConnected).toBe(false);
    expect(paragraph.childNodes).toHaveLength(1);
    expect(spanOfPlace(place, ownNodes)).toMatchObject({ startContainer: text, endOffset: 11 });
  });

  it('are taken in the page’s terms from a span in a piece of ours', () => {
    const tail = ownNodes.splitText(text, 16);
    const place = placeOfSpan(spanIn(tail, 4, 9), ownNodes);
    expect(place).toMatchObject({ startRoot: text, startOffset: 20, endRoot: text, endOffset: 25 });
    expect(wordsOf(spanOfPlace(place, ownNodes))).toBe('first');
  });

  it('span the page’s text nodes they run across', () => {
    paragraph.innerHTML = 'The <em>meeting</em> was the first.';
    const [first, , last] = paragraph.childNodes as unknown as [Text, HTMLElement, Text];
    const place = placeOfSpan(spanIn(first, 0, 4, last), ownNodes);
    expect(wordsOf(spanOfPlace(place, ownNodes))).toBe('The meeting was');
  });

  it('no longer stand once their text left the page or is shorter than they are', () => {
    const place = placeOfSpan(spanIn(text, 20, 25), ownNodes);
    text.data = 'The meeting.';
    expect(spanOfPlace(place, ownNodes)).toBeNull();
    text.data = 'The meeting was the first of its kind.';
    expect(wordsOf(spanOfPlace(place, ownNodes))).toBe('first');
    paragraph.textContent = 'Another story.';
    expect(spanOfPlace(place, ownNodes)).toBeNull();
  });

  it('never read as a span that ends before it starts', () => {
    const place = placeOfSpan(spanIn(text, 4, 11), ownNodes);
    expect(spanOfPlace({ ...place, endOffset: 4 }, ownNodes)).toBeNull();
  });
});
