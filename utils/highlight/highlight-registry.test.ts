import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlightRegistryBackend, highlightApiOf } from './highlight-registry';
import type { PaintEntry } from './paint-entry';
import { loadArticle, rangeOfQuote } from './test-support';

/** A stand-in for `Highlight` that counts how often its ranges are replaced. */
class CountingHighlight extends Set<AbstractRange> {
  static clears = 0;
  priority = 0;
  override clear(): void {
    CountingHighlight.clears += 1;
    super.clear();
  }
}

const view = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
const saved = { Highlight: view.Highlight, CSS: view.CSS };
let registry: Map<string, CountingHighlight>;
let article: HTMLElement;

beforeEach(() => {
  article = loadArticle(document);
  registry = new Map();
  CountingHighlight.clears = 0;
  view.Highlight = CountingHighlight;
  view.CSS = { ...(view.CSS ?? {}), highlights: registry };
});

afterEach(() => {
  view.Highlight = saved.Highlight;
  view.CSS = saved.CSS;
  document.adoptedStyleSheets.splice(0);
});

function entry(id: string, quote: string, style: PaintEntry['style']): PaintEntry {
  return { id, range: rangeOfQuote(article, quote), style };
}

describe('the Custom Highlight backend', () => {
  it('is not made where the API is missing or half there', () => {
    view.CSS = {};
    expect(highlightApiOf(document)).toBeNull();
    expect(createHighlightRegistryBackend(document)).toBeNull();
    view.CSS = { highlights: registry };
    view.Highlight = undefined;
    expect(createHighlightRegistryBackend(document)).toBeNull();
  });

  it('hands the browser only the highlights whose ranges changed', () => {
    const backend = createHighlightRegistryBackend(document);
    if (!backend) throw new Error('no backend');
    const a = entry('a', 'sewage discharges', 'misleading');
    const b = entry('b', 'question of trust', 'supported');
    backend.render([a, b], [], null);
    expect(registry.size).toBe(2);
    const clearsAfterFirst = CountingHighlight.clears;

    // The same ranges again (as a re-anchoring of an unrelated passage repaints): nothing to do.
    backend.render([a, b], [a, b], null);
    expect(CountingHighlight.clears).toBe(clearsAfterFirst);

    // One passage anchored again: only its highlight is refilled.
    const b2 = entry('b', 'question of trust', 'supported');
    backend.render([a, b2], [a, b], null);
    expect(CountingHighlight.clears).toBe(clearsAfterFirst + 1);
    const supported = [...registry].find(([name]) => name.includes('-supported-'))?.[1];
    expect(supported?.has(b2.range)).toBe(true);
    expect(supported?.has(b.range)).toBe(false);
  });

  it('moves the active highlight to a name of its own, above the rest', () => {
    const backend = createHighlightRegistryBackend(document);
    if (!backend) throw new Error('no backend');
    const a = entry('a', 'sewage discharges', 'misleading');
    const b = entry('b', 'regulator', 'misleading');
    backend.render([a, b], [], null);
    backend.restyle([a, b], 'a');
    const names = [...registry.keys()];
    expect(names).toHaveLength(2);
    const active = names.find((name) => name.includes('-misleading-active-'));
    const rest = names.find((name) => !name.includes('-active-'));
    expect(active && registry.get(active)?.has(a.range)).toBe(true);
    expect(rest && registry.get(rest)?.has(b.range)).toBe(true);
    expect(registry.get(active ?? '')?.priority).toBeGreaterThan(
      registry.get(rest ?? '')?.priority ?? 99,
    );
  });

  it('never deletes an entry someone else put under its name, and leaves no sheet behind', () => {
    const backend = createHighlightRegistryBackend(document);
    if (!backend) throw new Error('no backend');
    backend.render([entry('a', 'sewage discharges', 'opinion')], [], null);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    const [name] = [...registry.keys()];
    const theirs = new CountingHighlight();
    if (name) registry.set(name, theirs);
    backend.destroy([]);
    expect(name && registry.get(name)).toBe(theirs);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
