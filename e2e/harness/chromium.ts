/**
 * Real Chromium with the built extension loaded (playwright-core and Debian's Chromium).
 * Every request is intercepted: the site's addresses get the offline copy; anything else is
 * recorded as an unexpected request and refused, so a test can prove the extension calls home to
 * nobody.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { ARTICLE_URL } from '../fixtures';
import { defaultSite, isSiteAddress, pageFor, type SiteMap } from './offline-site';
import { CHROME_BUILD } from './paths';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network (see the toolchain guide). */
export const CHROMIUM_QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running Chromium with Counterpoint loaded. */
export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** Requests to anything but the offline site and the extension itself. */
  unexpectedRequests: string[];
  /** The extension's service worker (waits for a new one after it was stopped). */
  worker(): Promise<Worker>;
  /**
   * Runs a function in an extension page (with the extension API and its IndexedDB), which works
   * whether or not the service worker is running.
   */
  inExtension<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** Opens an address of the offline site in a new tab and waits for it to load. */
  open(url?: string): Promise<Page>;
  /** The browser's id of the tab showing a page. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup as a page, for the given tab. */
  openPopup(tabId?: number): Promise<Page>;
  /** The toolbar badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /** Stops the extension's service worker, as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Options for a session. */
export interface ChromiumOptions {
  headless?: boolean;
  site?: SiteMap;
  colorScheme?: 'light' | 'dark';
  /** Extra launch arguments (e.g. a window size for the demo). */
  args?: string[];
  /** The unpacked build to load (this checkout's Chrome build by default). */
  extensionPath?: string;
}

/** Launches Chromium with the extension and the offline site. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  // Lets Playwright see (and route) the service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-chromium-'));
  const site = options.site ?? defaultSite;
  const build = options.extensionPath ?? CHROME_BUILD;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_QUIET_FLAGS,
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      ...(options.args ?? []),
    ],
  });
  const unexpectedRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const address = route.request().url();
    if (isSiteAddress(address)) {
      const html = pageFor(site, address);
      if (html === undefined) {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      } else {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return;
    }
    if (address.startsWith('chrome-extension://') || address.startsWith('data:')) {
      await route.continue();
      return;
    }
    unexpectedRequests.push(address);
    await route.abort('blockedbyclient');
  });

  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  // Opened first, so that the pages a test opens later are in front of it: a background tab
  // runs no animations or frames, and the reader's tab is always the front one.
  let extensionPage: Page | null = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tabId=-1`);
  const inExtension = async <Arg, Result>(
    fn: (arg: Arg) => Result | Promise<Result>,
    arg: Arg,
  ): Promise<Result> => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tabId=-1`);
    }
    const page = extensionPage;
    return page.evaluate(fn as never, arg as never) as Promise<Result>;
  };

  const session: ChromiumSession = {
    context,
    extensionId,
    unexpectedRequests,
    worker,
    inExtension,
    async open(url = ARTICLE_URL) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await inExtension(async (address: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === address)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`No tab shows ${url}`);
      return id;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async badgeText(tabId) {
      return inExtension((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async stopServiceWorker() {
      const running = context
        .serviceWorkers()
        .find((w) => w.url().startsWith('chrome-extension://'));
      const closed = running ? new Promise((resolve) => running.once('close', resolve)) : null;
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      // Wait until it is really gone, so nothing talks to the stopped worker by mistake.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1500))]);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
