import { describe, expect, it } from 'vitest';
import { planImport, summariseImport } from './merge';
import { makeNote } from './test-notes';

describe('planImport', () => {
  it('adds notes that are new', () => {
    const existing = [makeNote()];
    const incoming = [makeNote({ body: 'A different thought on the same passage.' })];
    expect(planImport(existing, incoming)).toEqual({ add: incoming, skipped: [] });
  });

  it('skips a note whose id is already taken, whatever its content', () => {
    const mine = makeNote();
    const changed = { ...mine, body: 'Edited elsewhere' };
    expect(planImport([mine], [changed])).toEqual({
      add: [],
      skipped: [{ note: changed, reason: 'same-id' }],
    });
  });

  it('skips the same quote and body on the same article, whitespace aside', () => {
    const mine = makeNote({ body: 'The figure was 1,200.' });
    const again = makeNote({ body: '  The figure\n was   1,200. \n' });
    expect(planImport([mine], [again]).skipped).toEqual([
      { note: again, reason: 'same-quote-and-body' },
    ]);
  });

  it('adds the same quote and body on another article', () => {
    const mine = makeNote();
    const elsewhere = makeNote({ articleKey: '/other/article' });
    expect(planImport([mine], [elsewhere]).add).toEqual([elsewhere]);
  });

  it('adds the same body on another passage', () => {
    const mine = makeNote();
    const otherQuote = makeNote({
      target: { selectors: [{ type: 'TextQuoteSelector', exact: 'a different sentence' }] },
    });
    expect(planImport([mine], [otherQuote]).add).toEqual([otherQuote]);
  });

  it('keeps one of each duplicate inside the file itself', () => {
    const first = makeNote();
    const sameId = { ...first };
    const sameContent = makeNote();
    const plan = planImport([], [first, sameId, sameContent]);
    expect(plan.add).toEqual([first]);
    expect(plan.skipped).toEqual([
      { note: sameId, reason: 'same-id' },
      { note: sameContent, reason: 'same-quote-and-body' },
    ]);
  });

  it('lets a deleted note block its id but not its content', () => {
    const deleted = makeNote({ deletedAt: '2024-05-02T00:00:00.000Z' });
    const sameId = { ...deleted, deletedAt: undefined };
    const sameContent = makeNote();
    const plan = planImport([deleted], [sameId, sameContent]);
    expect(plan.add).toEqual([sameContent]);
    expect(plan.skipped).toEqual([{ note: sameId, reason: 'same-id' }]);
  });
});

describe('summariseImport', () => {
  const note = makeNote();

  it('counts what was added and skipped, with the reasons for invalid items', () => {
    const plan = {
      add: Array.from({ length: 12 }, () => note),
      skipped: Array.from({ length: 3 }, () => ({ note, reason: 'same-id' as const })),
    };
    expect(summariseImport(plan, [{ index: 3, reason: 'it has no target' }])).toBe(
      'Added 12 notes; skipped 3 already present and 1 invalid (item 4: it has no target).',
    );
  });

  it('uses the singular and leaves out empty parts', () => {
    expect(summariseImport({ add: [note], skipped: [] }, [])).toBe('Added 1 note.');
    expect(summariseImport({ add: [], skipped: [{ note, reason: 'same-id' }] }, [])).toBe(
      'Added no notes; skipped 1 already present.',
    );
  });

  it('lists at most three reasons', () => {
    const invalid = Array.from({ length: 5 }, (_, index) => ({ index, reason: `reason ${index}` }));
    expect(summariseImport({ add: [], skipped: [] }, invalid)).toBe(
      'Added no notes; skipped 5 invalid (item 1: reason 0; item 2: reason 1; item 3: reason 2; 2 more).',
    );
  });
});
