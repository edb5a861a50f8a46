import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredClaim } from '../../utils/store/db';
import type { TabPage } from '../../utils/store/tab-pages';
import { expectNoAxeViolations, makeNote, SAMPLE_CLAIM } from '../test-support';
import { FakePopupData } from './fake-popup-data';
import { PopupApp } from './PopupApp';

afterEach(cleanup);

let data: FakePopupData;

const PAGE: TabPage = {
  tabId: 1,
  articleKey: 'amlo-harris',
  articleTitle: 'Mexico: President AMLO Meets Vice President Kamala Harris',
  url: 'https://www.globalresearch.ca/mexico/5746160',
  hasPack: true,
  claimsTotal: 2,
  claimsAnchored: 1,
  orphanedClaimIds: ['claim-2'],
  notesAnchored: 1,
  orphanedNoteIds: ['lost'],
};

const CLAIMS: StoredClaim[] = [
  { ...SAMPLE_CLAIM, articleKey: 'amlo-harris', order: 0 },
  {
    ...SAMPLE_CLAIM,
    id: 'claim-2',
    verdict: 'opinion',
    quote: { exact: 'the meeting was superfluous', prefix: '', suffix: '' },
    articleKey: 'amlo-harris',
    order: 1,
  },
];

function statusTexts(): string[] {
  return screen.getAllByRole('status').map((element) => element.textContent ?? '');
}

beforeEach(() => {
  data = new FakePopupData();
});

describe('PopupApp on a page without context', () => {
  it('says it works on Global Research articles, in its one status, and tells a new reader how to add a note', async () => {
    render(<PopupApp data={data} />);
    await screen.findByText('Nothing here: Counterpoint works on Global Research articles.');
    expect(statusTexts()).toEqual([
      'Nothing here: Counterpoint works on Global Research articles.',
    ]);
    expect(
      await screen.findByText(/Select text in a Global Research article and choose/),
    ).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Pause on this site' })).toBeNull();
    await expectNoAxeViolations(document.body);
  });

  it('shows a refused pack, and opens the notes manager', async () => {
    data.problems = ['Pack "x": lastReviewed is not a date'];
    render(<PopupApp data={data} />);
    const problems = await screen.findByRole('region', { name: 'Context pack problems' });
    expect(problems.textContent).toContain('lastReviewed is not a date');
    fireEvent.click(screen.getByRole('button', { name: 'Open notes manager' }));
    await waitFor(() => expect(data.managerOpened).toBe(1));
    await waitFor(() => expect(data.closed).toBe(1));
  });

  it('reports a tab it cannot read as an error, not as a blank popup', async () => {
    data.currentTabId = async () => {
      throw new Error('tabs unavailable');
    };
    render(<PopupApp data={data} />);
    await screen.findByText(/Counterpoint could not read this tab\. tabs unavailable/);
  });
});

describe('PopupApp on the article', () => {
  beforeEach(() => {
    data.view = { kind: 'article', page: PAGE, claims: CLAIMS, notes: [] };
    data.host = 'globalresearch.ca';
  });

  it('says the article is recognised, with its title, in its one status', async () => {
    render(<PopupApp data={data} />);
    await screen.findByText(PAGE.articleTitle);
    const [status] = statusTexts();
    expect(statusTexts()).toHaveLength(1);
    expect(status).toContain('Global Research article recognised');
    expect(status).toContain(PAGE.articleTitle);
  });

  it('says when the claims were reviewed, and links to how Counterpoint checks', async () => {
    data.view = {
      kind: 'article',
      page: { ...PAGE, lastReviewed: '2026-12-01' },
      claims: CLAIMS,
      notes: [],
    };
    render(<PopupApp data={data} />);
    const method = await screen.findByRole('link', { name: 'How Counterpoint checks' });
    expect(method.closest('p')?.textContent).toBe(
      'Claims reviewed 1 December 2026 · How Counterpoint checks',
    );
    expect(method.closest('p')?.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-01');
    expect(method.getAttribute('href')).toBe('/method.html');
    expect(method.getAttribute('target')).toBe('_blank');
  });

  it('links to how Counterpoint checks even without a review date', async () => {
    render(<PopupApp data={data} />);
    const method = await screen.findByRole('link', { name: 'How Counterpoint checks' });
    expect(method.closest('p')?.textContent).toBe('How Counterpoint checks');
  });

  it('lists the claims with verdicts, how many were found, and which were not', async () => {
    render(<PopupApp data={data} />);
    await screen.findByText('1 of 2 claims found on this page');
    const misleading = screen.getByRole('button', {
      name: `Misleading: ${SAMPLE_CLAIM.quote.exact}`,
    });
    expect(within(misleading).getByText('Misleading')).toBeTruthy();
    expect(
      screen.getByRole('button', {
        name: 'Opinion: the meeting was superfluous (not found on this page)',
      }),
    ).toBeTruthy();
  });

  it('opens a claim on the page and closes itself', async () => {
    render(<PopupApp data={data} />);
    const claim = await screen.findByRole('button', { name: /^Misleading: / });
    fireEvent.click(claim);
    await waitFor(() => expect(data.shownClaims).toEqual(['claim-1']));
    expect(data.closed).toBe(1);
  });

  it('lists notes that could not be placed with their quotes and why', async () => {
    data.notes = [
      makeNote({ id: 'lost', articleKey: 'amlo-harris', body: 'Lost note' }),
      makeNote({ id: 'placed', articleKey: 'amlo-harris', body: 'Placed note' }),
    ];
    data.view = { kind: 'article', page: PAGE, claims: CLAIMS, notes: data.notes };
    render(<PopupApp data={data} />);
    const orphans = await screen.findByRole('region', { name: '1 note could not be placed' });
    expect(orphans.textContent).toContain('crime doubled last year');
    expect(orphans.textContent).toContain('Lost note');
    expect(orphans.textContent).toContain('the article may have changed');
    expect(orphans.textContent).not.toContain('Placed note');
  });

  it("starts on this article's notes, newest first, with all articles one choice away", async () => {
    data.notes = [
      makeNote({
        id: 'old',
        articleKey: 'amlo-harris',
        body: 'Older',
        modified: '2024-01-01T00:00:00Z',
      }),
      makeNote({
        id: 'new',
        articleKey: 'amlo-harris',
        body: 'Newer',
        modified: '2024-02-01T00:00:00Z',
      }),
      makeNote({ id: 'elsewhere', articleKey: '/other', body: 'Other article' }),
    ];
    render(<PopupApp data={data} />);
    await screen.findByRole('article', { name: 'Note: Newer' });
    expect(screen.getAllByRole('article').map((card) => card.getAttribute('aria-label'))).toEqual([
      'Note: Newer',
      'Note: Older',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'All articles (3)' }));
    expect(screen.getByRole('article', { name: 'Note: Other article' })).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });
});

describe('PopupApp switches', () => {
  beforeEach(() => {
    data.view = { kind: 'article', page: PAGE, claims: CLAIMS, notes: [] };
    data.host = 'globalresearch.ca';
  });

  it('turns each highlight layer off and on at once', async () => {
    render(<PopupApp data={data} />);
    const claims = await screen.findByRole('switch', { name: 'Claim highlights' });
    const notes = screen.getByRole('switch', { name: 'Note highlights' });
    expect(claims.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(claims);
    expect(claims.getAttribute('aria-checked')).toBe('false');
    await waitFor(() => expect(data.settings.claimHighlights).toBe(false));
    expect(data.settings.noteHighlights).toBe(true);
    fireEvent.click(notes);
    await waitFor(() => expect(data.settings.noteHighlights).toBe(false));
    fireEvent.click(claims);
    await waitFor(() => expect(data.settings.claimHighlights).toBe(true));
  });

  it('shows changes made elsewhere, such as the keyboard command', async () => {
    render(<PopupApp data={data} />);
    const claims = await screen.findByRole('switch', { name: 'Claim highlights' });
    data.changeSettingsElsewhere({ claimHighlights: false, noteHighlights: false });
    await waitFor(() => expect(claims.getAttribute('aria-checked')).toBe('false'));
    expect(
      screen.getByRole('switch', { name: 'Note highlights' }).getAttribute('aria-checked'),
    ).toBe('false');
  });

  it('pauses on this site by its host without "www."', async () => {
    render(<PopupApp data={data} />);
    const pause = await screen.findByRole('switch', { name: 'Pause on this site' });
    fireEvent.click(pause);
    await waitFor(() => expect(data.settings.pausedHosts).toEqual(['globalresearch.ca']));
    expect(pause.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(pause);
    await waitFor(() => expect(data.settings.pausedHosts).toEqual([]));
  });

  it('puts a switch back and says so when the setting cannot be saved', async () => {
    data.failures.set('settings', 'storage is full');
    render(<PopupApp data={data} />);
    const claims = await screen.findByRole('switch', { name: 'Claim highlights' });
    fireEvent.click(claims);
    await screen.findByText('The setting was not saved: storage is full');
    expect(claims.getAttribute('aria-checked')).toBe('true');
  });
});
