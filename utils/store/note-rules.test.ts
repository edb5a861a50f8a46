import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../messaging/schemas';
import {
  checkNoteBody,
  checkNoteTags,
  checkNoteText,
  emptyNoteMessage,
  NOTE_MAX_LENGTH,
  NOTE_MAX_TAGS,
  normaliseTags,
  noteBodySchema,
  TAG_MAX_LENGTH,
  tagsFromField,
} from './note-rules';

describe('normaliseTags', () => {
  it('trims, collapses inner whitespace and drops case-insensitive repeats, keeping the first', () => {
    expect(normaliseTags(['Foo', 'foo', 'a  b'])).toEqual(['Foo', 'a b']);
    expect(normaliseTags([' x\t\ny ', 'X Y', '', '   ', 'z'])).toEqual(['x y', 'z']);
  });

  it('reads the editor field the same way', () => {
    expect(tagsFromField(' Crime , stats,, crime,  big   city ,STATS ')).toEqual([
      'Crime',
      'stats',
      'big city',
    ]);
  });

  it('is idempotent and leaves no repeat, empty or padded tag', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 })), (tags) => {
        const once = normaliseTags(tags);
        expect(normaliseTags(once)).toEqual(once);
        const keys = once.map((tag) => tag.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const tag of once) expect(tag).toBe(tag.trim().replace(/\s+/g, ' '));
        for (const tag of once) expect(tag).not.toBe('');
      }),
    );
  });
});

describe('checks', () => {
  it('refuses empty and over-long bodies with the limit in the message', () => {
    expect(checkNoteBody(' \n ')?.message).toBe(emptyNoteMessage());
    expect(checkNoteBody('x'.repeat(NOTE_MAX_LENGTH))).toBeNull();
    const over = checkNoteBody('x'.repeat(NOTE_MAX_LENGTH + 1));
    expect(over?.message).toBe('Notes can be up to 20,000 characters; this one has 20,001.');
    expect(over?.reason).toBe('the note is 20,001 characters long; the limit is 20,000');
  });

  it('allows exactly the tag limits and refuses one more', () => {
    const tags = Array.from({ length: NOTE_MAX_TAGS }, (_, index) => `tag${index}`);
    expect(checkNoteTags(tags)).toBeNull();
    expect(checkNoteTags([...tags, 'more'])?.message).toBe(
      'A note can have up to 20 tags; this one has 21.',
    );
    expect(checkNoteTags(['a'.repeat(TAG_MAX_LENGTH)])).toBeNull();
    expect(checkNoteTags(['a'.repeat(TAG_MAX_LENGTH + 1)])?.reason).toMatch(
      /is 51 characters long; the limit is 50$/,
    );
  });

  it('normalises before counting, so spellings of one tag count once', () => {
    const tags = Array.from({ length: NOTE_MAX_TAGS }, (_, index) => `tag${index}`);
    const result = checkNoteText({ body: 'Text', tags: [...tags, 'TAG0', ' tag1 '] });
    expect(result).toEqual({ ok: true, body: 'Text', tags });
  });

  it('gives the same verdict and message as the request schemas the background applies', () => {
    const schema = requestSchemas['note.update'];
    const body = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom(' ', '\n\t', 'x'.repeat(NOTE_MAX_LENGTH), 'y'.repeat(NOTE_MAX_LENGTH + 3)),
    );
    fc.assert(
      fc.property(body, (text) => {
        const rule = checkNoteBody(text);
        const request = v.safeParse(schema, { id: 'a', body: text, tags: [] });
        const own = v.safeParse(noteBodySchema, text);
        expect(request.success).toBe(rule === null);
        expect(own.success).toBe(rule === null);
        if (!request.success) expect(request.issues[0]?.message).toBe(rule?.message);
        if (!own.success) expect(own.issues[0]?.message).toBe(rule?.message);
      }),
    );
  });
});
