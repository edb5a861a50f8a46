import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOwnNodeRegistry } from './own-nodes';
import { createPainter } from './painter';
import { loadArticle, rangeOfQuote } from './test-support';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

const view = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
const saved = { Highlight: view.Highlight, CSS: view.CSS };
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  vi.useFakeTimers();
  registry = new Map();
  view.Highlight = FakeHighlight;
  view.CSS = { ...(view.CSS ?? {}), highlights: registry };
});

afterEach(() => {
  view.Highlight = saved.Highlight;
  view.CSS = saved.CSS;
  document.adoptedStyleSheets.splice(0);
  vi.useRealTimers();
});

/** A range placed `top` px down the document (happy-dom has no layout). */
function placed(range: Range, top: number): Range {
  range.getBoundingClientRect = () =>
    ({
      top: top - window.scrollY,
      bottom: top - window.scrollY + 20,
      width: 100,
      height: 20,
    }) as DOMRect;
  return range;
}

const registered = (): Range[] =>
  [...registry.values()].flatMap((highlight) => [...highlight] as Range[]);

describe('highlights near the viewport only, on a busy page', () => {
  it('registers only the ranges near the screen, follows scrolling, and all again when quiet', () => {
    const article = loadArticle(document);
    const height = window.innerHeight;
    const top = placed(rangeOfQuote(article, 'sewage discharges'), 100);
    const far = placed(rangeOfQuote(article, 'question of trust'), 10 * height);
    const painter = createPainter(document, { ownNodes: createOwnNodeRegistry() });
    painter.paint([
      { id: 'top', range: top, style: 'misleading' },
      { id: 'far', range: far, style: 'supported' },
    ]);
    expect(registered()).toHaveLength(2);

    painter.setViewportOnly(true);
    expect(registered()).toEqual([top]);
    // Still known for hit testing and lookups.
    expect(painter.rangeOf('far')).toBe(far);
    // The open one stays, wherever it is.
    painter.setActive('far');
    expect(registered()).toContain(far);
    painter.setActive(null);
    expect(registered()).toEqual([top]);

    window.scrollTo(0, 10 * height - 100);
    window.dispatchEvent(new Event('scroll'));
    expect(registered()).toEqual([top]);
    vi.advanceTimersByTime(50);
    expect(registered()).toEqual([far]);

    painter.setViewportOnly(false);
    expect(registered()).toHaveLength(2);
    // Off again: scrolling changes nothing any more.
    window.scrollTo(0, 0);
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(50);
    expect(registered()).toHaveLength(2);
    painter.destroy();
    expect(registry.size).toBe(0);
    window.scrollTo(0, 0);
  });

  it('leaves the wrapping fallback alone: it paints everything', () => {
    const article = loadArticle(document);
    const far = placed(rangeOfQuote(article, 'question of trust'), 10 * window.innerHeight);
    const painter = createPainter(document, {
      forceFallback: true,
      ownNodes: createOwnNodeRegistry(),
    });
    painter.paint([{ id: 'far', range: far, style: 'supported' }]);
    painter.setViewportOnly(true);
    expect(article.querySelectorAll('span').length).toBeGreaterThan(0);
    painter.destroy();
  });
});
