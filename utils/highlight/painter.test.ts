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
    painter.paint('claims', [{ id: 'c1', range, style: 'misleading' }]);

    expect(painter.mode).toBe('fallback');
    expect(wrappedTexts()).toEqual(['Campaigners counted 301 spills']);
    expect(article.textContent).toBe(before.html && snapshot(article).texts.join(''));
    expect(range.toString()).toBe('Campaigners counted 301 spills');

    painter.clear('claims');
    expect(differences(before, snapshot(article))).toEqual([]);
    expect(range.toString()).toBe('Campaigners counted 301 spills');
  });

  it('wraps each text piece of a range that crosses elements, and restores exactly', () => {
    const before = snapshot(article);
    const quote =
      'report claims that sewage discharges fell by 40% in two years, a figure the regulator disp';
    const range = rangeOfQuote(article, quote);
    painter.paint('claims', [{ id: 'c1', range, style: 'supported' }]);

    expect(wrappedTexts().join('')).toBe(quote);
    // One wrapper per text piece, inside the link and the strong, never around them.
    expect(article.querySelector(`a > ${WRAPPER}`)).not.toBeNull();
    expect(article.querySelector(`strong > ${WRAPPER}`)?.textContent).toBe('disp');
    expect(range.toString()).toBe(quote);

    painter.destroy();
    expect(differences(before, snapshot(article))).toEqual([]);
    expect(range.toString()).toBe(quote);
  });

  it('wraps overlapping ranges once per piece, across layers, and restores in any order', () => {
    const before = snapshot(article);
    const claim = rangeOfQuote(article, 'sewage discharges fell by 40% in two years');
    const note = rangeOfQuote(article, 'fell by 40% in two years, a figure');
    const inner = rangeOfQuote(article, 'by 40%');
    // The note's range is made before claims are painted: tracking keeps it valid meanwhile.
    ownNodes.trackRange(note);
    painter.paint('claims', [
      { id: 'claim', range: claim, style: 'misleading' },
      { id: 'inner', range: inner, style: 'opinion' },
    ]);
    painter.paint('notes', [{ id: 'note', range: note, style: 'note' }]);

    expect(article.querySelectorAll(`${WRAPPER} ${WRAPPER}`)).toHaveLength(0);
    expect(claim.toString()).toBe('sewage discharges fell by 40% in two years');
    expect(note.toString()).toBe('fell by 40% in two years, a figure');
    expect(inner.toString()).toBe('by 40%');

    painter.clear('claims');
    expect(wrappedTexts().join('')).toBe('fell by 40% in two years, a figure');
    expect(claim.toString()).toBe('sewage discharges fell by 40% in two years');

    painter.clear('notes');
    expect(differences(before, snapshot(article))).toEqual([]);

    painter.paint('notes', [{ id: 'note', range: note, style: 'note' }]);
    painter.paint('claims', [{ id: 'claim', range: claim, style: 'misleading' }]);
    painter.clear('notes');
    expect(wrappedTexts().join('')).toBe('sewage discharges fell by 40% in two years');
    painter.clear('claims');
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('keeps the page’s own adjacent text nodes separate', () => {
    const p3 = document.getElementById('p3');
    if (!p3) throw new Error('fixture');
    const before = snapshot(article);
    expect(p3.childNodes).toHaveLength(3);
    const range = rangeOfQuote(p3, 'trust. Or of evid');
    painter.paint('notes', [{ id: 'n', range, style: 'note' }]);
    expect(range.toString()).toBe('trust. Or of evid');
    painter.clear('notes');
    expect(p3.childNodes).toHaveLength(3);
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('replaces a layer when painted again', () => {
    const before = snapshot(article);
    const first = rangeOfQuote(article, 'Officials did not respond');
    const second = rangeOfQuote(article, 'a question of trust');
    painter.paint('claims', [{ id: 'a', range: first, style: 'unsupported' }]);
    painter.paint('claims', [{ id: 'b', range: second, style: 'unsupported' }]);
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
    painter.paint('claims', [{ id: 'wide', range, style: 'opinion' }]);
    expect(p2.querySelector('script')?.firstChild?.nodeType).toBe(3);
    expect(article.querySelector(`tbody > ${WRAPPER}, tr > ${WRAPPER}`)).toBeNull();
    expect(article.querySelectorAll(`td > ${WRAPPER}`)).toHaveLength(4);
    painter.clear('claims');
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('styles wrappers inline and important, with a stronger look when active', () => {
    const range = rangeOfQuote(article, 'Campaigners counted');
    painter.paint('claims', [{ id: 'c', range, style: 'misleading' }]);
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
    painter.paint('claims', [{ id: 'c', range, style: 'no-such-verdict' }]);
    expect(wrappedTexts()).toEqual(['Campaigners counted']);
  });
});

describe('own nodes', () => {
  it('recognises its wrappers by identity, not by tag or attributes the page could copy', () => {
    painter.paint('claims', [
      { id: 'c', range: rangeOfQuote(article, 'Campaigners'), style: 'supported' },
    ]);
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
    painter.clear('claims');
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
      const note = rangeOfQuote(article, 'regulator');
      custom.paint('claims', [{ id: 'c', range: claim, style: 'misleading' }]);
      custom.paint('notes', [{ id: 'n', range: note, style: 'note' }]);

      expect(custom.mode).toBe('custom-highlight');
      expect(differences(before, snapshot(article))).toEqual([]);
      const names = [...registry.keys()];
      expect(names).toHaveLength(2);
      const claimName = names.find((name) => name.startsWith('counterpoint-claim-misleading-'));
      const noteName = names.find((name) => name.startsWith('counterpoint-note-note-'));
      expect(claimName && registry.get(claimName)?.has(claim)).toBe(true);
      const claimPriority = claimName ? (registry.get(claimName)?.priority ?? 0) : 0;
      const notePriority = noteName ? (registry.get(noteName)?.priority ?? 0) : 0;
      expect(notePriority).toBeGreaterThan(claimPriority);
      expect(document.adoptedStyleSheets).toHaveLength(2);
      expect(document.adoptedStyleSheets[0]).toBe(othersSheet);

      custom.setActive('c');
      expect([...registry.keys()].some((name) => name.includes('-misleading-active-'))).toBe(true);

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
      .map(([start, length, isNote]) => ({
        start,
        end: Math.min(total, start + length),
        layer: isNote ? ('notes' as const) : ('claims' as const),
      }));
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (items, notesFirst) => {
          const fresh = loadArticle(document);
          article = fresh;
          const before = snapshot(fresh);
          const registry = createOwnNodeRegistry();
          const local = createPainter(document, { forceFallback: true, ownNodes: registry });
          // All ranges are made on the clean page, before either layer is painted, so the ones
          // painted second must be kept up to date by tracking them.
          const painted = items.map((spec, index) => {
            const range = rangeAt(fresh, spec.start, spec.end);
            registry.trackRange(range);
            return { ...spec, id: `i${index}`, range, text: range.toString() };
          });
          const order = notesFirst
            ? (['notes', 'claims'] as const)
            : (['claims', 'notes'] as const);
          for (const layer of order) {
            local.paint(
              layer,
              painted
                .filter((entry) => entry.layer === layer)
                .map(({ id, range }) => ({ id, range, style: 'supported' })),
            );
          }
          expect(fresh.textContent).toBe(before.texts.join(''));
          for (const entry of painted) expect(entry.range.toString()).toBe(entry.text);
          expect(fresh.querySelectorAll(`${WRAPPER} ${WRAPPER}`)).toHaveLength(0);

          local.clear(order[0]);
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
