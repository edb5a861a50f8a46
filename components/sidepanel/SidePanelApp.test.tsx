import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { setMessageSource } from '../../utils/i18n';
import { fileMessageSource } from '../../utils/i18n/file-source';
import type { ShownItem } from '../../utils/messaging/shown-item';
import { makeNote } from '../../utils/notes-io/test-notes';
import { loadBundledPacks } from '../../utils/packs';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import type { SidePanelData, TabChange } from '../../utils/sidepanel/sidepanel-data';
import type { StoredClaim } from '../../utils/store/db';
import type { TabPage } from '../../utils/store/tab-pages';
import type { Note } from '../../utils/store/types';
import { expectNoAxeViolations } from '../test-support';
import { SidePanelApp, strings } from './SidePanelApp';

const pack = loadBundledPacks().packs[0]!;
const CLAIMS: StoredClaim[] = pack.claims.map((claim, order) => ({
  ...claim,
  articleKey: pack.article.id,
  order,
}));
const URL_OF_ARTICLE = 'https://www.globalresearch.ca/mexico-amlo/5746160';
const PAGE: TabPage = {
  tabId: 4,
  articleKey: pack.article.id,
  articleTitle: pack.article.title,
  url: URL_OF_ARTICLE,
  hasPack: true,
  lastReviewed: pack.lastReviewed,
  claimsTotal: CLAIMS.length,
  claimsAnchored: CLAIMS.length,
  orphanedClaimIds: [],
  notesAnchored: 1,
  orphanedNoteIds: ['lost'],
};

function fakeData(
  notes: Note[],
  shown: ShownItem | null = null,
  overrides: Partial<SidePanelData> = {},
) {
  const shownRequests: ShownItem[] = [];
  const copied: string[] = [];
  let onChange: ((what: TabChange) => void) | null = null;
  let currentShown = shown;
  const data: SidePanelData = {
    pinnedTabId: () => 4,
    activeTabId: async () => 4,
    watchActiveTab: () => () => undefined,
    tabUrl: async () => URL_OF_ARTICLE,
    tabPage: async () => PAGE,
    shownItem: async () => currentShown,
    claims: async () => CLAIMS,
    notes: async () => notes,
    readSettings: async () => DEFAULT_SETTINGS,
    watchTab(_tabId, _key, callback) {
      onChange = callback;
      return () => {
        onChange = null;
      };
    },
    resume: async () => undefined,
    show: async (_tabId, item) => {
      shownRequests.push(item);
    },
    copyText: async (text) => {
      copied.push(text);
    },
    methodUrl: 'chrome-extension://id/method.html',
    ...overrides,
  };
  return {
    data,
    shownRequests,
    copied,
    open(item: ShownItem) {
      currentShown = item;
      onChange?.('shown');
    },
  };
}

const notes = [
  makeNote({ id: 'placed', articleKey: pack.article.id, body: 'A note on the remittances.' }),
  makeNote({ id: 'lost', articleKey: pack.article.id, body: 'Written on an older version.' }),
];

afterEach(cleanup);

describe('the side panel', () => {
  it('lists the claims in reading order, the notes, and the unplaced notes apart', async () => {
    const { data } = fakeData(notes);
    render(<SidePanelApp data={data} />);
    const claims = await screen.findByRole('list', { name: strings.claimsList });
    const rows = within(claims).getAllByRole('listitem');
    expect(rows[0]?.textContent).toContain(CLAIMS[0]!.quote.exact);
    expect(rows[1]?.textContent).toContain(CLAIMS[1]!.quote.exact);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe(String(CLAIMS.length));
    const placed = screen.getByRole('list', { name: strings.notesList });
    expect(placed.textContent).toContain('A note on the remittances.');
    expect(placed.textContent).not.toContain('Written on an older version.');
    const orphans = screen.getByRole('list', { name: strings.orphansList });
    expect(orphans.textContent).toContain('Written on an older version.');
    screen.getByRole('heading', { name: '1 note could not be placed' });
    expect(screen.getByRole('link', { name: strings.method }).getAttribute('href')).toBe(
      'chrome-extension://id/method.html',
    );
    await expectNoAxeViolations(document.body);
  });

  it('narrows the claims to the verdicts pressed', async () => {
    const { data } = fakeData([]);
    render(<SidePanelApp data={data} />);
    const group = await screen.findByRole('group', { name: strings.filterLabel });
    // The second verdict the article has (the first with more than one claim, in this pack).
    const button = within(group).getAllByRole('button')[1]!;
    const verdict = button.querySelector('[data-verdict]')?.getAttribute('data-verdict');
    const expected = CLAIMS.filter((claim) => claim.verdict === verdict).length;
    expect(expected).toBeGreaterThan(0);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const list = screen.getByRole('list', { name: strings.claimsList });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(expected));
    screen.getByText(strings.filterSummary(expected, CLAIMS.length), { exact: false });
    fireEvent.click(screen.getByRole('button', { name: strings.showAll }));
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(expected),
    );
  });

  it('opens an entry in the page by id, and marks what the page has open', async () => {
    const fake = fakeData(notes);
    render(<SidePanelApp data={fake.data} />);
    const list = await screen.findByRole('list', { name: strings.claimsList });
    const second = within(list).getAllByRole('listitem')[1]!;
    fireEvent.click(within(second).getAllByRole('button')[0]!);
    expect(fake.shownRequests).toEqual([{ kind: 'claim', id: CLAIMS[1]!.id }]);
    fake.open({ kind: 'note', id: 'placed' });
    const note = await waitFor(() => {
      const current = document.querySelector('[aria-current="true"]');
      if (!current) throw new Error('nothing current');
      return current;
    });
    expect(note.textContent).toContain('A note on the remittances.');
  });

  it('copies a text-fragment link to a claim and says so', async () => {
    const fake = fakeData([]);
    render(<SidePanelApp data={fake.data} />);
    const list = await screen.findByRole('list', { name: strings.claimsList });
    const first = within(list).getAllByRole('listitem')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: /^Copy link to the claim/ }));
    await waitFor(() => expect(fake.copied).toHaveLength(1));
    expect(fake.copied[0]).toMatch(
      /^https:\/\/www\.globalresearch\.ca\/mexico-amlo\/5746160#:~:text=/,
    );
    await screen.findByText(/^Link to the claim “.*” copied\.$/);
  });

  it('moves between entries with the arrow keys, one Tab stop per list', async () => {
    const { data } = fakeData([]);
    render(<SidePanelApp data={data} />);
    const list = await screen.findByRole('list', { name: strings.claimsList });
    const mains = () =>
      within(list)
        .getAllByRole('listitem')
        .map((row) => within(row).getAllByRole('button')[0]!);
    expect(mains().filter((button) => button.tabIndex === 0)).toHaveLength(1);
    mains()[0]!.focus();
    fireEvent.keyDown(mains()[0]!, { key: 'ArrowDown' });
    await waitFor(() =>
      expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('2'),
    );
    expect(mains().filter((button) => button.tabIndex === 0)).toEqual([document.activeElement]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() =>
      expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe(
        String(CLAIMS.length),
      ),
    );
  });

  it('says plainly when a page has no context, or is a page of the site that is not an article', async () => {
    const { data } = fakeData([], null, {
      tabPage: async () => null,
      tabUrl: async () => 'https://example.com/news/1',
    });
    render(<SidePanelApp data={data} />);
    await screen.findByText(strings.noContextTitle);
    cleanup();
    const home = fakeData([], null, {
      tabPage: async () => null,
      tabUrl: async () => 'https://www.globalresearch.ca/',
    });
    render(<SidePanelApp data={home.data} />);
    await screen.findByText(strings.notAnArticleTitle);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says the site is paused, lists nothing, and resumes it on request', async () => {
    const resumed: string[] = [];
    const { data } = fakeData(notes, null, {
      readSettings: async () => ({ ...DEFAULT_SETTINGS, pausedHosts: ['globalresearch.ca'] }),
      resume: async (host) => {
        resumed.push(host);
      },
    });
    render(<SidePanelApp data={data} />);
    await screen.findByText(strings.pausedTitle('globalresearch.ca'));
    expect(screen.queryByRole('list')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: strings.resume }));
    expect(resumed).toEqual(['globalresearch.ca']);
    await expectNoAxeViolations(document.body);
  });
});

describe('the side panel in French', () => {
  afterEach(() => setMessageSource(fileMessageSource(english, 'en-GB')));

  it('speaks French, with the pack’s quotes marked as English and no count on no notes', async () => {
    setMessageSource(fileMessageSource(french, 'fr'));
    render(<SidePanelApp data={fakeData([]).data} />);
    const list = await screen.findByRole('list', { name: 'Affirmations, dans l’ordre de lecture' });
    screen.getByRole('heading', { name: 'Affirmations clés' });
    screen.getByText(`Les ${CLAIMS.length} affirmations, dans l’ordre de lecture`);
    screen.getByText('Affirmations vérifiées le', { exact: false });
    expect(list.querySelector('.cp-entry-quote')?.getAttribute('lang')).toBe('en');
    // French counts 0 as singular: with no notes the heading names no number at all.
    screen.getByRole('heading', { name: 'Vos notes' });
    screen.getByText(
      'Aucune note sur cet article pour l’instant. Sélectionnez un passage dans la page et choisissez « Ajouter une note ».',
    );
    const group = screen.getByRole('group', { name: 'Afficher les affirmations ayant le verdict' });
    fireEvent.click(within(group).getAllByRole('button')[0]!);
    await screen.findByText(/^Affirmations : \d+ sur \d+, dans l’ordre de lecture/);
  });
});
