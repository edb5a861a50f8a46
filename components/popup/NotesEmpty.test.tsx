/** The notes list's count sentence and empty states on their own. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { plural, t } from '../../utils/i18n';
import { countSentence, EmptyNotes } from './NotesEmpty';

afterEach(cleanup);

describe('countSentence', () => {
  it('says how many are shown of how many, or how many match, or how many there are', () => {
    expect(countSentence(100, 2345, false)).toBe(plural('notes_count_showing', 2345, [100]));
    expect(countSentence(3, 3, true)).toBe(plural('notes_count_matching', 3));
    expect(countSentence(12, 12, false)).toBe(plural('notes_count', 12));
    expect(countSentence(12, 12, false)).not.toBe(countSentence(12, 12, true));
  });
});

describe('EmptyNotes', () => {
  it('offers to clear the filters when nothing matches', () => {
    let cleared = 0;
    render(<EmptyNotes anyNotes filtering articleOnly={false} onClear={() => cleared++} />);
    expect(screen.getByText(t('notes_none_match'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('notes_clear_filters') }));
    expect(cleared).toBe(1);
  });

  it('says how to add a first note when there are none', () => {
    render(<EmptyNotes anyNotes={false} filtering={false} articleOnly onClear={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(t('common_add_note'))).toBeTruthy();
  });
});
