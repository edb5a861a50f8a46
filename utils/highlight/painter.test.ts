import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOwnNodeRegistry, type OwnNodeRegistry } from './own-nodes';
import { createPainter, type Painter } from './painter';
import {
  differences,
  loadArticle,
  rangeAt,
  rangeOfQuote,
  snapshot,
  textNodes,
} from './test-support';

/** The fallback's wrappers are plain spans; the test article has none of its own. */
const WRAPPER = 'span';

let article: HTMLElement;
let ownNodes: OwnNodeRegistry;
let painter: Painter;

beforeEach(() => {
  article = loadArticle(document);
  ownNodes = createOwnNodeRegistry();
  painter = createPainter(document, { forceFallback: true, ownNodes });
});

afterEach(() => {
  painter.destroy();
});

function wrappedTexts(): string[] {
  return Array.from(article.querySelectorAll(WRAPPER), (wrapper) => wrapper.textContent ?? '');
}

describe('fallback painting', () => {
  it('uses the fallback when asked, and wraps a range inside one text node', () => {
    const before = snapshot(article);
    const range = rangeOfQuote(article, 'Campaigners counted 301 spills');
    painter.paint([{ id: 'c1', range, style: 'misleading' }]);

    expect(painter.mode).toBe('fallback');
    expect(wrappedTexts()).toEqual(['Campaigners counted 301 spills']);
    expect(article.textContent).toBe(before.html && snapshot(article).texts.join(''));
    expect(range.toString()).toBe('Campaigners counted 301 spills');

    painter.clear();
    expect(differences(before, snapshot(article))).toEqual([]);
    expect(range.toString()).toBe('Campaigners counted 301 spills');
  });

  it('wraps each text piece of a range that crosses elements, and restores exactly', () => {
    const before = snapshot(article);
    const quote =
      'report claims that sewage discharges fell by 40% in two years, a figure the regulator disp';
    const range = rangeOfQuote(article, quote);
    painter.paint([{ id: 'c1', range, style: 'supported' }]);

    expect(wrappedTexts().join('')).toBe(quote);
    // One wrapper per text piece, inside the link and the strong, never around them.
    expect(article.querySelector(`a > ${WRAPPER}`)).not.toBeNull();
    expect(article.querySelector(`strong > ${WRAPPER}`)?.textContent).toBe('disp');
    expect(range.toString()).toBe(quote);

    painter.destroy();
    expect(differences(before, snapshot(article))).toEqual([]);
    expect(range.toString()).toBe(quote);
  });

  it('wraps overlapping ranges once per piece, and keeps a tracked range on its text', () => {
    const before = snapshot(article);
    const claim = rangeOfQuote(article, 'sewage discharges fell by 40% in two years');
    const other = rangeOfQuote(article, 'fell by 40% in two years, a figure');
    const inner = rangeOfQuote(article, 'by 40%');
    // A range made before painting (an anchoring cache, say): tracking keeps it valid meanwhile.
    ownNodes.trackRange(other);
    painter.paint([
      { id: 'claim', range: claim, style: 'misleading' },
      { id: 'inner', range: inner, style: 'opinion' },
    ]);
    painter.paint([
      { id: 'claim', range: claim, style: 'misleading' },
      { id: 'inner', range: inner, style: 'opinion' },
      { id: 'other', range: other, style: 'supported' },
    ]);

    expect(article.querySelectorAll(`${WRAPPER} ${WRAPPER}`)).toHaveLength(0);
    expect(claim.toString()).toBe('sewage discharges fell by 40% in two years');
    expect(other.toString()).toBe('fell by 40% in two years, a figure');
    expect(inner.toString()).toBe('by 40%');
    expect(wrappedTexts().join('')).toBe('sewage discharges fell by 40% in two years, a figure');

    painter.paint([{ id: 'other', range: other, style: 'supported' }]);
    expect(wrappedTexts().join('')).toBe('fell by 40% in two years, a figure');
    expect(claim.toString()).toBe('sewage discharges fell by 40% in two years');

    painter.clear();
    expect(differences(before, snapshot(article))).toEqual([]);
    expect(other.toString()).toBe('fell by 40% in two years, a figure');
    ownNodes.untrackRange(other);
  });

  it('keeps the page’s own adjacent text nodes separate', () => {
    const p3 = document.getElementById('p3');
    if (!p3) throw new Error('fixture');
    const before = snapshot(article);
    expect(p3.childNodes).toHaveLength(3);
    const range = rangeOfQuote(p3, 'trust. Or of evid');
    painter.paint([{ id: 'n', range, style: 'opinion' }]);
    expect(range.toString()).toBe('trust. Or of evid');
    painter.clear();
    expect(p3.childNodes).toHaveLength(3);
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('replaces a layer when painted again', () => {
    const before = snapshot(article);
    const first = rangeOfQuote(article, 'Officials did not respond');
    const second = rangeOfQuote(article, 'a question of trust');
    painter.paint([{ id: 'a', range: first, style: 'unsupported' }]);
    painter.paint([{ id: 'b', range: second, style: 'unsupported' }]);
    expect(wrappedTexts()).toEqual(['a question of trust']);
    expect(painter.rangeOf('a')).toBeNull();
    expect(painter.rangeOf('b')).toBe(second);
    expect(first.toString()).toBe('Officials did not respond');
    painter.destroy();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('leaves scripts, and whitespace between table rows, unwrapped', () => {
    const before = snapshot(article);
    const p2 = document.getElementById('p2');
    const p3 = document.getElementById('p3');
    if (!p2 || !p3) throw new Error('fixture');
    const range = document.createRange();
    range.setStart(p2, 0);
    range.setEnd(p3, 1);
    painter.paint([{ id: 'wide', range, style: 'opinion' }]);
    expect(p2.querySelector('script')?.firstChild?.nodeType).toBe(3);
    expect(article.querySelector(`tbody > ${WRAPPER}, tr > ${WRAPPER}`)).toBeNull();
    expect(article.querySelectorAll(`td > ${WRAPPER}`)).toHaveLength(4);
    painter.clear();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('styles wrappers inline and important, with a stronger look when active', () => {
    const range = rangeOfQuote(article, 'Campaigners counted');
    painter.paint([{ id: 'c', range, style: 'misleading' }]);
    const wrapper = article.querySelector<HTMLElement>(WRAPPER);
    if (!wrapper) throw new Error('not painted');
    expect(wrapper.style.getPropertyValue('text-decoration-style')).toBe('wavy');
    expect(wrapper.style.getPropertyPriority('padding')).toBe('important');
    const resting = wrapper.style.getPropertyValue('text-decoration-thickness');
    painter.setActive('c');
    expect(wrapper.style.getPropertyValue('text-decoration-thickness')).not.toBe(resting);
    painter.setActive(null);
    expect(wrapper.style.getPropertyValue('text-decoration-thickness')).toBe(resting);
  });

  it('treats unknown style tokens as unrated rather than painting nothing', () => {
    const range = rangeOfQuote(article, 'Campaigners counted');
    painter.paint([{ id: 'c', range, style: 'no-such-verdict' }]);
    expect(wrappedTexts()).toEqual(['Campaigners counted']);
  });
});

describe('own nodes', () => {
  it('recognises its wrappers by identity, not by tag or attributes the page could copy', () => {
    painter.paint([{ id: 'c', range: rangeOfQuote(article, 'Campaigners'), style: 'supported' }]);
    const ours = article.querySelector(WRAPPER);
    if (!ours) throw new Error('not painted');
    const forged = document.createElement(WRAPPER);
    for (const attribute of Array.from(ours.attributes)) {
      forged.setAttribute(attribute.name, attribute.value);
    }
    article.append(forged);

    expect(painter.isOwnNode(ours)).toBe(true);
    expect(ownNodes.has(ours)).toBe(true);
    expect(painter.isOwnNode(forged)).toBe(false);
    // The text inside a wrapper is the page's text, which the anchoring engine must still read.
    const inside = ours.firstChild;
    expect(inside && painter.isOwnNode(inside)).toBe(false);
    painter.clear();
    expect(painter.isOwnNode(ours)).toBe(false);
    forged.remove();
  });
});

describe('custom highlight mode (with a minimal stand-in for the registry)', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
  }

  it('registers named highlights and a style sheet, changes no DOM, and removes all on destroy', () => {
    const registry = new Map<string, FakeHighlight>();
    const view = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
    const saved = { Highlight: view.Highlight, CSS: view.CSS };
    view.Highlight = FakeHighlight;
    view.CSS = { ...(view.CSS ?? {}), highlights: registry };
    const othersSheet = new CSSStyleSheet();
    document.adoptedStyleSheets.push(othersSheet);
    try {
      const before = snapshot(article);
      const custom = createPainter(document, { ownNodes });
      const claim = rangeOfQuote(article, 'sewage discharges fell by 40%');
      const second = rangeOfQuote(article, 'regulator');
      custom.paint([
        { id: 'c', range: claim, style: 'misleading' },
        { id: 'd', range: second, style: 'supported' },
      ]);

      expect(custom.mode).toBe('custom-highlight');
      expect(differences(before, snapshot(article))).toEqual([]);
      const names = [...registry.keys()];
      expect(names).toHaveLength(2);
      const claimName = names.find((name) => name.startsWith('counterpoint-claim-misleading-'));
      expect(claimName && registry.get(claimName)?.has(claim)).toBe(true);
      expect(document.adoptedStyleSheets).toHaveLength(2);
      expect(document.adoptedStyleSheets[0]).toBe(othersSheet);

      custom.setActive('c');
      const activeName = [...registry.keys()].find((name) => name.includes('-misleading-active-'));
      const activePriority = activeName ? (registry.get(activeName)?.priority ?? 0) : 0;
      const restName = [...registry.keys()].find((name) => name.includes('-supported-'));
      expect(activePriority).toBeGreaterThan(
        restName ? (registry.get(restName)?.priority ?? 0) : 9,
      );

      custom.destroy();
      expect(registry.size).toBe(0);
      expect(document.adoptedStyleSheets).toEqual([othersSheet]);
      expect(differences(before, snapshot(article))).toEqual([]);
    } finally {
      view.Highlight = saved.Highlight;
      view.CSS = saved.CSS;
      document.adoptedStyleSheets.splice(0);
    }
  });
});

describe('restoration, for any ranges', () => {
  it('restores the DOM exactly and keeps every range on its text, whatever is painted', () => {
    const total = (article.textContent ?? '').length;
    const item = fc
      .tuple(fc.nat({ max: total - 1 }), fc.integer({ min: 1, max: 60 }), fc.boolean())
      .map(([start, length, inA]) => ({
        start,
        end: Math.min(total, start + length),
        group: inA ? ('a' as const) : ('b' as const),
      }));
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (items, firstPart) => {
          const fresh = loadArticle(document);
          article = fresh;
          const before = snapshot(fresh);
          const registry = createOwnNodeRegistry();
          const local = createPainter(document, { forceFallback: true, ownNodes: registry });
          // All ranges are made on the clean page, before anything is painted, so the ones
          // painted in the second step must be kept up to date by tracking them.
          const painted = items.map((spec, index) => {
            const range = rangeAt(fresh, spec.start, spec.end);
            registry.trackRange(range);
            return { ...spec, id: `i${index}`, range, text: range.toString() };
          });
          // Painted in two steps (a part first, as a re-anchoring does, then all).
          const part = painted.filter((entry) => entry.group === (firstPart ? 'a' : 'b'));
          for (const step of [part, painted]) {
            local.paint(step.map(({ id, range }) => ({ id, range, style: 'supported' })));
          }
          expect(fresh.textContent).toBe(before.texts.join(''));
          for (const entry of painted) expect(entry.range.toString()).toBe(entry.text);
          expect(fresh.querySelectorAll(`${WRAPPER} ${WRAPPER}`)).toHaveLength(0);

          local.paint(part.map(({ id, range }) => ({ id, range, style: 'opinion' })));
          for (const entry of painted) expect(entry.range.toString()).toBe(entry.text);
          local.destroy();
          expect(differences(before, snapshot(fresh))).toEqual([]);
          expect(textNodes(fresh)).toHaveLength(before.nodes.length);
          for (const entry of painted) expect(entry.range.toString()).toBe(entry.text);
          expect(registry.rejoinSplits()).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('a Custom Highlight API that refuses at call time', () => {
  it('switches to wrapping and still paints', () => {
    const view = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
    const saved = { Highlight: view.Highlight, CSS: view.CSS };
    view.Highlight = class {
      add(): void {
        throw new Error('Permission denied to access this object');
      }
      clear(): void {}
    };
    view.CSS = { ...(view.CSS ?? {}), highlights: new Map() };
    try {
      const refusing = createPainter(document, { ownNodes });
      expect(refusing.mode).toBe('custom-highlight');
      const range = rangeOfQuote(article, 'question of trust');
      refusing.paint([{ id: 't', range, style: 'opinion' }]);
      expect(refusing.mode).toBe('fallback');
      expect(wrappedTexts()).toEqual(['question of trust']);
      expect(refusing.rangeOf('t')).toBe(range);
      refusing.destroy();
      expect(wrappedTexts()).toEqual([]);
    } finally {
      view.Highlight = saved.Highlight;
      view.CSS = saved.CSS;
      document.adoptedStyleSheets.splice(0);
    }
  });
});
