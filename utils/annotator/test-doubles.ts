/**
 * Test doubles for the in-page controllers: an overlay and a popover frame that record what
 * they are told (and let a test act as the reader in the frame), the article fixture, and notes
 * on its text.
 */
import { ARTICLE_URL, readFixture } from '../../e2e/fixtures';
import type { PanelEvent, PanelView } from '../messaging/panel-protocol';
import type { NoteAnchor } from '../messaging/protocol';
import { recogniseArticle } from '../page/recognise';
import type { OverlayHost, OverlayState } from './overlay-state';
import type { PanelFrame, ShowOptions } from './panel-frame';

/** An overlay that records what it was asked to draw, instead of drawing it. */
export function recordingOverlay() {
  const drawn: OverlayState[] = [];
  const createOverlay = (doc: Document): OverlayHost => {
    const host = doc.createElement('div');
    doc.documentElement.append(host);
    return {
      render: (props) => drawn.push(props),
      isHost: (node) => node === host,
      contains: () => false,
      destroy: () => host.remove(),
    };
  };
  return { createOverlay, drawn, last: () => drawn.at(-1) };
}

/** A popover frame that records what it is told to show, and lets a test act as the reader in it. */
export function fakePanel() {
  const shown: { view: PanelView; options: ShowOptions }[] = [];
  let open = false;
  let emit: (event: PanelEvent) => void = () => undefined;
  const create = (deps: { onEvent(event: PanelEvent): void }): PanelFrame => {
    emit = deps.onEvent;
    return {
      show(view, options) {
        open = true;
        shown.push({ view, options });
      },
      hide() {
        open = false;
      },
      isOpen: () => open,
      isHost: () => false,
      contains: () => false,
      destroy() {
        open = false;
      },
    };
  };
  return {
    create,
    shown,
    isOpen: () => open,
    last: () => shown.at(-1),
    emit: (e: PanelEvent) => emit(e),
  };
}

/** Loads the article fixture into the document and recognises it. */
export function loadArticle() {
  document.documentElement.innerHTML = readFixture('article.html')
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '');
  const recognition = recogniseArticle(document, ARTICLE_URL);
  if (!recognition) throw new Error('fixture not recognised');
  return recognition;
}

/**
 * `count` notes on 40-character stretches of the article's own text, spread over its words, so
 * every one can be placed; the n-th (from `from`) is `<idPrefix>-<n>`.
 */
export function notesOnArticle(
  body: Element,
  count: number,
  { from = 0, idPrefix = 'note' }: { from?: number; idPrefix?: string } = {},
): NoteAnchor[] {
  const text = (body.textContent ?? '').replace(/\s+/g, ' ');
  const words = [...text.matchAll(/\S+/g)].map((match) => match.index ?? 0);
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    const start = words[(n * 7) % (words.length - 12)] ?? 0;
    const exact = text.slice(start, start + 40).trim();
    return {
      id: `${idPrefix}-${n}`,
      target: {
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: text.slice(Math.max(0, start - 20), start),
            suffix: text.slice(start + exact.length, start + exact.length + 20),
          },
        ],
      },
    };
  });
}
