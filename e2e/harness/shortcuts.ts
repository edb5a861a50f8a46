/**
 * Pressing a browser keyboard shortcut (an extension command such as Alt+Shift+H) in Chromium.
 *
 * Playwright's `keyboard.press` gives the page a key event, but the browser's own table of
 * shortcuts never sees it, so extension commands do not fire. A `rawKeyDown` sent through the
 * DevTools protocol with the key's Windows virtual key code travels as a real key press does:
 * the page gets it first and, as it does not handle it, the browser looks it up as a shortcut.
 */

import type { Page } from 'playwright-core';

/** Modifier bits of Input.dispatchKeyEvent. */
const MODIFIER_BITS = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as const;

type Modifier = keyof typeof MODIFIER_BITS;

/** Presses a shortcut written like "Alt+Shift+H" (modifiers, then one letter) on the page. */
export async function pressBrowserShortcut(page: Page, shortcut: string): Promise<void> {
  const parts = shortcut.split('+');
  const letter = (parts.pop() ?? '').toUpperCase();
  if (!/^[A-Z]$/.test(letter)) throw new Error(`not a letter shortcut: ${shortcut}`);
  let modifiers = 0;
  for (const part of parts) {
    const bit = MODIFIER_BITS[part as Modifier];
    if (bit === undefined) throw new Error(`unknown modifier ${part} in ${shortcut}`);
    modifiers |= bit;
  }
  const keyCode = letter.charCodeAt(0);
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const type of ['rawKeyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', {
        type,
        modifiers,
        key: letter,
        code: `Key${letter}`,
        windowsVirtualKeyCode: keyCode,
        nativeVirtualKeyCode: keyCode,
      });
    }
  } finally {
    await cdp.detach();
  }
}
