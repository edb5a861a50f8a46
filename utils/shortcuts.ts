/**
 * The default keyboard shortcuts, in one place for the manifest (wxt.config.ts), the page's
 * own handlers and what the UI tells the reader.
 *
 * The browser commands (toggle, add note) are suggestions: Chrome leaves a command without a
 * shortcut when the suggestion is one of its own reserved keys (it refuses Alt+Shift+N, for
 * one), and the reader can change them in the browser's shortcut settings. A browser test
 * checks that Chrome assigns every suggestion here. None uses a letter that a browser's menu bar
 * takes with Alt ({@link MENU_ACCESS_KEYS}): Firefox gives Alt+Shift+H to its Help menu, and an
 * add-on command on it never runs.
 */
export const DEFAULT_SHORTCUTS = {
  /** Browser command: turn both highlight layers on or off. */
  toggleHighlights: 'Alt+Shift+U',
  /** Browser command: open the note editor for the selected text. */
  addNote: 'Alt+Shift+M',
  /** Page shortcut: the next claim. */
  nextClaim: 'Alt+Shift+J',
  /** Page shortcut: the previous claim. */
  previousClaim: 'Alt+Shift+K',
} as const;

/**
 * The letters Firefox's menu bar takes with Alt held, with Shift or without, on Linux and
 * Windows: the access keys of its File, Edit, View, History, Bookmarks, Tools and Help menus.
 * A shortcut of ours on Alt+one of them would open that menu instead (seen in Firefox ESR 153:
 * Alt+Shift+H never reached the add-on until `ui.key.menuAccessKey` was 0).
 */
export const MENU_ACCESS_KEYS = 'FEVSBTH';

/**
 * Whether a key event is the given shortcut ("Alt+Shift+J"): the modifiers exactly, and the key
 * by its physical code (Alt changes the character a key types on many layouts).
 */
export function matchesShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
  shortcut: string,
): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1) ?? '';
  const wanted = new Set(parts.slice(0, -1).map((part) => part.toLowerCase()));
  const code = /^[A-Z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : key;
  return (
    event.code === code &&
    event.altKey === wanted.has('alt') &&
    event.shiftKey === wanted.has('shift') &&
    event.ctrlKey === (wanted.has('ctrl') || wanted.has('control')) &&
    event.metaKey === (wanted.has('meta') || wanted.has('command'))
  );
}
