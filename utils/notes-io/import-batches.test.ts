import { describe, expect, it } from 'vitest';
import { exportJsonLd } from './export-jsonld';
import { readAnnotationList } from './import';
import { createImportTally, importBatches } from './import-batches';
import { makeNote, testId } from './test-notes';

const options = { now: '2024-06-01T09:00:00.000Z', newId: testId };

function itemsOf(text: string): unknown[] {
  const list = readAnnotationList(text);
  if (!list.ok) throw new Error(list.error);
  return list.items;
}

describe('importBatches', () => {
  it('yields the new notes a batch at a time and tallies everything left out', () => {
    const stored = makeNote({ body: 'already here' });
    const fresh = Array.from({ length: 5 }, (_, index) => makeNote({ body: `new ${index}` }));
    const items: unknown[] = itemsOf(
      exportJsonLd([stored, ...fresh], { generatedAt: options.now }),
    );
    // An invalid item and a repeat of the first new note, in the last batch.
    items.push({ type: 'Annotation', target: 'https://news.example/only-an-address' });
    items.push(items[1]);
    const tally = createImportTally();

    const batches = [...importBatches(items, [stored], options, tally, 3)];

    expect(batches.map((batch) => batch.map((note) => note.body))).toEqual([
      ['new 0', 'new 1'],
      ['new 2', 'new 3', 'new 4'],
      [],
    ]);
    expect(tally.plan.add).toEqual(batches.flat());
    expect(tally.plan.skipped.map((entry) => [entry.note.body, entry.reason])).toEqual([
      ['already here', 'same-id'],
      ['new 0', 'same-id'],
    ]);
    expect(tally.invalid).toEqual([{ index: 6, reason: expect.stringMatching(/only an address/) }]);
  });

  it('prepares nothing beyond the batch asked for', () => {
    const items = itemsOf(
      exportJsonLd(
        Array.from({ length: 4 }, (_, index) => makeNote({ body: `note ${index}` })),
        { generatedAt: options.now },
      ),
    );
    const tally = createImportTally();
    const batches = importBatches(items, [], options, tally, 2);
    batches.next();
    expect(tally.plan.add).toHaveLength(2);
  });
});
