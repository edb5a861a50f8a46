/**
 * Real Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) with the
 * Firefox build installed as a temporary add-on; the offline site is served by request
 * interception. The add-on's internal UUID is fixed by a pref so that its own requests can be told
 * apart. (WebDriver BiDi does not open moz-extension:// pages, so the popup is tested in Chromium.)
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ARTICLE_URL } from '../fixtures';
import { defaultSite, isSiteAddress, pageFor, type SiteMap } from './offline-site';
import { FIREFOX_BUILD } from './paths';

/** Where Debian installs Firefox ESR. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id from wxt.config.ts. */
export const GECKO_ID = 'counterpoint@counterpoint.invalid';

/** A running Firefox with Counterpoint installed. */
export interface FirefoxSession {
  browser: Browser;
  /** The moz-extension:// origin of the add-on. */
  extensionOrigin: string;
  /** Requests to anything but the offline site and the add-on itself, from any page. */
  unexpectedRequests: string[];
  open(url?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Options for a session. */
export interface FirefoxOptions {
  site?: SiteMap;
}

/** Launches Firefox with the add-on and the offline site. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const site = options.site ?? defaultSite;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Quiet on a closed network.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const extensionOrigin = `moz-extension://${uuid}`;
  const unexpectedRequests: string[] = [];

  const intercept = async (page: Page): Promise<void> => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const address = request.url();
      if (isSiteAddress(address)) {
        const html = pageFor(site, address);
        void (html === undefined
          ? request.respond({ status: 404, contentType: 'text/plain', body: 'Not found' })
          : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
        return;
      }
      if (
        address.startsWith(extensionOrigin) ||
        address.startsWith('data:') ||
        address === 'about:blank'
      ) {
        void request.continue();
        return;
      }
      unexpectedRequests.push(address);
      void request.abort();
    });
  };

  const session: FirefoxSession = {
    browser,
    extensionOrigin,
    unexpectedRequests,
    async open(url = ARTICLE_URL) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
  return session;
}
