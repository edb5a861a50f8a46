import { beforeEach, describe, expect, it, vi } from 'vitest';
import { insertMarker, type MarkerOptions } from './marker-host';
import { createOwnNodeRegistry, type OwnNodeRegistry } from './own-nodes';
import { createPainter } from './painter';
import { differences, loadArticle, rangeOfQuote, snapshot, textNodes } from './test-support';

let article: HTMLElement;
let ownNodes: OwnNodeRegistry;

beforeEach(() => {
  article = loadArticle(document);
  ownNodes = createOwnNodeRegistry();
});

function options(overrides: Partial<MarkerOptions> = {}): MarkerOptions {
  return {
    label: 'Claim: misleading. Open context',
    kind: 'claim',
    style: 'misleading',
    onActivate: () => {},
    ownNodes,
    ...overrides,
  };
}

/** The text just before a marker host: what a reader has just read when Tab reaches it. */
function textBefore(host: Node): string {
  const all = article.textContent ?? '';
  const range = document.createRange();
  range.setStart(article, 0);
  range.setEndBefore(host);
  return all.slice(0, range.toString().length);
}

describe('insertMarker', () => {
  it('goes right after a passage ending mid text node, and removal restores the DOM exactly', () => {
    const before = snapshot(article);
    const range = rangeOfQuote(article, 'Campaigners counted 301 spills');
    const marker = insertMarker(document, range, options());

    expect(textBefore(marker.host).endsWith('Campaigners counted 301 spills')).toBe(true);
    expect(article.textContent).toBe(before.texts.join(''));
    expect(textNodes(article)).toHaveLength(before.nodes.length + 1);

    marker.remove();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('splits nothing when the passage ends where a text node ends', () => {
    const before = snapshot(article);
    const range = rangeOfQuote(article, 'Ministers say the river is ');
    const marker = insertMarker(document, range, options());
    expect(marker.host.parentElement?.localName).toBe('h1');
    expect(marker.host.previousSibling?.textContent).toBe('Ministers say the river is ');
    expect(textNodes(article)).toHaveLength(before.nodes.length);
    marker.remove();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('goes after the end of the word, so no kerning pair is split', () => {
    const before = snapshot(article);
    const marker = insertMarker(document, rangeOfQuote(article, 'spills last summer'), options());
    expect(textBefore(marker.host).endsWith('spills last summer.')).toBe(true);
    marker.remove();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('goes after a link rather than inside it, even when the passage ends mid-link', () => {
    const before = snapshot(article);
    const link = article.querySelector('a');
    const marker = insertMarker(
      document,
      rangeOfQuote(article, 'that sewage discharges'),
      options(),
    );
    expect(marker.host.previousSibling).toBe(link);
    expect(textNodes(article)).toHaveLength(before.nodes.length);
    marker.remove();
    expect(differences(before, snapshot(article))).toEqual([]);
  });

  it('goes after the last words when a passage ends at the start of the next paragraph', () => {
    const p1 = document.getElementById('p1');
    const p2 = document.getElementById('p2');
    if (!p1 || !p2?.firstChild) throw new Error('fixture');
    const range = rangeOfQuote(article, 'a figure the regulator');
    range.setEnd(p2.firstChild, 0);
    const marker = insertMarker(document, range, options());
    expect(marker.host.parentNode).toBe(p1);
    expect(textBefore(marker.host).endsWith('the regulator disputes.')).toBe(true);
    marker.remove();
  });

  it('holds an accessible button in a closed shadow root', () => {
    const onActivate = vi.fn();
    const marker = insertMarker(
      document,
      rangeOfQuote(article, 'Officials did not respond'),
      options({ onActivate }),
    );
    const { host, button } = marker;
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Claim: misleading. Open context');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    marker.setExpanded(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');

    const pageHeard = vi.fn();
    document.addEventListener('click', pageHeard);
    button.click();
    document.removeEventListener('click', pageHeard);
    // A script's click is not the reader's: it activates nothing (a trusted click does; the
    // browser tests press markers with the real mouse and keyboard).
    expect(onActivate).not.toHaveBeenCalled();
    // The page's own click handlers do not get to act on a click meant for us.
    expect(pageHeard).not.toHaveBeenCalled();
    marker.remove();
  });

  it('reports focus and blur, and ignores hovers a script makes up', () => {
    const onFocus = vi.fn();
    const onBlur = vi.fn();
    const onHover = vi.fn();
    const marker = insertMarker(
      document,
      rangeOfQuote(article, 'Officials'),
      options({ onFocus, onBlur, onHover }),
    );
    marker.button.dispatchEvent(new Event('focus'));
    marker.button.dispatchEvent(new Event('blur'));
    marker.button.dispatchEvent(new Event('pointerenter'));
    marker.button.dispatchEvent(new Event('pointerleave'));
    expect(onFocus).toHaveBeenCalledWith(marker.button);
    expect(onBlur).toHaveBeenCalledWith(marker.button);
    expect(onHover).not.toHaveBeenCalled();
    marker.remove();
  });

  it('registers its host as an own node, and forgets it on removal', () => {
    const marker = insertMarker(document, rangeOfQuote(article, 'Officials'), options());
    expect(ownNodes.has(marker.host)).toBe(true);
    marker.remove();
    expect(ownNodes.has(marker.host)).toBe(false);
    expect(marker.host.isConnected).toBe(false);
  });
});

describe('markers with a fallback painter', () => {
  const quotes = ['report claims that', 'Campaigners counted 301 spills', 'question of'];

  function paintAndMark() {
    const painter = createPainter(document, { forceFallback: true, ownNodes });
    const ranges = quotes.map((quote) => rangeOfQuote(article, quote));
    painter.paint(ranges.map((range, index) => ({ id: `c${index}`, range, style: 'supported' })));
    const markers = ranges.map((range) => insertMarker(document, range, options()));
    return { painter, ranges, markers };
  }

  it('sits outside the wrappers, right after each passage', () => {
    const { painter, markers } = paintAndMark();
    markers.forEach((marker, index) => {
      expect(painter.isOwnNode(marker.host)).toBe(true);
      const parent = marker.host.parentElement;
      expect(parent && painter.isOwnNode(parent)).toBe(false);
      expect(marker.host.localName).toBe('span');
      expect(textBefore(marker.host).endsWith(quotes[index] ?? '')).toBe(true);
    });
    painter.destroy();
    for (const marker of markers) marker.remove();
  });

  it('stays in place while another highlight is painted over the same text', () => {
    const { painter, ranges, markers } = paintAndMark();
    painter.paint([
      ...ranges.map((range, index) => ({ id: `c${index}`, range, style: 'supported' })),
      { id: 'n', range: rangeOfQuote(article, 'counted 301 spills last'), style: 'opinion' },
    ]);
    markers.forEach((marker, index) => {
      expect(textBefore(marker.host).endsWith(quotes[index] ?? '')).toBe(true);
    });
    painter.destroy();
    for (const marker of markers) marker.remove();
  });

  it('restores the DOM exactly whichever is removed first', () => {
    for (const markersFirst of [true, false]) {
      article = loadArticle(document);
      const before = snapshot(article);
      const { painter, markers } = paintAndMark();
      if (markersFirst) {
        for (const marker of markers) marker.remove();
        painter.destroy();
      } else {
        painter.destroy();
        for (const marker of markers) marker.remove();
      }
      expect(differences(before, snapshot(article))).toEqual([]);
      expect(ownNodes.rejoinSplits()).toBe(0);
    }
  });

  it('keeps painted ranges on their text when a marker inside one is removed', () => {
    // A marker placed mid-passage splits a text node the painter also holds ranges in.
    const painter = createPainter(document, { ownNodes });
    const range = rangeOfQuote(article, 'Campaigners counted 301 spills last summer');
    painter.paint([{ id: 'c', range, style: 'opinion' }]);
    const marker = insertMarker(document, rangeOfQuote(article, 'Campaigners counted'), options());
    expect(range.toString()).toBe('Campaigners counted 301 spills last summer');
    marker.remove();
    expect(range.toString()).toBe('Campaigners counted 301 spills last summer');
    painter.destroy();
  });
});

describe('keys on a marker', () => {
  it('keeps Enter and Space to itself, and lets Escape and the page shortcuts reach the document', () => {
    const article = loadArticle(document);
    const marker = insertMarker(document, rangeOfQuote(article, 'Officials'), options());
    const heard: string[] = [];
    const listen = (event: KeyboardEvent) => heard.push(event.key);
    document.addEventListener('keydown', listen);
    for (const key of ['Enter', ' ', 'Escape', 'J']) {
      marker.button.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
      );
    }
    document.removeEventListener('keydown', listen);
    expect(heard).toEqual(['Escape', 'J']);
    marker.remove();
  });
});
