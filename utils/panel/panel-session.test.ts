import { describe, expect, it } from 'vitest';
import { randomNoteId } from './panel-session';

describe('randomNoteId', () => {
  it('makes a version 4 UUID from getRandomValues alone (no secure context needed)', () => {
    const source = { getRandomValues: <T extends ArrayBufferView>(array: T): T => array };
    expect(randomNoteId(source)).toBe('00000000-0000-4000-8000-000000000000');
    const ids = new Set(Array.from({ length: 50 }, () => randomNoteId(crypto)));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
