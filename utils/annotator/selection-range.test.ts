import { beforeEach, describe, expect, it } from 'vitest';
import { rangeOutsideOwnNodes } from './selection-range';

let paragraph: HTMLParagraphElement;
let marker: HTMLSpanElement;

beforeEach(() => {
  document.body.innerHTML = '<p>The claim ends here.<span></span> And the paragraph goes on.</p>';
  paragraph = document.querySelector('p') as HTMLParagraphElement;
  marker = paragraph.querySelector('span') as HTMLSpanElement;
  marker.attachShadow({ mode: 'closed' }).append(document.createElement('button'));
});

const isOwn = (node: Node) => node === marker;

describe('rangeOutsideOwnNodes', () => {
  it('moves an end that lands in our marker to just before it', () => {
    const range = document.createRange();
    range.setStart(paragraph.firstChild as Text, 4);
    range.setEnd(marker, 0);
    const fitted = rangeOutsideOwnNodes(range, isOwn);
    expect(fitted.toString()).toBe('claim ends here.');
    expect(fitted.endContainer).toBe(paragraph);
  });

  it('moves a start that lands in our marker to just after it', () => {
    const range = document.createRange();
    range.setStart(marker, 0);
    range.setEnd(paragraph.lastChild as Text, 4);
    expect(rangeOutsideOwnNodes(range, isOwn).toString()).toBe(' And');
  });

  it('keeps a whole paragraph whole, our marker inside it included', () => {
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const fitted = rangeOutsideOwnNodes(range, isOwn);
    expect(fitted.toString()).toBe('The claim ends here. And the paragraph goes on.');
  });

  it('leaves a selection that touches nothing of ours as it was', () => {
    const range = document.createRange();
    range.setStart(paragraph.firstChild as Text, 0);
    range.setEnd(paragraph.firstChild as Text, 9);
    const fitted = rangeOutsideOwnNodes(range, isOwn);
    expect([fitted.startOffset, fitted.endOffset, fitted.toString()]).toEqual([0, 9, 'The claim']);
  });
});
