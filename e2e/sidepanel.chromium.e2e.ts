/**
 * The side panel overview in real Chromium, as a reader uses it beside the article. Playwright
 * cannot drive the real side panel, so the panel's page (`sidepanel.html?tabId=<id>`, the address
 * that pins it to one tab) is opened in a window of its own next to the article's, both in front,
 * and driven with the real mouse and keyboard; one test opens the real panel from the popup and
 * reads it over CDP, where it follows the active tab as readers' panels do.
 *
 * What it shows: the claims in the page's order; choosing one opens that claim's popover in the
 * article; what the reader opens in the page is marked in the panel; a note added in the page
 * appears; the verdict filter narrows the list; Copy link puts a text-fragment link on the
 * clipboard; 10,000 notes draw only a screenful of rows and the keyboard still reaches the last;
 * the panel follows its tab to a page that is not an article and back; axe finds nothing
 * serious in light, dark or at 200 %. Screenshots go to docs/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { VERDICT_LABELS } from '../utils/packs/verdicts';
import type { Note } from '../utils/store/types';
import { ARTICLE_HEADLINE, ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { PROJECT_ROOT } from './harness/paths';
import { waitForPopover } from './harness/popover';
import { addNote } from './harness/reader';
import { readTabRecordById } from './harness/tab-record';
import { waitUntil } from './harness/wait';

const require = createRequire(import.meta.url);
const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
const NOTE_PASSAGE =
  'the more poverty in these countries, the more there will be immigrants in the US';

let session: ChromiumSession;
let article: Page;
let tabId: number;
let panel: Page;

/** Opens an extension page in a window of its own (so it and the article both stay in front). */
async function openInWindow(path: string): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/${path}`;
  const opened = session.context.waitForEvent('page', (page) => page.url() === url);
  await session.inExtension(
    (address: string) =>
      chrome.windows.create({ url: address, type: 'normal', width: 400, height: 900 }),
    url,
  );
  const page = await opened;
  await page.waitForLoadState('load');
  await page.setViewportSize({ width: 380, height: 860 });
  return page;
}

/** Every row of a windowed list, read by scrolling the panel through it: place and text. */
async function readAllRows(page: Page, listName: string): Promise<string[]> {
  const rows = new Map<number, string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 200; step++) {
    const seen = await page.getByRole('list', { name: listName }).evaluate((list) =>
      [...list.querySelectorAll(':scope > li')].map((li) => ({
        at: Number(li.getAttribute('aria-posinset')),
        of: Number(li.getAttribute('aria-setsize')),
        text: li.querySelector('.cp-entry-quote, .cp-entry-body')?.textContent ?? '',
      })),
    );
    for (const row of seen) rows.set(row.at, row.text);
    const total = seen[0]?.of ?? 0;
    if (rows.size >= total) break;
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight / 2);
      return window.scrollY === before;
    });
    // Wait for the rows of the new scroll position to be drawn.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    if (atBottom && rows.size < total) throw new Error('the list ended before its last row');
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

async function axeSeriousViolations(page: Page): Promise<string[]> {
  const axeSource = require('node:fs').readFileSync(
    require.resolve('axe-core/axe.min.js'),
    'utf8',
  ) as string;
  await page.evaluate(axeSource);
  return (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
    const result = (await axe.run()) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`);
  })) as string[];
}

beforeAll(async () => {
  session = await launchChromium();
  article = await session.open(ARTICLE_URL);
  tabId = await session.tabIdOf(article);
  await waitUntil(
    () => readTabRecordById(session, tabId),
    (record) => (record?.claimsAnchored ?? 0) > 0,
    { what: 'the article painted' },
  );
  panel = await openInWindow(`sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('list', { name: 'Claims, in reading order' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('the side panel overview in Chromium', () => {
  it('lists the article’s claims in the order they appear in the page', async () => {
    await panel.getByText(ARTICLE_HEADLINE).first().waitFor();
    const listed = await readAllRows(panel, 'Claims, in reading order');
    expect(listed).toHaveLength(pack.claims.length);
    // Where each listed claim's words start in the page's own text.
    const positions = await article.evaluate((quotes) => {
      const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
      return quotes.map((quote) => text.indexOf(quote.replace(/\s+/g, ' ').slice(0, 40)));
    }, listed);
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('opens a claim’s popover in the article from the panel, and marks it there', async () => {
    const claim = pack.claims[2]!;
    await panel.evaluate(() => window.scrollTo(0, 0));
    const entry = panel
      .getByRole('list', { name: 'Claims, in reading order' })
      // The entry itself, named by its verdict and words (its "Copy link" is named apart).
      .getByRole('button', {
        name: new RegExp(
          `^${VERDICT_LABELS[claim.verdict]}.*${escapeForPattern(claim.quote.exact.slice(0, 30))}`,
        ),
      });
    await entry.click();
    await waitForPopover(article, new RegExp(escapeForPattern(claim.summary.slice(0, 30))));
    await waitUntil(
      () => entry.getAttribute('aria-current'),
      (value) => value === 'true',
      { what: 'the claim marked current in the panel' },
    );
  });

  it('follows the page: the claim the reader steps to with Alt+Shift+J becomes current', async () => {
    const next = pack.claims[3]!;
    await article.keyboard.press('Alt+Shift+J');
    await waitForPopover(article, new RegExp(escapeForPattern(next.summary.slice(0, 30))));
    const current = panel.locator('[aria-current="true"]');
    await waitUntil(
      async () => (await current.count()) === 1 && ((await current.textContent()) ?? ''),
      (text) => typeof text === 'string' && text.includes(next.quote.exact.slice(0, 30)),
      { what: 'the next claim marked current in the panel' },
    );
    await panel.mouse.move(0, 0);
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-current-light.png') });
    await article.keyboard.press('Escape');
  });

  it('shows a note as soon as the reader adds it in the page', async () => {
    await article.bringToFront();
    const probe = await probeAccessibility(article);
    await addNote(article, probe, NOTE_PASSAGE, 'Remittances grew in 2021: check the figures');
    await probe.detach();
    const notes = panel.getByRole('list', { name: 'Your notes, in the order of their passages' });
    await notes.getByText('Remittances grew in 2021: check the figures').waitFor();
    const heading = panel.getByRole('heading', { name: 'Your note' });
    await heading.waitFor();
    await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await panel.mouse.move(0, 0);
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-notes-light.png') });
  });

  it('narrows the claims to a verdict with the filter', async () => {
    const filter = panel.getByRole('group', { name: 'Show claims with the verdict' });
    const verdict = pack.claims.find(
      (claim) => pack.claims.filter((other) => other.verdict === claim.verdict).length > 1,
    )!.verdict;
    const wanted = pack.claims.filter((claim) => claim.verdict === verdict);
    const button = filter.locator(`button:has([data-verdict="${verdict}"])`);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await panel.getByText(`${wanted.length} of ${pack.claims.length} claims`).waitFor();
    const listed = await readAllRows(panel, 'Claims, in reading order');
    expect(listed).toEqual(wanted.map((claim) => claim.quote.exact));
    await panel.getByRole('button', { name: 'Show all verdicts' }).click();
    await panel.getByText(`All ${pack.claims.length} claims`).waitFor();
  });

  it('copies a text-fragment link to a claim, and says so', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.bringToFront();
    await panel.evaluate(() => window.scrollTo(0, 0));
    const claim = pack.claims[0]!;
    await panel
      .getByRole('button', { name: /^Copy link to the claim/ })
      .first()
      .click();
    await panel.getByText(/^Link to the claim “.*” copied\.$/).waitFor();
    const copied = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^https:\/\/www\.globalresearch\.ca\/[^#]+#:~:text=/);
    const words = claim.quote.exact.split(/\s+/);
    expect(decodeURIComponent(copied.split('#:~:text=')[1] ?? '')).toContain(
      words.slice(0, 4).join(' '),
    );
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violation, and a screenshot (${scheme})`, async () => {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.mouse.move(0, 0);
      await panel.evaluate(() => window.scrollTo(0, 0));
      expect(await axeSeriousViolations(panel)).toEqual([]);
      await panel.screenshot({ path: join(SCREENSHOTS, `sidepanel-${scheme}.png`) });
    });
  }

  it('is usable at 200 % zoom: rows wrap and nothing scrolls sideways', async () => {
    await panel.emulateMedia({ colorScheme: 'light' });
    // A 360 × 900 side panel at 200 %: 180 × 450 CSS pixels, captured at twice the density.
    await panel.setViewportSize({ width: 180, height: 450 });
    await panel.mouse.move(0, 0);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.getByRole('list', { name: 'Claims, in reading order' }).waitFor();
    const sideways = await panel.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(panel)).toEqual([]);
    const cdp = await session.context.newCDPSession(panel);
    const { data } = (await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, width: 180, height: 450, scale: 2 },
    })) as { data: string };
    writeFileSync(join(SCREENSHOTS, 'sidepanel-zoom200.png'), Buffer.from(data, 'base64'));
    await cdp.detach();
    await panel.setViewportSize({ width: 380, height: 860 });
  });
});

describe('the real side panel in Chromium', () => {
  it('opens from the popup’s “Open overview” and follows the active tab, the article', async () => {
    const popup = await session.openPopup(tabId);
    await popup.getByRole('button', { name: 'Open overview' }).click();
    // The popup closes itself once the browser has opened the panel.
    await waitUntil(
      async () => popup.isClosed(),
      (closed) => closed,
      { what: 'the popup to close' },
    );
    await article.bringToFront();
    // The real panel (no ?tabId=) is a page target Playwright does not list: read it over CDP.
    const cdp = await session.context.newCDPSession(article);
    const panelUrl = `chrome-extension://${session.extensionId}/sidepanel.html`;
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const target = targetInfos.find((info) => info.type === 'page' && info.url === panelUrl);
    expect(target).toBeDefined();
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: target!.targetId,
      flatten: false,
    })) as { sessionId: string };
    let nextId = 1;
    const evaluate = (expression: string): Promise<unknown> =>
      new Promise((resolve) => {
        const id = nextId++;
        const onMessage = (event: { sessionId: string; message: string }): void => {
          const reply = JSON.parse(event.message) as {
            id?: number;
            result?: { result?: { value?: unknown } };
          };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result?.result?.value);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({
            id,
            method: 'Runtime.evaluate',
            params: { expression, returnByValue: true },
          }),
        });
      });
    const text = await waitUntil(
      async () => String(await evaluate('document.body.innerText')),
      (shown) => shown.includes(ARTICLE_HEADLINE) && shown.includes(pack.claims[0]!.quote.exact),
      { what: 'the real side panel to show the article' },
    );
    expect(text).toContain('Key claims');
    await cdp.detach();
  });
});

describe('the side panel with 10,000 notes', () => {
  const COUNT = 10_000;
  let heavy: Page;
  let openedInMs = 0;

  beforeAll(async () => {
    // A tab record of the background's kind for a tab that shows this article, and 10,000 notes
    // on it: the panel alone is measured, not the page painting them.
    const fakeTab = 987_654;
    await session.inExtension(
      async ({ id, key, title, url, count }) => {
        await chrome.storage.session.set({
          [`tab:${id}`]: {
            tabId: id,
            articleKey: key,
            articleTitle: title,
            url,
            hasPack: true,
            claimsTotal: 0,
            claimsAnchored: 0,
            orphanedClaimIds: [],
            notesAnchored: count,
            orphanedNoteIds: [],
          },
        });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('counterpoint');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('notes', 'readwrite');
          const store = tx.objectStore('notes');
          for (let n = 0; n < count; n++) {
            const time = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
            const note: Note = {
              id: `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`,
              articleKey: key,
              url,
              articleTitle: title,
              target: {
                selectors: [
                  { type: 'TextQuoteSelector', exact: `passage ${n}` },
                  { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 9 },
                ],
              },
              body: `Heavy note number ${n}`,
              tags: n % 3 === 0 ? ['heavy'] : [],
              created: time,
              modified: time,
            };
            store.put(note);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      {
        id: fakeTab,
        key: '/heavy-annotation/1000001',
        title: 'A heavily annotated article',
        url: 'https://www.globalresearch.ca/heavy-annotation/1000001',
        count: COUNT,
      },
    );
    const started = Date.now();
    heavy = await openInWindow(`sidepanel.html?tabId=${fakeTab}`);
    await heavy
      .getByRole('list', { name: 'Your notes, in the order of their passages' })
      .getByText('Heavy note number 0', { exact: true })
      .waitFor({ timeout: 30_000 });
    openedInMs = Date.now() - started;
  });

  it('draws only the rows on screen, and the keyboard still reaches the last note', async () => {
    const list = heavy.getByRole('list', { name: 'Your notes, in the order of their passages' });
    await list.getByText('Heavy note number 0', { exact: true }).waitFor({ timeout: 30_000 });
    const drawn = await list.evaluate((ul) => ul.querySelectorAll(':scope > li').length);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);
    expect(await list.locator('li').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    console.log(
      `side panel, ${COUNT} notes: ${drawn} rows drawn, list shown ${openedInMs} ms after opening`,
    );

    await list.getByRole('button', { name: /Heavy note number 0(?!\d)/ }).focus();
    await heavy.keyboard.press('ArrowDown');
    await waitUntil(
      () => heavy.evaluate(() => document.activeElement?.textContent ?? ''),
      (text) => text.includes('Heavy note number 1') && !text.includes('number 10'),
      { what: 'focus on the second note' },
    );
    await heavy.keyboard.press('End');
    await waitUntil(
      () => heavy.evaluate(() => document.activeElement?.textContent ?? ''),
      (text) => text.includes(`Heavy note number ${COUNT - 1}`),
      { what: 'focus on the last note' },
    );
    const drawnAtEnd = await list.evaluate((ul) => ul.querySelectorAll(':scope > li').length);
    expect(drawnAtEnd).toBeLessThan(60);
  });
});

describe('the side panel as the tab navigates', () => {
  it('says a page of the site is not an article, and lists the claims again on the way back', async () => {
    await panel.bringToFront();
    await article.goto('https://www.globalresearch.ca/theme/culture-society-history', {
      waitUntil: 'load',
    });
    await panel.getByText('This page is not an article.').waitFor();
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-not-an-article-light.png') });
    expect(await panel.getByRole('list', { name: 'Claims, in reading order' }).count()).toBe(0);
    await article.goto(ARTICLE_URL, { waitUntil: 'load' });
    await panel.getByRole('list', { name: 'Claims, in reading order' }).waitFor();
    await panel.getByText(ARTICLE_HEADLINE).first().waitFor();
  });
});

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

declare const chrome: {
  windows: { create(details: object): Promise<unknown> };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
};
