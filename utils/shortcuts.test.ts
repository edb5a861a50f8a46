import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, matchesShortcut } from './shortcuts';

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
