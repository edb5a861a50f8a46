import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AboutEntry } from '../utils/packs/types';
import { ReadingGuide, type ReadingGuideProps } from './ReadingGuide';
import { expectNoAxeViolations, REPORT_SOURCE, SCRIPT_SOURCE } from './test-support';

afterEach(cleanup);

const PUBLISHER: AboutEntry = {
  id: 'publisher',
  name: 'Global Research',
  role: 'publisher',
  summary: 'A website based in Montreal.',
  details: ['Founded in 2001.'],
  unverified: ['Who funds it.'],
  sources: [REPORT_SOURCE, SCRIPT_SOURCE],
};

function renderGuide(overrides: Partial<ReadingGuideProps> = {}) {
  const props: ReadingGuideProps = {
    claimCounts: { misleading: 5, supported: 4, opinion: 3, unsupported: 0 },
    anchoredClaims: 12,
    totalClaims: 12,
    about: [PUBLISHER],
    onNext: vi.fn(),
    onPrevious: vi.fn(),
    onShowNotes: vi.fn(),
    shortcuts: { next: 'Alt+Shift+K', previous: 'Alt+Shift+J' },
    ...overrides,
  };
  return { ...render(<ReadingGuide {...props} />), props };
}

describe('ReadingGuide', () => {
  it('keeps only its stepping buttons beside a popover, still named Counterpoint', () => {
    renderGuide({ compact: true });
    const guide = screen.getByRole('region', { name: 'Counterpoint' });
    expect(
      within(guide)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['‹ Previous claim', 'Next claim ›']);
    expect(within(guide).queryByText('12 claims checked')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Claims by verdict' })).toBeNull();
  });

  it('counts the claims and lists verdicts in VERDICTS order, skipping zeros', () => {
    renderGuide();
    const guide = screen.getByRole('region', { name: 'Counterpoint' });
    expect(within(guide).getByText('12 claims checked')).toBeTruthy();
    const chips = within(screen.getByRole('list', { name: 'Claims by verdict' })).getAllByRole(
      'listitem',
    );
    expect(chips.map((chip) => chip.textContent)).toEqual([
      '✓Supported: 4',
      '!Misleading: 5',
      '❝Opinion: 3',
    ]);
    expect(screen.queryByText(/found on this page/)).toBeNull();
  });

  it('says how many claims were found when some were not', () => {
    renderGuide({ anchoredClaims: 10 });
    expect(screen.getByText('10 found on this page')).toBeTruthy();
  });

  it('steps between claims, showing the shortcuts', () => {
    const { props } = renderGuide();
    const next = screen.getByRole('button', { name: 'Next claim' });
    const previous = screen.getByRole('button', { name: 'Previous claim' });
    expect(next.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+K');
    expect(previous.getAttribute('title')).toBe('Previous claim (Alt+Shift+J)');
    fireEvent.click(next);
    fireEvent.click(previous);
    expect(props.onNext).toHaveBeenCalledTimes(1);
    expect(props.onPrevious).toHaveBeenCalledTimes(1);
  });

  it('offers the reader’s notes without saying anything about them, not even how many', () => {
    const { props, container } = renderGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Your notes on this article' }));
    expect(props.onShowNotes).toHaveBeenCalledTimes(1);
    // The guide lives in the page: no note count, no note text, whatever the reader has.
    expect(container.textContent).not.toMatch(/\d+ notes?|could not be placed/);
  });

  it('opens and closes "About this source" with its entries and safe source links', () => {
    renderGuide();
    const toggle = screen.getByRole('button', { name: 'About this source' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('heading', { name: /Global Research/ })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const entry = screen.getByRole('region', { name: 'Global Research · Publisher' });
    expect(within(entry).getByText('A website based in Montreal.')).toBeTruthy();
    expect(within(entry).getByText('Founded in 2001.')).toBeTruthy();
    expect(within(entry).getByText('Unverified')).toBeTruthy();
    expect(
      within(within(entry).getByRole('list', { name: 'Unverified' })).getByText('Who funds it.'),
    ).toBeTruthy();
    const links = within(entry).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([REPORT_SOURCE.url]);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: /Global Research/ })).toBeNull();
  });

  it('renders nothing without a pack', () => {
    const { container } = renderGuide({
      claimCounts: {},
      anchoredClaims: 0,
      totalClaims: 0,
      about: [],
    });
    expect(container.innerHTML).toBe('');
  });

  it('has no axe violations, closed and open', async () => {
    const { container } = renderGuide();
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'About this source' }));
    await expectNoAxeViolations(container);
  });
});
