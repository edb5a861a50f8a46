/**
 * Whether the extension behind this content script still runs. WXT invalidates a content
 * script's context when a DOM event says a newer copy started; a page can dispatch that event
 * (its name is announced by WXT's own `postMessage`), so the event alone proves nothing. A
 * content script whose extension was reloaded or removed loses its runtime: that is the proof.
 */
import type { Browser } from '../browser';

/** True while the extension's runtime answers (its id is there). */
export function extensionAlive(browser: Pick<Browser, 'runtime'>): boolean {
  try {
    return typeof browser.runtime?.id === 'string' && browser.runtime.id !== '';
  } catch {
    // Touching a dead extension's API can throw.
    return false;
  }
}
