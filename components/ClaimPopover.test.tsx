import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
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
  describe('Copy link to this claim', () => {
    const ARTICLE = 'https://news.example.org/crime-2021';

    it('is offered only when the article address is known', () => {
      renderPopover();
      expect(screen.queryByRole('button', { name: 'Copy link to this claim' })).toBeNull();
      expect(screen.queryByRole('status')).toBeNull();
    });

    it('copies a text-fragment link to the claim and says so', async () => {
      const copied: string[] = [];
      renderPopover({
        articleUrl: ARTICLE,
        copyText: async (text) => {
          copied.push(text);
        },
      });
      expect(screen.getByRole('status').textContent).toBe('');
      fireEvent.click(screen.getByRole('button', { name: 'Copy link to this claim' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied'));
      expect(copied).toHaveLength(1);
      expect(copied[0]?.startsWith(`${ARTICLE}#:~:text=`)).toBe(true);
      expect(screen.queryByRole('textbox')).toBeNull();
    });

    it('shows the link selected in a read-only field when the clipboard refuses', async () => {
      renderPopover({
        articleUrl: ARTICLE,
        copyText: () => Promise.reject(new Error('denied')),
      });
      fireEvent.click(screen.getByRole('button', { name: 'Copy link to this claim' }));
      const field = (await screen.findByRole('textbox', {
        name: 'Link to this claim',
      })) as HTMLInputElement;
      expect(field.readOnly).toBe(true);
      expect(field.value.startsWith(`${ARTICLE}#:~:text=`)).toBe(true);
      await waitFor(() =>
        expect(field.selectionEnd! - field.selectionStart!).toBe(field.value.length),
      );
      expect(screen.getByRole('status').textContent).toContain('Could not copy');
    });
  });

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
    const report = screen.getByRole('link', { name: 'Annual report 2021' }).closest('li');
    expect(report?.textContent).toBe('1. Annual report 2021 — Statistics Office, 8 June 2021');
    expect(report?.querySelector('time')?.getAttribute('datetime')).toBe('2021-06-08');
    // A headline as published is quoted; a description is not.
    const police = screen.getByRole('link', { name: '“Crime in the city, 2021”' }).closest('li');
    expect(police?.textContent).toBe('3. “Crime in the city, 2021” — City Police, June 2021');
  });

  it('lists each source once; counterpoints cite them by number', () => {
    const { container } = renderPopover();
    const lists = container.querySelectorAll('ol.cp-sources');
    expect(lists).toHaveLength(1);
    expect(lists[0]?.querySelectorAll('li')).toHaveLength(3);
    const counterpoint = screen
      .getByText('The statistics office says like-for-like crime rose 12%.')
      .closest('li');
    expect(counterpoint?.querySelector('a')).toBeNull();
    expect(counterpoint?.textContent).toContain('Sources: 3 (City Police); 1 (Statistics Office)');
  });

  it('links only http(s) sources, in a new tab without opener or referrer', () => {
    renderPopover();
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://stats.example.org/report-2021',
      'http://police.example.org/2021',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(screen.queryByRole('link', { name: 'Suspicious source' })).toBeNull();
    expect(screen.getByText('Suspicious source').tagName).toBe('SPAN');
  });

  it('says when the pack was reviewed and links to how Counterpoint checks', () => {
    renderPopover({
      lastReviewed: '2026-12-01',
      methodUrl: 'chrome-extension://abc/method.html',
    });
    const review = screen.getByText(/^Reviewed/).closest('p');
    expect(review?.textContent).toBe('Reviewed 1 December 2026 · How Counterpoint checks');
    expect(review?.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-01');
    const method = screen.getByRole('link', { name: 'How Counterpoint checks' });
    expect(method.getAttribute('href')).toBe('chrome-extension://abc/method.html');
    expect(method.getAttribute('target')).toBe('_blank');
  });

  it('leaves the review line out when it has neither date nor method page', () => {
    renderPopover();
    expect(screen.queryByText(/^Reviewed/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'How Counterpoint checks' })).toBeNull();
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
    const { container } = renderPopover({
      notes: [makeNote()],
      onOpenNote: vi.fn(),
      lastReviewed: '2026-12-01',
      methodUrl: 'https://example.org/method',
    });
    await expectNoAxeViolations(container);
  });
});

describe('ClaimPopover on an opinion', () => {
  it('says "Opinion" once, in the verdict, not again as the kind', () => {
    const [pack] = loadBundledPacks().packs;
    const opinion = pack?.claims.find(
      (claim) => claim.kind === 'opinion' && claim.verdict === 'opinion',
    );
    if (!opinion) throw new Error('the pack has no opinion claim');
    const { container } = render(
      <ClaimPopover claim={opinion} notes={[]} onClose={() => {}} onAddNote={() => {}} />,
    );
    expect(container.textContent?.match(/Opinion/g)).toHaveLength(1);
  });
});
