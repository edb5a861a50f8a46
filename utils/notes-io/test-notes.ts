/** Notes for the notes-io tests: realistic defaults, overridable field by field. */
import type { Note } from '../store/types';

let counter = 0;

/** A fresh UUID-shaped id, predictable so failures are easy to read. */
export function testId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** A live note on the test article; pass only the fields a test cares about. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    id: testId(),
    articleKey: '/world/harbour-vote/1234567',
    url: 'https://news.example/world/harbour-vote/1234567',
    articleTitle: 'Council approves harbour expansion',
    target: {
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'the expansion will create 4,000 jobs',
          prefix: 'The mayor said ',
          suffix: ' by 2030.',
        },
        { type: 'TextPositionSelector', start: 1200, end: 1236 },
      ],
    },
    body: 'The port authority figure was 1,200.',
    tags: ['jobs', 'port'],
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}
