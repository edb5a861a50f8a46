import { beforeEach, describe, expect, it } from 'vitest';
import { createFallbackBackend } from './fallback-wrapper';
import { createOwnNodeRegistry, type OwnNodeRegistry } from './own-nodes';
import type { PaintBackend, PaintEntry } from './paint-entry';
import { differences, loadArticle, rangeOfQuote, snapshot } from './test-support';

let article: HTMLElement;
let ownNodes: OwnNodeRegistry;
let backend: PaintBackend;

beforeEach(() => {
  article = loadArticle(document);
  ownNodes = createOwnNodeRegistry();
  backend = createFallbackBackend(document, ownNodes);
});

/** Paints `entries` as the painter does: their ranges tracked while they are painted. */
function render(
  entries: PaintEntry[],
  previous: PaintEntry[] = [],
  activeId: string | null = null,
) {
  for (const entry of entries) ownNodes.trackRange(entry.range);
  backend.render(entries, previous, activeId);
}

const wrappers = () =>
  [...article.querySelectorAll('span')].filter((span) => ownNodes.has(span)) as HTMLElement[];

describe('the wrapping backend', () => {
  it('wraps a range given by element boundaries, and keeps it on the same characters', () => {
    const before = snapshot(article);
    const p3 = document.getElementById('p3');
    if (!p3) throw new Error('fixture');
    const range = document.createRange();
    range.selectNodeContents(p3);
    const entry: PaintEntry = { id: 'p3', range, style: 'opinion' };
    render([entry]);
    expect(
      wrappers()
        .map((wrapper) => wrapper.textContent)
        .join(''),
    ).toBe(p3.textContent);
    expect(range.toString()).toBe(p3.textContent);
    backend.destroy([entry]);
    expect(differences(before, snapshot(article))).toEqual([]);
    // Back on the page's own nodes, on the same characters.
    expect(p3.contains(range.startContainer) && p3.contains(range.endContainer)).toBe(true);
    expect(range.toString()).toBe(p3.textContent);
  });

  it('never wraps text a wrapper would break: scripts, white space between blocks, SVG', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    label.textContent = 'chart label';
    svg.append(label);
    article.append(svg);
    const range = document.createRange();
    range.selectNodeContents(article);
    render([{ id: 'all', range, style: 'supported' }]);
    const wrapped = wrappers();
    expect(wrapped.length).toBeGreaterThan(3);
    expect(wrapped.some((wrapper) => wrapper.closest('svg'))).toBe(false);
    expect(wrapped.some((wrapper) => wrapper.parentElement?.localName === 'script')).toBe(false);
    expect(wrapped.some((wrapper) => (wrapper.textContent ?? '').trim() === '')).toBe(false);
    expect(wrapped.some((wrapper) => wrapper.parentElement?.localName === 'tbody')).toBe(false);
  });

  it('does not paint a range whose element boundary the page has moved away', () => {
    const p1 = document.getElementById('p1');
    const p2 = document.getElementById('p2');
    if (!p1 || !p2) throw new Error('fixture');
    const strong = p1.querySelector('strong');
    if (!strong) throw new Error('fixture');
    const range = document.createRange();
    range.setStartBefore(strong);
    range.setEndAfter(strong);
    const first: PaintEntry = { id: 'a', range: rangeOfQuote(article, 'report'), style: 'opinion' };
    render([first]);
    const captured: PaintEntry = { id: 'moved', range, style: 'opinion' };
    // The page moves the element between our paints; the range's point "before it" is gone.
    p2.append(strong);
    render([captured], [first]);
    expect(wrappers().some((wrapper) => wrapper.textContent === 'disputes')).toBe(false);
  });

  it('restyles the active highlight in place, without touching the DOM structure', () => {
    const a: PaintEntry = {
      id: 'a',
      range: rangeOfQuote(article, 'Campaigners counted'),
      style: 'supported',
    };
    render([a]);
    const [wrapper] = wrappers();
    if (!wrapper) throw new Error('not wrapped');
    const html = article.innerHTML.length;
    const quiet = wrapper.style.getPropertyValue('text-decoration-thickness');
    backend.restyle([a], 'a');
    expect(wrappers()[0]).toBe(wrapper);
    expect(wrapper.style.getPropertyValue('text-decoration-thickness')).not.toBe(quiet);
    expect(wrapper.style.getPropertyPriority('background-color')).toBe('important');
    backend.restyle([a], null);
    expect(wrapper.style.getPropertyValue('text-decoration-thickness')).toBe(quiet);
    expect(article.innerHTML.length).toBe(html);
  });

  it('paints the active one of two overlapping highlights on their shared text', () => {
    const wide: PaintEntry = {
      id: 'wide',
      range: rangeOfQuote(article, 'Campaigners counted 301'),
      style: 'supported',
    };
    const narrow: PaintEntry = {
      id: 'narrow',
      range: rangeOfQuote(article, 'counted'),
      style: 'misleading',
    };
    render([wide, narrow], [], 'wide');
    const shared = wrappers().find((wrapper) => wrapper.textContent === 'counted');
    const alone = wrappers().find((wrapper) => wrapper.textContent === 'Campaigners ');
    expect(shared?.style.getPropertyValue('text-decoration-style')).toBe(
      alone?.style.getPropertyValue('text-decoration-style'),
    );
    backend.restyle([wide, narrow], null);
    // Without emphasis, the smaller highlight is drawn on top of the shared text.
    expect(shared?.style.getPropertyValue('text-decoration-style')).not.toBe(
      alone?.style.getPropertyValue('text-decoration-style'),
    );
  });
});
