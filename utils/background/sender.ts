/**
 * Who sent a request to the background, worked out from the browser's sender record (never from
 * the message), and what each kind of sender may ask.
 */

import type { Runtime } from '../browser';
import { PANEL_PAGE } from '../messaging/panel-protocol';
import {
  CONTENT_REQUESTS,
  EXTENSION_PAGE_REQUESTS,
  FRAME_REQUESTS,
  type MessageType,
} from '../messaging/protocol';
import { isGlobalResearchHost } from '../page/article-path';

/**
 * Who sent a request: the content script of an article tab (the page-side layer, which may know
 * where notes are but never what they say), the popover frame inside such a tab (an extension
 * page: it reads and writes the notes of its own tab's article), or another extension page (the
 * popup, the notes manager), which may touch any note.
 */
export type Sender =
  | { kind: 'content'; tabId: number; url: URL }
  | { kind: 'frame'; tabId: number }
  | { kind: 'extension-page' }
  | { kind: 'unknown' };

/** What each kind of sender may ask (the direction maps of `protocol.ts`). */
export const ALLOWED: Record<Exclude<Sender['kind'], 'unknown'>, ReadonlySet<MessageType>> = {
  content: new Set(CONTENT_REQUESTS),
  frame: new Set(FRAME_REQUESTS),
  'extension-page': new Set(EXTENSION_PAGE_REQUESTS),
};

/** Requests of the page-side layer alone: they need the page's article to be known. */
export const CONTENT_ONLY: ReadonlySet<MessageType> = new Set(
  CONTENT_REQUESTS.filter(
    (type) =>
      !(FRAME_REQUESTS as readonly MessageType[]).includes(type) &&
      !(EXTENSION_PAGE_REQUESTS as readonly MessageType[]).includes(type),
  ),
);

/** Who sent this, given our extension's id and its pages' origin (`runtime.getURL('/')`). */
export function classifySender(
  sender: Runtime.MessageSender,
  extension: { id: string; origin: string },
): Sender {
  if (sender.id !== undefined && sender.id !== extension.id) return { kind: 'unknown' };
  const url = safeUrl(sender.url);
  if (!url) return { kind: 'unknown' };
  const tabId = sender.tab?.id;
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  if (url.href.startsWith(extension.origin)) {
    // Our own page inside a tab's frame is the popover frame of that tab's article.
    if (tabId !== undefined && !topFrame && url.pathname === PANEL_PAGE) {
      return { kind: 'frame', tabId };
    }
    return { kind: 'extension-page' };
  }
  if (tabId !== undefined && topFrame && isGlobalResearchHost(url.hostname)) {
    return { kind: 'content', tabId, url };
  }
  return { kind: 'unknown' };
}

/**
 * Who wrote a change, for the change feed: a tab (its content script and its popover frame
 * share one id), or the extension page that named itself.
 */
function writerOf(sender: Sender, payload: unknown): string | undefined {
  if (sender.kind === 'content' || sender.kind === 'frame') return `tab:${sender.tabId}`;
  const named = (payload as { writer?: unknown }).writer;
  return typeof named === 'string' ? named : undefined;
}

/** The change record's `writer` field for this request, or nothing when no writer is known. */
export function withWriter(sender: Sender, payload: unknown): { writer?: string } {
  const writer = writerOf(sender, payload);
  return writer ? { writer } : {};
}

/** An address as a URL, or null when it is missing or not one. */
export function safeUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
