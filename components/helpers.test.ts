import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatTimestamp } from './dates';
import { safeHttpUrl } from './links';
import { excerptOfNote, quoteOfNote } from './note-text';
import { parseTags } from './tags';
import { localTime, makeNote } from './test-support';

describe('formatPartialDate', () => {
  it.each([
    ['2021', '2021'],
    ['2021-06', 'June 2021'],
    ['2021-06-08', '8 June 2021'],
    ['1999-12-31', '31 December 1999'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatPartialDate(input)).toBe(expected);
  });

  it.each(['', 'June 2021', '2021-13', '2021-06-00', '2021-6-8', '2021-06-08T10:00'])(
    'returns %j as given',
    (input) => {
      expect(formatPartialDate(input)).toBe(input);
    },
  );
});

describe('formatTimestamp', () => {
  it('formats in local time with a 24-hour clock', () => {
    expect(formatTimestamp(localTime(2024, 0, 9, 7, 3))).toBe('9 January 2024, 07:03');
  });

  it('returns nonsense as given', () => {
    expect(formatTimestamp('not a time')).toBe('not a time');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['  http://example.org ', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/X', 'https://example.org/X'],
  ])('accepts %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    '/relative/path',
    '//example.org/protocol-relative',
    '',
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, collapses spaces and drops empties and repeats', () => {
    expect(parseTags(' Crime , stats,, crime,  big   city ,STATS ')).toEqual({
      tags: ['Crime', 'stats', 'big city'],
      error: null,
    });
    expect(parseTags('')).toEqual({ tags: [], error: null });
  });

  it('allows exactly the limits and refuses one more', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => `tag${index}`);
    expect(parseTags(twenty.join(',')).error).toBeNull();
    expect(parseTags([...twenty, 'one-more'].join(',')).error).toBe(
      'A note can have up to 20 tags; this one has 21.',
    );
    expect(parseTags('a'.repeat(50)).error).toBeNull();
    expect(parseTags('a'.repeat(51)).error).toMatch(
      /^Tags can be up to 50 characters; .* has 51\.$/,
    );
  });
});

describe('note text', () => {
  it('finds the quoted passage and a plain one-line excerpt', () => {
    const note = makeNote({
      body: '**Bold** start\nand `code` and a long tail that goes on and on and on',
    });
    expect(quoteOfNote(note)).toBe('crime doubled last year');
    expect(excerptOfNote(note, 30)).toBe('Bold start and code and a lon…');
    expect(quoteOfNote(makeNote({ target: { selectors: [] } }))).toBe('');
  });
});
