/**
 * The popover frame in Firefox, as the browser tests meet it: found over WebDriver BiDi (it
 * sits in a closed shadow root the page cannot reach) and read by role and accessible name, as
 * a screen reader would.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';
import { waitUntil } from './wait';

/** The popover frame of a page, once the content script has created it. */
export async function waitForPopoverFrame(session: FirefoxSession, page: Page): Promise<Frame> {
  let frame: Frame | null = null;
  await waitUntil(
    async () => {
      frame = await session.popoverFrame(page);
      return frame !== null;
    },
    (found) => found,
    { what: 'the popover frame' },
  );
  if (!frame) throw new Error('no popover frame');
  return frame;
}

/** The open dialog in the popover frame: its accessible name, text, and where focus is. */
export interface FrameDialog {
  name: string;
  text: string;
  /** The frame has focus and it is in the dialog. */
  focused: boolean;
  /** The accessible name of the focused element in the frame. */
  focusedName: string;
}

/** The dialog the popover frame shows, or null when none is shown. */
export function frameDialog(frame: Frame): Promise<FrameDialog | null> {
  return frame.evaluate(() => {
    const nameOf = (element: Element | null): string => {
      if (!element) return '';
      const label = element.getAttribute('aria-label');
      if (label) return label;
      const ids = element.getAttribute('aria-labelledby');
      if (ids) {
        return ids
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
      }
      const labels = (element as HTMLTextAreaElement).labels;
      return labels?.[0]?.textContent?.trim() ?? '';
    };
    const dialog = document.querySelector('[role="dialog"]');
    if (!dialog || dialog.getClientRects().length === 0) return null;
    const active = document.activeElement;
    return {
      name: nameOf(dialog),
      text: dialog.textContent ?? '',
      focused: document.hasFocus() && active !== null && dialog.contains(active),
      focusedName: nameOf(active),
    };
  });
}
