import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimPopover } from './ClaimPopover';
import { expectNoAxeViolations, makeNote, SAMPLE_CLAIM } from './test-support';

function renderPopover(overrides: Partial<Parameters<typeof ClaimPopover>[0]> = {}) {
  const props = {
    claim: SAMPLE_CLAIM,
    notes: [],
    onClose: vi.fn(),
    onAddNote: vi.fn(),
    ...overrides,
  };
  return { ...render(<ClaimPopover {...props} />), props };
}

afterEach(cleanup);

describe('ClaimPopover', () => {
  it('is a focusable dialog named by its verdict and summary', () => {
    renderPopover();
    const dialog = screen.getByRole('dialog', {
      name: 'Claim: Misleading Recorded crime rose 12%, not 100%.',
    });
    expect(dialog.tabIndex).toBe(-1);
    expect(screen.getByRole('heading', { level: 2, name: 'Claim: Misleading' })).toBeTruthy();
  });

  it('shows kind, context, counterpoints and sources with publisher and readable date', () => {
    renderPopover();
    expect(screen.getByText('Statement of fact')).toBeTruthy();
    expect(screen.getByText(/counting methods/)).toBeTruthy();
    expect(
      screen.getByText('The statistics office says like-for-like crime rose 12%.'),
    ).toBeTruthy();
    const counterpointSources = screen.getByRole('list', { name: 'Sources for this counterpoint' });
    expect(
      within(counterpointSources).getByRole('link', { name: 'Crime in the city, 2021' }),
    ).toBeTruthy();
    expect(counterpointSources.textContent).toContain('City Police, June 2021');
    const report = screen.getByRole('link', { name: 'Annual report 2021' }).closest('li');
    expect(report?.textContent).toBe('Annual report 2021 — Statistics Office, 8 June 2021');
    expect(report?.querySelector('time')?.getAttribute('datetime')).toBe('2021-06-08');
  });

  it('links only http(s) sources, in a new tab without opener or referrer', () => {
    renderPopover();
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'http://police.example.org/2021',
      'https://stats.example.org/report-2021',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(screen.queryByRole('link', { name: 'Suspicious source' })).toBeNull();
    expect(screen.getByText('Suspicious source').tagName).toBe('SPAN');
  });

  it('calls back on Close and on "Add note to this claim"', () => {
    const { props } = renderPopover();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add note to this claim' }));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onAddNote).toHaveBeenCalledTimes(1);
  });

  it('lists the notes on the claim and opens one', () => {
    const onOpenNote = vi.fn();
    renderPopover({
      notes: [makeNote(), makeNote({ id: 'note-2', body: 'Second *thought*', tags: [] })],
      onOpenNote,
    });
    expect(screen.getByRole('heading', { name: 'Your notes (2)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open note: Second thought' }));
    expect(onOpenNote).toHaveBeenCalledWith('note-2');
  });

  it('leaves out empty sections', () => {
    renderPopover({ claim: { ...SAMPLE_CLAIM, counterpoints: [], sources: [] } });
    expect(screen.queryByRole('heading', { name: 'Counterpoints' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Sources' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Your note/ })).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderPopover({ notes: [makeNote()], onOpenNote: vi.fn() });
    await expectNoAxeViolations(container);
  });
});
