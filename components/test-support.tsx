/**
 * Shared by the component tests: sample pack data and notes, and an axe check.
 *
 * axe runs in happy-dom for structure (names, roles, ARIA, list and heading rules). happy-dom
 * does no layout, so colour contrast comes back "incomplete" rather than failed; it is disabled
 * here, covered by the palette test in styles.test.ts and by axe in the browser tests.
 */
import axe from 'axe-core';
import { expect } from 'vitest';
import type { Claim, Source } from '../utils/packs/types';
import type { Note } from '../utils/store/types';

/** A source with a good https URL. */
export const REPORT_SOURCE: Source = {
  id: 'report',
  title: 'Annual report 2021',
  titleKind: 'description',
  publisher: 'Statistics Office',
  date: '2021-06-08',
  url: 'https://stats.example.org/report-2021',
};

/** A source whose URL must never become a link. */
export const SCRIPT_SOURCE: Source = {
  id: 'script',
  title: 'Suspicious source',
  titleKind: 'description',
  publisher: 'Nobody',
  date: '2020',
  url: 'javascript:alert(1)',
};

/** A source that only a counterpoint cites, with its headline as published. */
export const POLICE_SOURCE: Source = {
  id: 'police',
  title: 'Crime in the city, 2021',
  titleKind: 'headline',
  publisher: 'City Police',
  date: '2021-06',
  url: 'http://police.example.org/2021',
};

/** A claim with counterpoints and sources, one of them unsafe. */
export const SAMPLE_CLAIM: Claim = {
  id: 'claim-1',
  quote: { exact: 'crime doubled last year', prefix: 'The mayor said ', suffix: ' in the city' },
  kind: 'factual',
  verdict: 'misleading',
  summary: 'Recorded crime rose 12%, not 100%.',
  context:
    'The figure compares two different counting methods. Police changed how they log reports.',
  counterpoints: [
    {
      text: 'The statistics office says like-for-like crime rose 12%.',
      sources: ['police', 'report'],
    },
  ],
  sources: [REPORT_SOURCE, SCRIPT_SOURCE, POLICE_SOURCE],
};

/** An ISO time built from local parts, so formatted dates do not depend on the time zone. */
export function localTime(year: number, monthIndex: number, day: number, hour = 9, minute = 30) {
  return new Date(year, monthIndex, day, hour, minute).toISOString();
}

/** A note, with any fields overridden. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    id: 'note-1',
    articleKey: 'article-1',
    url: 'https://news.example.com/story',
    articleTitle: 'A story',
    target: {
      selectors: [
        { type: 'TextQuoteSelector', exact: 'crime doubled last year', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 10, end: 33 },
      ],
    },
    body: 'Check the **police** numbers.',
    tags: ['crime', 'stats'],
    created: localTime(2024, 2, 5, 14, 7),
    modified: localTime(2024, 2, 5, 14, 7),
    ...overrides,
  };
}

/** Fails the test with the ids of any axe violations in `container` (contrast excluded, see above). */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}
