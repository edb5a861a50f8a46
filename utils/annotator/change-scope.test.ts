import { describe, expect, it } from 'vitest';

import { blocksOfRange, type ChangeScope, createPassageBlocks } from './change-scope';

function setUp() {
  document.body.innerHTML =
    '<article><p id="a">First part of an allied</p><p id="b">power, so it goes.</p><p id="c">Quiet.</p></article>';
  const root = document.querySelector('article') as HTMLElement;
  const a = document.getElementById('a') as HTMLElement;
  const b = document.getElementById('b') as HTMLElement;
  const range = document.createRange();
  range.setStart(a.firstChild as Text, 14);
  range.setEnd(b.firstChild as Text, 5);
  const blocks = createPassageBlocks(root);
  blocks.set('across', range);
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const scopeOf = (own: (node: Node) => boolean = () => false): ChangeScope => {
    const scope: ChangeScope = { touched: new Set(), addedText: false };
    blocks.collect(observer.takeRecords(), own, scope);
    return scope;
  };
  return { root, a, b, range, blocks, scopeOf };
}

describe('the blocks of a passage', () => {
  it('binds a passage across two paragraphs to both', () => {
    const { a, b, range, root } = setUp();
    expect(blocksOfRange(range, root)).toEqual([a, b]);
  });

  it('counts a node put between the two paragraphs of a passage as touching it', () => {
    const { a, scopeOf } = setUp();
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement';
    a.after(ad);
    expect([...scopeOf().touched]).toEqual(['across']);
  });

  it('counts text added after every passage as text, touching none', () => {
    const { root, scopeOf } = setUp();
    const late = document.createElement('p');
    late.textContent = 'Late content';
    root.append(late);
    const scope = scopeOf();
    expect([...scope.touched]).toEqual([]);
    expect(scope.addedText).toBe(true);
  });

  it('counts nothing for a removal outside every passage, or for our own nodes', () => {
    const { root, a, scopeOf } = setUp();
    document.getElementById('c')?.remove();
    expect(scopeOf()).toEqual({ touched: new Set(), addedText: false });
    const ours = document.createElement('span');
    ours.textContent = 'marker';
    a.append(ours);
    expect(scopeOf((node) => node === ours)).toEqual({ touched: new Set(), addedText: false });
    root.remove();
  });

  it('counts an edit of a passage block, and the removal of one, as touching it', () => {
    const { a, b, scopeOf } = setUp();
    (a.firstChild as Text).data = 'Changed words of an allied';
    expect([...scopeOf().touched]).toEqual(['across']);
    b.remove();
    expect([...scopeOf().touched]).toEqual(['across']);
  });
});
