import { describe, expect, it } from 'vitest';
import { exportJsonLd } from './export-jsonld';
import { makeNote } from './test-notes';

const generatedAt = '2024-06-01T09:00:00.000Z';

describe('exportJsonLd', () => {
  it('writes a Web Annotation collection with the notes on its first page', () => {
    const note = makeNote({ claimId: 'claim-3' });
    const text = exportJsonLd([note], { generatedAt, label: 'My harbour notes' });
    expect(JSON.parse(text)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'My harbour notes',
      total: 1,
      generated: generatedAt,
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: `urn:uuid:${note.id}`,
            type: 'Annotation',
            motivation: 'commenting',
            created: note.created,
            modified: note.modified,
            body: [
              {
                type: 'TextualBody',
                value: note.body,
                format: 'text/markdown',
                purpose: 'commenting',
              },
              { type: 'TextualBody', value: 'jobs', purpose: 'tagging' },
              { type: 'TextualBody', value: 'port', purpose: 'tagging' },
            ],
            target: {
              source: note.url,
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'the expansion will create 4,000 jobs',
                  prefix: 'The mayor said ',
                  suffix: ' by 2030.',
                },
                { type: 'TextPositionSelector', start: 1200, end: 1236 },
              ],
            },
            counterpoint: {
              articleKey: note.articleKey,
              articleTitle: note.articleTitle,
              claimId: 'claim-3',
            },
          },
        ],
      },
    });
  });

  it('pretty-prints', () => {
    const text = exportJsonLd([makeNote()], { generatedAt });
    expect(text).toMatch(/^\{\n {2}"@context": "http:\/\/www\.w3\.org\/ns\/anno\.jsonld",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('never writes soft-deleted notes, and counts only the others', () => {
    const kept = makeNote();
    const deleted = makeNote({ deletedAt: '2024-05-02T00:00:00.000Z' });
    const collection = JSON.parse(exportJsonLd([deleted, kept], { generatedAt }));
    expect(collection.total).toBe(1);
    expect(collection.first.items.map((item: { id: string }) => item.id)).toEqual([
      `urn:uuid:${kept.id}`,
    ]);
    expect(JSON.stringify(collection)).not.toContain(deleted.id);
  });

  it('writes an empty collection without a first page, under the default label', () => {
    expect(JSON.parse(exportJsonLd([], { generatedAt }))).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Counterpoint notes',
      total: 0,
      generated: generatedAt,
    });
  });

  it('copies only selector data, not stray properties', () => {
    // A variable, not a literal, so TypeScript lets the stray property through as real data could.
    const withStray = { type: 'TextQuoteSelector' as const, exact: 'jobs', extra: 'stray' };
    const text = exportJsonLd([makeNote({ target: { selectors: [withStray] } })], { generatedAt });
    expect(text).not.toContain('stray');
    expect(text).toContain('"exact": "jobs"');
  });
});
