/**
 * The side panel overview in Firefox ESR (the sidebar's page, `sidepanel.html?tabId=<id>`,
 * opened in a tab of its own over WebDriver BiDi, as the toolchain guide describes): its claims
 * are in the page's order, choosing one with the mouse opens that claim's popover in the
 * article's tab and marks it current in the panel, the verdict filter narrows the list, and axe finds nothing serious (light).
 */
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { frameDialog, waitForPopoverFrame } from './harness/firefox-popover';
import { waitUntil } from './harness/wait';

const require = createRequire(import.meta.url);
const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');

let session: FirefoxSession;
let article: Page;
let panel: Page;

/** Navigates a tab to an extension page (puppeteer's `goto` never sees such a load in Firefox). */
async function navigate(page: Page, url: string): Promise<void> {
  const bidi = (
    session.browser as unknown as {
      connection: { send(method: string, params: object): Promise<unknown> };
    }
  ).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

/** The text of each drawn claim row, by its place in the list (all 14 fit the tall window). */
function claimRows(page: Page): Promise<{ at: number; of: number; text: string }[]> {
  return page.evaluate(() => {
    const list = document.querySelector('ul[aria-label="Claims, in reading order"]');
    return [...(list?.querySelectorAll(':scope > li') ?? [])]
      .map((li) => ({
        at: Number(li.getAttribute('aria-posinset')),
        of: Number(li.getAttribute('aria-setsize')),
        text: li.querySelector('.cp-entry-quote')?.textContent ?? '',
      }))
      .sort((a, b) => a.at - b.at);
  });
}

/** Clicks the middle of the first element matching a selector, with the real mouse. */
async function clickSelector(page: Page, selector: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const element = document.querySelector(wanted);
    if (!element) return null;
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  if (!point) throw new Error(`nothing matches ${selector}`);
  await page.mouse.click(point.x, point.y);
}

beforeAll(async () => {
  session = await launchFirefox({ args: ['--remote-allow-system-access'] });
  article = await session.open(ARTICLE_URL);
  panel = await session.browser.newPage();
  await panel.setViewport({ width: 400, height: 4000 });
  await navigate(panel, `${session.extensionOrigin}/sidepanel.html`);
  const tabId = await waitUntil(
    () =>
      panel.evaluate(async (address) => {
        const api = (
          globalThis as unknown as {
            browser: {
              tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
              storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
            };
          }
        ).browser;
        const tab = (await api.tabs.query({})).find((candidate) => candidate.url === address);
        if (tab?.id === undefined) return -1;
        const key = `tab:${tab.id}`;
        const record = (await api.storage.session.get(key))[key] as
          | { claimsAnchored?: number }
          | undefined;
        return (record?.claimsAnchored ?? 0) > 0 ? tab.id : -1;
      }, ARTICLE_URL),
    (id) => id >= 0,
    { what: 'the article tab painted', timeoutMs: 20_000 },
  );
  await navigate(panel, `${session.extensionOrigin}/sidepanel.html?tabId=${tabId}`);
  await waitUntil(
    () => claimRows(panel),
    (rows) => rows.length === pack.claims.length,
    { what: 'the claims listed' },
  );
}, 90_000);

afterAll(async () => {
  await session?.close();
});

describe('the side panel overview in Firefox', () => {
  it('lists the article’s claims in the order they appear in the page', async () => {
    const listed = (await claimRows(panel)).map((row) => row.text);
    const positions = await article.evaluate((quotes) => {
      const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
      return quotes.map((quote) => text.indexOf(quote.replace(/\s+/g, ' ').slice(0, 40)));
    }, listed);
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('opens a claim’s popover in the article from the panel', async () => {
    const claim = pack.claims[2]!;
    await clickSelector(panel, `li[aria-posinset="3"] .cp-entry-main`);
    const frame = await waitForPopoverFrame(session, article);
    const dialog = await waitUntil(
      () => frameDialog(frame),
      (shown) => shown?.name.includes(claim.summary.slice(0, 30)) ?? false,
      { what: 'the claim’s popover in the article' },
    );
    expect(dialog?.text).toContain(claim.summary.slice(0, 30));
    // The page reports what it opened, and the panel marks that entry.
    await waitUntil(
      () =>
        panel.evaluate(
          () =>
            document
              .querySelector('[aria-current="true"]')
              ?.closest('li')
              ?.getAttribute('aria-posinset') ?? null,
        ),
      (place) => place === '3',
      { what: 'the claim marked current in the panel' },
    );
  });

  it('narrows the claims to a verdict with the filter', async () => {
    const verdict = pack.claims.find(
      (claim) => pack.claims.filter((other) => other.verdict === claim.verdict).length > 1,
    )!.verdict;
    const wanted = pack.claims.filter((claim) => claim.verdict === verdict);
    await clickSelector(panel, `.cp-sp-filter button:has([data-verdict="${verdict}"])`);
    const rows = await waitUntil(
      () => claimRows(panel),
      (listed) => listed.length === wanted.length,
      { what: 'the filtered claims' },
    );
    expect(rows.map((row) => row.text)).toEqual(wanted.map((claim) => claim.quote.exact));
    await clickSelector(panel, '.cp-sp-clear');
  });

  // Puppeteer emulates the colour scheme over CDP only; the dark scheme is checked in Chromium.
  it('has no serious axe violation (light)', async () => {
    const axeSource = require('node:fs').readFileSync(
      require.resolve('axe-core/axe.min.js'),
      'utf8',
    ) as string;
    await panel.evaluate(axeSource);
    const violations = (await panel.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
      const result = (await axe.run()) as {
        violations: { id: string; impact: string | null }[];
      };
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id);
    })) as string[];
    expect(violations).toEqual([]);
  });
});
