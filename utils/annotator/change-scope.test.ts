import { describe, expect, it } from 'vitest';

import type { TextSpan } from '../anchoring/types';
import {
  blocksOfRange,
  type ChangeScope,
  createPassageBlocks,
  type PassageBounds,
} from './change-scope';

/** How a passage is bound: a claim by its live range, a note by a span taken at anchoring. */
type Bound = 'range' | 'span';

function setUp(bound: Bound = 'range') {
  document.body.innerHTML =
    '<article><p id="a">First part of an allied</p><p id="b">power, so it goes.</p><p id="c">Quiet.</p></article>';
  const root = document.querySelector('article') as HTMLElement;
  const a = document.getElementById('a') as HTMLElement;
  const b = document.getElementById('b') as HTMLElement;
  const range = document.createRange();
  range.setStart(a.firstChild as Text, 14);
  range.setEnd(b.firstChild as Text, 5);
  const span: TextSpan = {
    startContainer: a.firstChild as Text,
    startOffset: 14,
    endContainer: b.firstChild as Text,
    endOffset: 5,
  };
  const bounds: PassageBounds = bound === 'range' ? range : span;
  const blocks = createPassageBlocks(root);
  blocks.set('across', bounds);
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const scopeOf = (own: (node: Node) => boolean = () => false): ChangeScope => {
    const scope: ChangeScope = { touched: new Set(), addedText: false };
    blocks.collect(observer.takeRecords(), own, scope);
    return scope;
  };
  return { root, a, b, bounds, blocks, scopeOf };
}

describe.each<Bound>(['range', 'span'])('the blocks of a passage bound by its %s', (bound) => {
  it('binds a passage across two paragraphs to both', () => {
    const { a, b, bounds, root } = setUp(bound);
    expect(blocksOfRange(bounds, root)).toEqual([a, b]);
  });

  it('counts a node put between the two paragraphs of a passage as touching it', () => {
    const { a, scopeOf } = setUp(bound);
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement';
    a.after(ad);
    expect([...scopeOf().touched]).toEqual(['across']);
  });

  it('counts a node put around a paragraph of a passage, or after it, as touching it or not', () => {
    const { a, root, scopeOf } = setUp(bound);
    const wrapper = document.createElement('section');
    a.before(wrapper);
    scopeOf();
    wrapper.append(a);
    expect(scopeOf().touched.has('across')).toBe(true);
    const after = document.createElement('div');
    after.textContent = 'Read next';
    root.append(after);
    expect([...scopeOf().touched]).toEqual([]);
  });

  it('counts text added after every passage as text, touching none', () => {
    const { root, scopeOf } = setUp(bound);
    const late = document.createElement('p');
    late.textContent = 'Late content';
    root.append(late);
    const scope = scopeOf();
    expect([...scope.touched]).toEqual([]);
    expect(scope.addedText).toBe(true);
  });

  it('counts nothing for a removal outside every passage, or for our own nodes', () => {
    const { root, a, scopeOf } = setUp(bound);
    document.getElementById('c')?.remove();
    expect(scopeOf()).toEqual({ touched: new Set(), addedText: false });
    const ours = document.createElement('span');
    ours.textContent = 'marker';
    a.append(ours);
    expect(scopeOf((node) => node === ours)).toEqual({ touched: new Set(), addedText: false });
    root.remove();
  });

  it('counts an edit of a passage block, and the removal of one, as touching it', () => {
    const { a, b, scopeOf } = setUp(bound);
    (a.firstChild as Text).data = 'Changed words of an allied';
    expect([...scopeOf().touched]).toEqual(['across']);
    b.remove();
    expect([...scopeOf().touched]).toEqual(['across']);
  });
});
