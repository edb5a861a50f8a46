/**
 * The default keyboard shortcuts, in one place for the manifest (wxt.config.ts), the page's
 * own handlers and what the UI tells the reader.
 *
 * The browser commands (toggle, add note) are suggestions: Chrome leaves a command without a
 * shortcut when the suggestion is one of its own reserved keys (it refuses Alt+Shift+N, for
 * one), and the reader can change them in the browser's shortcut settings. A browser test
 * checks that Chrome assigns every suggestion here.
 */
export const DEFAULT_SHORTCUTS = {
  /** Browser command: turn both highlight layers on or off. */
  toggleHighlights: 'Alt+Shift+H',
  /** Browser command: open the note editor for the selected text. */
  addNote: 'Alt+Shift+M',
  /** Page shortcut: the next claim. */
  nextClaim: 'Alt+Shift+J',
  /** Page shortcut: the previous claim. */
  previousClaim: 'Alt+Shift+K',
} as const;
