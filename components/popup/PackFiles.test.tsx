/**
 * The pack list against an in-memory fake of its data: listing, loading a file (new, newer,
 * older, broken, too large), the confirmations before a replacement and a removal, turning a
 * bundled pack off, and the downloads.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackLoadResponse } from '../../utils/messaging/protocol';
import raw from '../../utils/packs/amlo-harris-2021.pack.json';
import type { PackExportFormat } from '../../utils/packs/export';
import { type PackFileResult, readPackFile } from '../../utils/packs/pack-file';
import type { PackFilesData, PackListing } from '../../utils/popup/pack-files';
import { expectNoAxeViolations } from '../test-support';
import { PackFiles, strings } from './PackFiles';

afterEach(cleanup);

const BUNDLED: PackListing = {
  articleKey: raw.article.id,
  title: raw.article.title,
  publisher: 'Counterpoint',
  lastReviewed: raw.lastReviewed,
  packVersion: raw.packVersion,
  claimCount: raw.claims.length,
  origin: { kind: 'bundled' },
  turnedOff: false,
};

/** The pack list's data in memory, checking files with the real reader. */
class FakePackFiles implements PackFilesData {
  packs: PackListing[] = [BUNDLED];
  loads: { fileName: string; replaces: number | null }[] = [];
  removed: string[] = [];
  turned: [string, boolean][] = [];
  exported: [string, PackExportFormat][] = [];

  async listPacks() {
    return this.packs.map((pack) => ({ ...pack }));
  }
  async checkPackFile(text: string): Promise<PackFileResult> {
    return readPackFile(
      text,
      this.packs.map((pack) => ({
        articleKey: pack.articleKey,
        packVersion: pack.packVersion,
        title: pack.title,
        headline: raw.article.recognise.headline,
      })),
    );
  }
  async loadPackFile(fileName: string, text: string, replaces: number | null) {
    this.loads.push({ fileName, replaces });
    const result = await this.checkPackFile(text);
    if (!result.ok) return { status: 'refused', problem: result.problem } as PackLoadResponse;
    const { pack } = result;
    const listing: PackListing = {
      articleKey: pack.article.id,
      title: pack.article.title,
      publisher: pack.publisher ?? null,
      lastReviewed: pack.lastReviewed,
      packVersion: pack.packVersion,
      claimCount: pack.claims.length,
      origin: { kind: 'file', fileName },
      turnedOff: false,
    };
    this.packs = [...this.packs.filter((p) => p.articleKey !== listing.articleKey), listing];
    return {
      status: result.status === 'newer' ? 'replaced' : 'installed',
      articleKey: listing.articleKey,
      title: listing.title,
      packVersion: listing.packVersion,
    } as PackLoadResponse;
  }
  async removePack(articleKey: string) {
    this.removed.push(articleKey);
    this.packs = this.packs.filter((pack) => pack.articleKey !== articleKey);
    return { restoredBundledVersion: null };
  }
  async turnPackOff(articleKey: string, off: boolean) {
    this.turned.push([articleKey, off]);
    this.packs = this.packs.map((pack) =>
      pack.articleKey === articleKey ? { ...pack, turnedOff: off } : pack,
    );
  }
  async exportPack(articleKey: string, format: PackExportFormat) {
    this.exported.push([articleKey, format]);
  }
  async installedContextPacks() {
    return [];
  }
}

let data: FakePackFiles;
beforeEach(() => {
  data = new FakePackFiles();
});

function choose(file: File) {
  const input = screen.getByLabelText(strings.load) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

function packFile(change: (pack: Record<string, unknown>) => void, name = 'pack.json'): File {
  const copy = structuredClone(raw) as unknown as Record<string, unknown>;
  change(copy);
  return new File([JSON.stringify(copy)], name, { type: 'application/json' });
}

const newer = () =>
  packFile((pack) => {
    pack.packVersion = raw.packVersion + 1;
    pack.publisher = 'Example Fact Desk';
  }, 'amlo-v3.pack.json');

describe('PackFiles', () => {
  it('lists each pack with its publisher, review date, claims and origin', async () => {
    data.packs.push({
      ...BUNDLED,
      articleKey: 'other-article',
      title: 'Another article',
      publisher: null,
      origin: { kind: 'file', fileName: 'other.json' },
    });
    const { container } = render(<PackFiles data={data} />);
    const row = await screen.findByRole('listitem', { name: raw.article.title });
    expect(row.textContent).toContain(
      `By Counterpoint · reviewed 1 December 2026 · ${raw.claims.length} claims · edition ${raw.packVersion}`,
    );
    expect(row.textContent).toContain('Bundled with Counterpoint');
    const other = screen.getByRole('listitem', { name: 'Another article' });
    expect(other.textContent).toContain('By Publisher not named in the file');
    expect(other.textContent).toContain('From a file: other.json');
    // The popup keeps its rows short: the downloads are on the method page.
    expect(screen.queryByRole('button', { name: strings.downloadClaimReview })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('loads a new pack from a file and says what it loaded', async () => {
    data.packs = [];
    render(<PackFiles data={data} />);
    await screen.findByText(strings.none);
    choose(packFile(() => {}, 'amlo.pack.json'));
    await screen.findByText(
      `Loaded the pack for “${raw.article.title}” (edition ${raw.packVersion}, ${raw.claims.length} claims). Reload the article to see its claims.`,
    );
    expect(data.loads).toEqual([{ fileName: 'amlo.pack.json', replaces: null }]);
    screen.getByRole('listitem', { name: raw.article.title });
  });

  it('asks before a newer edition replaces the installed one, and replaces only when told', async () => {
    render(<PackFiles data={data} />);
    await screen.findByRole('listitem', { name: raw.article.title });
    choose(newer());
    const question = await screen.findByText(/^This file has edition 3 of the pack for/);
    expect(question.textContent).toBe(
      `This file has edition 3 of the pack for “${raw.article.title}”, by Example Fact Desk. Edition 2 is installed (bundled with Counterpoint). Loading the file replaces its claims; your notes are kept.`,
    );
    const replace = screen.getByRole('button', { name: strings.replaceConfirm });
    await waitFor(() => expect(document.activeElement).toBe(replace));
    fireEvent.click(screen.getByRole('button', { name: strings.cancel }));
    await screen.findByText(strings.cancelled);
    expect(data.loads).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(strings.load)));

    choose(newer());
    fireEvent.click(await screen.findByRole('button', { name: strings.replaceConfirm }));
    await screen.findByText(
      `Replaced the pack for “${raw.article.title}” with edition 3. Reload the article to see its claims.`,
    );
    expect(data.loads).toEqual([{ fileName: 'amlo-v3.pack.json', replaces: 2 }]);
    const row = screen.getByRole('listitem', { name: raw.article.title });
    expect(row.textContent).toContain('By Example Fact Desk');
    expect(row.textContent).toContain('From a file: amlo-v3.pack.json');
  });

  it('refuses an older edition, a broken file and a huge one with clear words, storing nothing', async () => {
    render(<PackFiles data={data} />);
    await screen.findByRole('listitem', { name: raw.article.title });
    choose(packFile((pack) => void Object.assign(pack, { packVersion: 1 })));
    // Empty until there is something to say (and hidden meanwhile), but always there to announce it.
    const alert = screen.getByRole('alert', { hidden: true });
    await waitFor(() =>
      expect(alert.textContent).toBe(
        `This file has edition 1 of the pack for “${raw.article.title}”, older than edition 2, which is installed. An older edition never replaces a newer one. Nothing was changed.`,
      ),
    );

    choose(new File(['{"format": "counterpoint-context-pack", "claims": [{'], 'cut.json'));
    await waitFor(() =>
      expect(alert.textContent).toMatch(/^This file is not a context pack: it is not JSON text/),
    );
    expect(alert.textContent).not.toMatch(/Unexpected|token/);

    choose(packFile((pack) => void Object.assign(pack, { lastReviewed: 'yesterday' })));
    await waitFor(() => expect(alert.textContent).toMatch(/has a problem, so it was not loaded/));
    expect(within(alert).getByRole('listitem').textContent).toBe(
      'lastReviewed: must be a real date written YYYY-MM-DD',
    );

    const huge = new File(['x'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 5_000_000 });
    choose(huge);
    await waitFor(() =>
      expect(alert.textContent).toMatch(/too large to be a context pack \(5 MB;/),
    );
    expect(data.loads).toEqual([]);
  });

  it('removes a file’s pack only once the reader confirms', async () => {
    data.packs.push({
      ...BUNDLED,
      articleKey: 'other',
      title: 'Other',
      origin: { kind: 'file', fileName: 'o.json' },
    });
    render(<PackFiles data={data} />);
    const row = await screen.findByRole('listitem', { name: 'Other' });
    expect(
      within(screen.getByRole('listitem', { name: raw.article.title })).queryByRole('button', {
        name: strings.remove,
      }),
    ).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: strings.remove }));
    const confirm = await within(row).findByRole('button', { name: strings.removeConfirm });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(within(row).getByRole('button', { name: strings.keep }));
    expect(data.removed).toEqual([]);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(row).getByRole('button', { name: strings.remove }),
      ),
    );
    fireEvent.click(within(row).getByRole('button', { name: strings.remove }));
    fireEvent.click(await within(row).findByRole('button', { name: strings.removeConfirm }));
    await screen.findByText('Removed the pack for “Other”.');
    expect(data.removed).toEqual(['other']);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: strings.heading })),
    );
    expect(screen.queryByRole('listitem', { name: 'Other' })).toBeNull();
  });

  it('turns a bundled pack off and on', async () => {
    render(<PackFiles data={data} />);
    const row = await screen.findByRole('listitem', { name: raw.article.title });
    fireEvent.click(within(row).getByRole('button', { name: strings.turnOff }));
    await within(row).findByText(strings.turnedOff);
    fireEvent.click(within(row).getByRole('button', { name: strings.turnOn }));
    await waitFor(() => expect(within(row).queryByText(strings.turnedOff)).toBeNull());
    expect(data.turned).toEqual([
      [raw.article.id, true],
      [raw.article.id, false],
    ]);
  });

  it('offers both downloads on the method page', async () => {
    render(<PackFiles data={data} downloads />);
    const row = await screen.findByRole('listitem', { name: raw.article.title });
    fireEvent.click(within(row).getByRole('button', { name: strings.downloadClaimReview }));
    fireEvent.click(within(row).getByRole('button', { name: strings.downloadAnnotations }));
    await waitFor(() =>
      expect(data.exported).toEqual([
        [raw.article.id, 'claim-review'],
        [raw.article.id, 'assessing-annotations'],
      ]),
    );
  });
});

describe('PackFiles where a file cannot be chosen (Firefox’s popup)', () => {
  it('offers a button that opens the page where it can, instead of a file input', async () => {
    let opened = 0;
    const firefoxData = Object.assign(data, {
      openPageToChooseFile: async () => {
        opened++;
      },
    });
    render(<PackFiles data={firefoxData} />);
    await screen.findByRole('listitem', { name: raw.article.title });
    expect(document.querySelector('input[type="file"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: strings.load }));
    await waitFor(() => expect(opened).toBe(1));
    screen.getByText(strings.loadElsewhere);
  });
});
