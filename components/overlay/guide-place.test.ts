import { afterEach, describe, expect, it } from 'vitest';
import { guideHostParent } from './guide-place';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
});

function headlineIn(html: string): Element {
  document.body.innerHTML = html;
  const headline = document.querySelector('h1');
  if (!headline) throw new Error('no headline');
  return headline;
}

describe('where the reading guide’s host goes', () => {
  it('inside a headline of plain text, in an ordinary column', () => {
    const headline = headlineIn(
      '<div style="position: relative"><h1>A headline</h1><p>Text</p></div>',
    );
    expect(guideHostParent(headline)).toBe(headline);
    // The body's overflow is the window's: it clips nothing of ours.
    document.body.style.overflowX = 'hidden';
    expect(guideHostParent(headline)).toBe(headline);
  });

  it('not inside a headline with elements of its own (a site rule on them could change)', () => {
    expect(guideHostParent(headlineIn('<h1><span>A</span> headline</h1>'))).toBeNull();
    expect(guideHostParent(headlineIn('<h1> </h1>'))).toBeNull();
  });

  it('not inside a link, an editable region or something hidden from assistive technology', () => {
    expect(guideHostParent(headlineIn('<a href="#x"><h1>A headline</h1></a>'))).toBeNull();
    expect(
      guideHostParent(headlineIn('<div contenteditable><h1>A headline</h1></div>')),
    ).toBeNull();
    expect(
      guideHostParent(headlineIn('<div aria-hidden="true"><h1>A headline</h1></div>')),
    ).toBeNull();
  });

  it('not under an ancestor that clips, re-anchors fixed boxes or starts a stacking context', () => {
    for (const style of [
      'overflow: hidden',
      'transform: translateX(1px)',
      'filter: blur(1px)',
      'opacity: 0.9',
      'position: relative; z-index: 1',
      'position: sticky; top: 0',
      'contain: paint',
    ]) {
      const headline = headlineIn(`<div style="${style}"><h1>A headline</h1></div>`);
      expect(guideHostParent(headline), style).toBeNull();
    }
  });
});
