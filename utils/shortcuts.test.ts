import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, MENU_ACCESS_KEYS, matchesShortcut } from './shortcuts';

const key = (
  code: string,
  modifiers: Partial<Record<'alt' | 'shift' | 'ctrl' | 'meta', boolean>>,
) => ({
  code,
  altKey: modifiers.alt ?? false,
  shiftKey: modifiers.shift ?? false,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
});

describe('DEFAULT_SHORTCUTS', () => {
  it('puts no shortcut on Alt with a letter a browser menu takes, and no two on one key', () => {
    const shortcuts = Object.values(DEFAULT_SHORTCUTS);
    for (const shortcut of shortcuts) {
      const letter = shortcut.split('+').at(-1) ?? '';
      if (shortcut.startsWith('Alt+')) expect(MENU_ACCESS_KEYS, shortcut).not.toContain(letter);
    }
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });
});

describe('matchesShortcut', () => {
  it('matches the page shortcuts by physical key and exact modifiers', () => {
    expect(
      matchesShortcut(key('KeyJ', { alt: true, shift: true }), DEFAULT_SHORTCUTS.nextClaim),
    ).toBe(true);
    expect(
      matchesShortcut(key('KeyK', { alt: true, shift: true }), DEFAULT_SHORTCUTS.previousClaim),
    ).toBe(true);
  });

  it('refuses another key, a missing modifier or an extra one', () => {
    expect(
      matchesShortcut(key('KeyK', { alt: true, shift: true }), DEFAULT_SHORTCUTS.nextClaim),
    ).toBe(false);
    expect(matchesShortcut(key('KeyJ', { alt: true }), DEFAULT_SHORTCUTS.nextClaim)).toBe(false);
    expect(
      matchesShortcut(
        key('KeyJ', { alt: true, shift: true, ctrl: true }),
        DEFAULT_SHORTCUTS.nextClaim,
      ),
    ).toBe(false);
  });

  it('reads whatever shortcut it is given, not only the defaults', () => {
    expect(matchesShortcut(key('Digit1', { ctrl: true }), 'Ctrl+1')).toBe(true);
  });
});
