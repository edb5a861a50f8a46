/**
 * The Custom Highlight API mechanism: ranges go to `CSS.highlights` under hard-to-guess names,
 * styled by one constructed style sheet. The page's DOM is not touched at all. Only what changed
 * is handed to the browser: a highlight whose ranges are the same as before is left alone, so the
 * browser has nothing to repaint for it.
 */

import { pageScheme } from './page-scheme';
import { createPageStyleSheet } from './page-style-sheet';
import { type PaintBackend, type PaintEntry, priorityOf } from './paint-entry';
import { type HighlightStyle, highlightRules, stylesOfLayer } from './styles';

/** The registry and constructor a backend needs, as a realm offers them. */
export interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

/** The realm's Custom Highlight API, or null where it is missing (or only half there). */
export function highlightApiOf(doc: Document): HighlightApi | null {
  const view = doc.defaultView;
  const registry = view?.CSS?.highlights;
  const HighlightConstructor = view?.Highlight;
  if (!view || !registry || typeof HighlightConstructor !== 'function') return null;
  return { registry, Highlight: HighlightConstructor };
}

/** Creates the backend, or null where the API is missing. */
export function createHighlightRegistryBackend(
  doc: Document,
  pageSchemeRead?: 'light' | 'dark',
): PaintBackend | null {
  const api = highlightApiOf(doc);
  if (!api) return null;
  const { registry, Highlight: HighlightConstructor } = api;

  // A random suffix per painter: a site cannot style (or restyle) our highlights by name in
  // advance, and two painters in one page cannot collide.
  const suffix = Math.random().toString(36).slice(2, 8);
  const nameOf = (style: HighlightStyle, active: boolean) =>
    `counterpoint-claim-${style}${active ? '-active' : ''}-${suffix}`;

  const css: string[] = [];
  const scheme = pageSchemeRead ?? pageScheme(doc);
  for (const style of stylesOfLayer('claims')) {
    for (const active of [false, true])
      css.push(highlightRules(nameOf(style, active), style, active, scheme));
  }
  const sheet = createPageStyleSheet(doc, css.join('\n'));
  const ours = new Map<string, Highlight>();

  function sync(entries: readonly PaintEntry[], activeId: string | null): void {
    const wanted = new Map<string, { ranges: Range[]; priority: number }>();
    for (const entry of entries) {
      const active = entry.id === activeId;
      const name = nameOf(entry.style, active);
      const group = wanted.get(name) ?? { ranges: [], priority: priorityOf(active) };
      group.ranges.push(entry.range);
      wanted.set(name, group);
    }
    for (const [name, group] of wanted) {
      let highlight = ours.get(name);
      if (!highlight) {
        highlight = new HighlightConstructor();
        highlight.priority = group.priority;
        ours.set(name, highlight);
      }
      if (!sameRanges(highlight, group.ranges)) {
        highlight.clear();
        for (const range of group.ranges) highlight.add(range);
      }
      if (registry.get(name) !== highlight) registry.set(name, highlight);
    }
    for (const [name, highlight] of ours) {
      if (wanted.has(name)) continue;
      // Only delete what is still ours: never someone else's entry that took the name.
      if (registry.get(name) === highlight) registry.delete(name);
      ours.delete(name);
    }
    // The style sheet is on the page only while something is painted.
    if (wanted.size > 0) sheet.attach();
    else sheet.detach();
  }

  return {
    mode: 'custom-highlight',
    render: (entries, _previous, activeId) => sync(entries, activeId),
    restyle: (entries, activeId) => sync(entries, activeId),
    destroy: () => sync([], null),
    isWrapper: () => false,
  };
}

/** Whether a highlight holds exactly these ranges (the same objects). */
function sameRanges(highlight: Highlight, ranges: readonly Range[]): boolean {
  if (highlight.size !== ranges.length) return false;
  return ranges.every((range) => highlight.has(range));
}
