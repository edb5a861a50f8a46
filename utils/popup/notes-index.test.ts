import { describe, expect, it } from 'vitest';
import { makeNote } from '../notes-io/test-notes';
import type { Note } from '../store/types';
import {
  addNotes,
  applyChangedNotes,
  buildNotesIndex,
  groupByArticle,
  limitGroups,
  queryNotes,
  replaceNote,
  searchTerms,
  tagCounts,
} from './notes-index';

function quoted(exact: string): Note['target'] {
  return { selectors: [{ type: 'TextQuoteSelector', exact }] };
}

const harbour = makeNote({
  id: 'a',
  body: 'The port authority figure was **1,200**.',
  tags: ['Jobs', 'port'],
  modified: '2024-05-03T10:00:00.000Z',
});
const vaccine = makeNote({
  id: 'b',
  articleKey: '/vaccines',
  articleTitle: 'Vaccine exports',
  url: 'https://news.example/vaccines',
  target: quoted('the US still prohibits the export of the vaccine'),
  body: 'Export ban was lifted in May.',
  tags: ['trade'],
  modified: '2024-05-01T10:00:00.000Z',
});
const second = makeNote({
  id: 'c',
  body: 'Ask the council for the minutes.',
  tags: ['jobs'],
  modified: '2024-05-02T10:00:00.000Z',
});
const deleted = makeNote({ id: 'd', body: 'gone', deletedAt: '2024-05-04T10:00:00.000Z' });
const index = buildNotesIndex([harbour, vaccine, second, deleted]);

const ids = (notes: readonly Note[]) => notes.map((note) => note.id);

describe('queryNotes', () => {
  it('lists every live note newest first by last change, leaving deleted notes out', () => {
    expect(ids(queryNotes(index, { search: '', tag: '', sort: 'newest' }))).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(ids(queryNotes(index, { search: '', tag: '', sort: 'oldest' }))).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('searches note text, quoted passages and tags, ignoring case', () => {
    expect(ids(queryNotes(index, { search: 'MINUTES', tag: '', sort: 'newest' }))).toEqual(['c']);
    expect(ids(queryNotes(index, { search: 'prohibits', tag: '', sort: 'newest' }))).toEqual(['b']);
    expect(ids(queryNotes(index, { search: 'trade', tag: '', sort: 'newest' }))).toEqual(['b']);
    expect(ids(queryNotes(index, { search: 'gone', tag: '', sort: 'newest' }))).toEqual([]);
  });

  it("finds notes by their article's headline too", () => {
    expect(ids(queryNotes(index, { search: 'vaccine exports', tag: '', sort: 'newest' }))).toEqual([
      'b',
    ]);
  });

  it('needs every word of the search, in any order', () => {
    expect(ids(queryNotes(index, { search: 'minutes  ask', tag: '', sort: 'newest' }))).toEqual([
      'c',
    ]);
    expect(ids(queryNotes(index, { search: 'minutes vaccine', tag: '', sort: 'newest' }))).toEqual(
      [],
    );
    expect(searchTerms('  Two   Words ')).toEqual(['two', 'words']);
  });

  it('filters by tag without regard to case, together with the search', () => {
    expect(ids(queryNotes(index, { search: '', tag: 'jobs', sort: 'newest' }))).toEqual(['a', 'c']);
    expect(ids(queryNotes(index, { search: 'port', tag: 'JOBS', sort: 'newest' }))).toEqual(['a']);
  });
});

describe('groupByArticle', () => {
  it('keeps the order of the notes and puts the article of the newest note first', () => {
    const groups = groupByArticle(
      queryNotes(index, { search: '', tag: '', sort: 'newest' }),
      'newest',
    );
    expect(groups.map((group) => [group.articleTitle, ids(group.notes)])).toEqual([
      ['Council approves harbour expansion', ['a', 'c']],
      ['Vaccine exports', ['b']],
    ]);
  });

  it('orders articles by headline for "by article"', () => {
    const zebra = makeNote({ id: 'z', articleKey: '/z', articleTitle: 'zebra crossing' });
    const apple = makeNote({ id: 'y', articleKey: '/y', articleTitle: 'Apple harvest' });
    const groups = groupByArticle([zebra, apple], 'article');
    expect(groups.map((group) => group.articleTitle)).toEqual(['Apple harvest', 'zebra crossing']);
  });

  it('limits a long list to the first notes, cutting the last group short', () => {
    const groups = groupByArticle(
      queryNotes(index, { search: '', tag: '', sort: 'newest' }),
      'newest',
    );
    const limited = limitGroups(groups, 1);
    expect(limited.map((group) => ids(group.notes))).toEqual([['a']]);
    expect(limitGroups(groups, 3)).toEqual(groups);
  });
});

describe('tags and updates', () => {
  it('counts tags case-insensitively, most used first, spelled as first seen', () => {
    expect(tagCounts(index)).toEqual([
      { tag: 'Jobs', count: 2 },
      { tag: 'port', count: 1 },
      { tag: 'trade', count: 1 },
    ]);
  });

  it('replaces an edited note and drops a deleted one', () => {
    const edited = { ...second, body: 'new' };
    expect(replaceNote([harbour, second], 'c', edited)).toEqual([harbour, edited]);
    expect(replaceNote([harbour, second], 'c', null)).toEqual([harbour]);
    expect(replaceNote([harbour, second], 'c', { ...second, deletedAt: 'x' })).toEqual([harbour]);
  });

  it('adds imported notes newest first, leaving out ones already listed and deleted ones', () => {
    const at = (day: number) => `2024-05-0${day}T10:00:00.000Z`;
    const listed = [makeNote({ id: 'b', modified: at(4) }), makeNote({ id: 'd', modified: at(2) })];
    const imported = [
      makeNote({ id: 'a', modified: at(5) }),
      makeNote({ id: 'c', modified: at(3) }),
      makeNote({ id: 'b', modified: at(9), body: 'an older copy of a listed note' }),
      makeNote({ id: 'e', modified: at(1), deletedAt: at(6) }),
    ];
    expect(ids(addNotes(listed, imported))).toEqual(['a', 'b', 'c', 'd']);
    expect(addNotes(listed, [])).toEqual(listed);
  });

  it('answers a search over 10,000 notes from memory', () => {
    const many = Array.from({ length: 10_000 }, (_, n) =>
      makeNote({
        id: `n${n}`,
        articleKey: `/a${n % 500}`,
        body: n === 7777 ? 'the needle' : `note number ${n}`,
        modified: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
      }),
    );
    const big = buildNotesIndex(many);
    expect(ids(queryNotes(big, { search: 'needle', tag: '', sort: 'newest' }))).toEqual(['n7777']);
    expect(
      groupByArticle(queryNotes(big, { search: '', tag: '', sort: 'newest' }), 'newest'),
    ).toHaveLength(500);
  });
});

describe('applying a change record to the list', () => {
  const a = makeNote({ id: 'a', body: 'one', modified: '2024-05-01T10:00:00.000Z' });
  const b = makeNote({ id: 'b', body: 'two', modified: '2024-05-02T10:00:00.000Z' });
  const c = makeNote({ id: 'c', body: 'three', modified: '2024-05-03T10:00:00.000Z' });

  it('replaces, adds and removes only the notes the record names', () => {
    const list = [b, a];
    const edited = { ...a, body: 'one, edited' };
    const result = applyChangedNotes(list, ['a', 'c', 'b'], [edited, c]);
    expect(result.map((note) => note.id)).toEqual(['c', 'a']);
    expect(result.find((note) => note.id === 'a')?.body).toBe('one, edited');
    // Rows the record does not name are the same objects as before.
    const untouched = applyChangedNotes(list, ['c'], [c]);
    expect(untouched[1]).toBe(b);
    expect(untouched[2]).toBe(a);
  });

  it('drops a note found deleted, and ignores found notes the record does not name', () => {
    const gone = { ...a, deletedAt: '2024-05-05T10:00:00.000Z' };
    expect(applyChangedNotes([b, a], ['a'], [gone, c])).toEqual([b]);
  });
});
