/**
 * Real Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) with the
 * Firefox build installed as a temporary add-on; the offline site is served by request
 * interception. The add-on's internal UUID is fixed by a pref so that its own requests can be told
 * apart, and so that the popover frame (`popover.html`, an extension page inside the article's
 * tab) can be told from the page's own frames, and so that the add-on's own pages (the popup, the
 * notes manager) can be opened in a tab over BiDi.
 *
 * Counterpoint's controls on the page live in closed shadow roots, which page scripts cannot
 * enter; WebDriver BiDi can, as the accessibility tree does: {@link FirefoxSession.findControls}
 * finds them by role and name, the way a screen reader meets them.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { ARTICLE_URL } from '../fixtures';
import { settledCenter } from './layout';
import { defaultSite, isSiteAddress, pageFor, type SiteMap } from './offline-site';
import { FIREFOX_BUILD } from './paths';

/** Where Debian installs Firefox ESR. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id from wxt.config.ts. */
export const GECKO_ID = 'counterpoint@counterpoint.invalid';

/** An element inside one of Counterpoint's closed shadow roots, as WebDriver BiDi names it. */
export interface ClosedRootControl {
  /** BiDi's handle on the node. */
  sharedId: string;
  /** The element's attributes (a marker's accessible name is its `aria-label`). */
  attributes: Record<string, string>;
}

/** A running Firefox with Counterpoint installed. */
export interface FirefoxSession {
  browser: Browser;
  /** The moz-extension:// origin of the add-on. */
  extensionOrigin: string;
  /** Requests to anything but the offline site and the add-on itself, from any page. */
  unexpectedRequests: string[];
  /**
   * The folder downloads are saved to, without asking (`browser.download.dir` with
   * `browser.download.folderList` 2): a test reads a saved file from there.
   */
  downloadDir: string;
  /**
   * Opens a page at `url`; `prepare`, if given, runs on the new page before it navigates (e.g. to
   * install a script that runs before any of the page's own, with `evaluateOnNewDocument`).
   */
  open(url?: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page>;
  /**
   * Opens one of the add-on's own pages (`popup.html?tabId=3`, `notes.html`) in a new tab. A raw
   * BiDi `browsingContext.navigate` that waits for the load: puppeteer's `page.goto` never sees
   * a moz-extension:// page load.
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs a function in an extension page (with the add-on's `browser.*` API). */
  inExtension<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** The browser's id of the tab showing a page (read in an extension page). */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Controls with `role` (and exactly `name`, if given) inside closed shadow roots on the page's
   * `span` and `div` hosts, in document order: the claim markers, the "Add note" button.
   */
  findControls(page: Page, role: string, name?: string): Promise<ClosedRootControl[]>;
  /** Clicks the middle of a control with the real mouse. */
  click(page: Page, control: ClosedRootControl): Promise<void>;
  /**
   * Calls a function (its source) in the page's realm with BiDi node handles as its arguments
   * (the page's closed shadow roots first, then `nodes`), and returns BiDi's serialised result.
   */
  callWithRoots(page: Page, source: string, nodes?: { sharedId: string }[]): Promise<BidiValue>;
  /** The popover frame of the page (the child frame of the extension's origin), or null. */
  popoverFrame(page: Page): Promise<Frame | null>;
  /**
   * Where the popover frame's content starts in the page's viewport (its `iframe` is in a closed
   * shadow root, so neither the page nor Puppeteer's `frameElement` finds it; BiDi does), or null
   * when there is no frame. Add it to a point inside the frame to click there with the mouse.
   */
  popoverFrameOffset(page: Page): Promise<{ x: number; y: number } | null>;
  /**
   * Terminates the add-on's background page as about:debugging's "Terminate background script"
   * does (in the browser's own realm, which `--remote-allow-system-access` opens to BiDi) and
   * waits until it is stopped; the next event the add-on listens for starts it again.
   */
  stopBackground(): Promise<void>;
  /** The text on the system clipboard, read in the browser's own realm (as a paste would). */
  readClipboard(): Promise<string>;
  /**
   * Presses a browser keyboard shortcut ("Alt+Shift+M": modifiers, then one letter) in the front
   * window: the key events are dispatched in the browser's own realm, where its table of
   * shortcuts (the add-on's commands among them) listens; a key sent to a page never gets there.
   */
  pressBrowserShortcut(shortcut: string): Promise<void>;
  close(): Promise<void>;
}

/** The part of puppeteer's BiDi connection used here (`Browser.connection` in BiDi mode). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  /** BiDi events the session subscribed to, by method name. */
  on(event: string, listener: (params: never) => void): unknown;
}

/** A value as BiDi serialises it (`script.RemoteValue`), in part. */
export interface BidiValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** A node as BiDi serialises it (`script.NodeRemoteValue`), in part. */
interface BidiNode {
  sharedId: string;
  value?: {
    attributes?: Record<string, string>;
    shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null;
  };
}

/** Options for a session. */
export interface FirefoxOptions {
  site?: SiteMap;
  /** Extra command-line arguments, e.g. `--remote-allow-system-access` to drive extension pages. */
  args?: string[];
  /** The unpacked add-on to install (this checkout's Firefox MV2 build by default). */
  extensionPath?: string;
  /** The pages' viewport (Puppeteer's 800 × 600 by default). */
  viewport?: { width: number; height: number };
  /**
   * The interface language to ask for ("fr"); Firefox uses it when its language pack is
   * installed (Debian's `firefox-esr-l10n-*`, which `e2e/install-browsers.sh` installs).
   */
  language?: string;
  /**
   * Also serve the offline site to tabs the add-on opens itself (a note's article): request
   * interception is per page, and such a tab starts loading before a test could set it up, so
   * a browser-wide BiDi intercept answers the site's addresses in every other tab.
   */
  serveOpenedTabs?: boolean;
}

/** A request paused by a BiDi intercept (`network.beforeRequestSent`), in part. */
interface PausedRequest {
  context: string | null;
  isBlocked: boolean;
  intercepts?: string[];
  request: { request: string; url: string };
}

/**
 * Answers the offline site's addresses in every tab but those in `selfServed` (which intercept
 * their own) with a browser-wide BiDi intercept, so that a tab the add-on opens never asks the
 * real site.
 */
async function serveOtherTabs(
  bidi: BidiConnection,
  site: SiteMap,
  selfServed: ReadonlySet<string>,
): Promise<void> {
  const { result } = await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'https', hostname: 'www.globalresearch.ca' },
      { type: 'pattern', protocol: 'https', hostname: 'globalresearch.ca' },
    ],
  });
  const { intercept } = result as { intercept: string };
  bidi.on('network.beforeRequestSent', (params: PausedRequest) => {
    if (!params.isBlocked || !params.intercepts?.includes(intercept)) return;
    if (params.context !== null && selfServed.has(params.context)) return;
    const html = pageFor(site, params.request.url);
    void bidi
      .send('network.provideResponse', {
        request: params.request.request,
        statusCode: html === undefined ? 404 : 200,
        reasonPhrase: html === undefined ? 'Not Found' : 'OK',
        headers: [
          {
            name: 'content-type',
            value: {
              type: 'string',
              value: html === undefined ? 'text/plain' : 'text/html; charset=utf-8',
            },
          },
        ],
        body: { type: 'string', value: html ?? 'Not found' },
      })
      .catch(() => undefined);
  });
}

/** Launches Firefox with the add-on and the offline site. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const downloadDir = mkdtempSync(join(tmpdir(), 'counterpoint-firefox-downloads-'));
  const site = options.site ?? defaultSite;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(options.viewport ? { defaultViewport: options.viewport } : {}),
    // Lets WebDriver BiDi open the add-on's own pages (the popup, the notes manager) and read the
    // browser console; without it `browsingContext.navigate` to moz-extension:// is refused.
    args: [...new Set(['--remote-allow-system-access', ...(options.args ?? [])])],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Quiet on a closed network.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...(options.language
        ? { 'intl.locale.requested': options.language, 'intl.accept_languages': options.language }
        : {}),
      // Downloads go straight to a folder of the session's own, as a reader's "save to" folder.
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  await browser.installExtension(options.extensionPath ?? FIREFOX_BUILD);
  const extensionOrigin = `moz-extension://${uuid}`;
  const unexpectedRequests: string[] = [];

  const intercept = async (page: Page): Promise<void> => {
    await page.setRequestInterception(true);
    // A request the tab dropped before its answer (a reload, a closed tab) needs none: Firefox
    // then says "no such request", which must not surface as an unhandled rejection.
    const answered = (answer: Promise<void>): void => {
      answer.catch((error: unknown) => {
        const { message, originalMessage } = (error ?? {}) as {
          message?: unknown;
          originalMessage?: unknown;
        };
        if (!/no such request/i.test(`${String(message)} ${String(originalMessage)}`)) throw error;
      });
    };
    page.on('request', (request) => {
      const address = request.url();
      if (isSiteAddress(address)) {
        const html = pageFor(site, address);
        answered(
          html === undefined
            ? request.respond({ status: 404, contentType: 'text/plain', body: 'Not found' })
            : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
        );
        return;
      }
      if (
        address.startsWith(extensionOrigin) ||
        address.startsWith('data:') ||
        address === 'about:blank'
      ) {
        answered(request.continue());
        return;
      }
      unexpectedRequests.push(address);
      answered(request.abort());
    });
  };

  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  // Puppeteer's frame id is the BiDi browsing context id.
  const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;
  /** Tabs that intercept their own requests (opened by `open`). */
  const selfServed = new Set<string>();
  if (options.serveOpenedTabs) await serveOtherTabs(bidi, site, selfServed);
  const locate = async (params: object): Promise<BidiNode[]> => {
    const { result } = await bidi.send('browsingContext.locateNodes', {
      serializationOptions: { maxDomDepth: 0 },
      ...params,
    });
    return (result as { nodes: BidiNode[] }).nodes;
  };

  /** The closed shadow roots on the page's `span` and `div` hosts. */
  const closedRoots = async (context: string): Promise<{ sharedId: string }[]> => {
    const hosts = await locate({ context, locator: { type: 'css', value: 'span, div' } });
    return hosts.flatMap((host) => {
      const root = host.value?.shadowRoot;
      return root?.sharedId && root.value?.mode === 'closed' ? [{ sharedId: root.sharedId }] : [];
    });
  };

  const popoverFrame = async (page: Page): Promise<Frame | null> => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      // Puppeteer keeps the iframe's first address (about:blank); ask the frame itself.
      const origin = await frame.evaluate(() => location.origin).catch(() => '');
      if (origin === extensionOrigin) return frame;
    }
    return null;
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await bidi.send('browsingContext.navigate', {
      context: contextOf(page),
      url: `${extensionOrigin}/${path.replace(/^\//, '')}`,
      wait: 'complete',
    });
    return page;
  };
  /** Evaluates an expression in the browser's own (chrome) realm, which the flag opens to BiDi. */
  const inBrowserRealm = async (expression: string): Promise<BidiValue> => {
    const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const [window] = (tree as { contexts: { context: string }[] }).contexts;
    if (!window) throw new Error('no browser window');
    const { result } = await bidi.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    });
    const outcome = result as { result?: BidiValue; exceptionDetails?: { text: string } };
    if (outcome.exceptionDetails) throw new Error(outcome.exceptionDetails.text);
    return outcome.result ?? { type: 'undefined' };
  };
  let extensionPage: Page | null = null;
  const inExtension = async <Arg, Result>(
    fn: (arg: Arg) => Result | Promise<Result>,
    arg: Arg,
  ): Promise<Result> => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await openExtensionPage('popup.html?tabId=-1');
    }
    return extensionPage.evaluate(fn as never, arg as never) as Promise<Result>;
  };

  const session: FirefoxSession = {
    browser,
    extensionOrigin,
    unexpectedRequests,
    downloadDir,
    openExtensionPage,
    inExtension,
    async tabIdOf(page) {
      const url = page.url();
      const id = await inExtension(async (address: string) => {
        const tabs = await (
          globalThis as unknown as {
            browser: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };
          }
        ).browser.tabs.query({});
        return tabs.find((tab) => tab.url === address)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`No tab shows ${url}`);
      return id;
    },
    async open(url = ARTICLE_URL, prepare) {
      const page = await browser.newPage();
      selfServed.add(contextOf(page));
      await intercept(page);
      await prepare?.(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async findControls(page, role, name) {
      const context = contextOf(page);
      const roots = await closedRoots(context);
      if (roots.length === 0) return [];
      const found = await locate({
        context,
        locator: { type: 'accessibility', value: name === undefined ? { role } : { role, name } },
        startNodes: roots,
      });
      return found.map((node) => ({
        sharedId: node.sharedId,
        attributes: node.value?.attributes ?? {},
      }));
    },
    async click(page, control) {
      const { result } = await bidi.send('script.callFunction', {
        functionDeclaration: String(settledCenter),
        arguments: [{ sharedId: control.sharedId }, { type: 'string', value: 'nearest' }],
        // A sandbox of the harness's own, where the page's scripts (a hostile page's included)
        // cannot patch what the click reads.
        target: { context: contextOf(page), sandbox: 'counterpoint-test-harness' },
        awaitPromise: true,
      });
      const point = (result as { result?: { value?: { value?: unknown }[] } }).result?.value;
      const [x, y] = (point ?? []).map((entry) => Number(entry.value));
      if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) {
        throw new Error(`no box for control ${JSON.stringify(control.attributes)}`);
      }
      await page.mouse.click(x, y);
    },
    async callWithRoots(page, source, nodes = []) {
      const context = contextOf(page);
      const roots = await closedRoots(context);
      const { result } = await bidi.send('script.callFunction', {
        functionDeclaration: source,
        arguments: [
          { type: 'array', value: roots.map((root) => ({ sharedId: root.sharedId })) },
          ...nodes.map((node) => ({ sharedId: node.sharedId })),
        ],
        target: { context },
        awaitPromise: true,
        serializationOptions: { maxDomDepth: 0 },
      });
      const outcome = result as { result?: BidiValue; exceptionDetails?: { text: string } };
      if (outcome.exceptionDetails) throw new Error(outcome.exceptionDetails.text);
      return outcome.result ?? { type: 'undefined' };
    },
    popoverFrame,
    async popoverFrameOffset(page) {
      const context = contextOf(page);
      const roots = await closedRoots(context);
      if (roots.length === 0) return null;
      const frames = await locate({
        context,
        locator: { type: 'css', value: 'iframe' },
        startNodes: roots,
      });
      const [frame] = frames;
      if (!frame) return null;
      const { result } = await bidi.send('script.callFunction', {
        functionDeclaration: String((element: Element) => {
          const box = element.getBoundingClientRect();
          return [box.left + element.clientLeft, box.top + element.clientTop];
        }),
        arguments: [{ sharedId: frame.sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const point = (result as { result?: { value?: { value?: unknown }[] } }).result?.value;
      const [x, y] = (point ?? []).map((entry) => Number(entry.value));
      if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) return null;
      return { x, y };
    },
    async stopBackground() {
      const state = await inBrowserRealm(`(async () => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
        await extension.terminateBackground();
        return extension.backgroundState;
      })()`);
      if (state.value !== 'stopped') {
        throw new Error(`the background is ${String(state.value)}, not stopped`);
      }
    },
    async pressBrowserShortcut(shortcut) {
      const parts = shortcut.split('+');
      const letter = (parts.pop() ?? '').toUpperCase();
      if (!/^[A-Z]$/.test(letter)) throw new Error(`not a letter shortcut: ${shortcut}`);
      const held = {
        altKey: parts.includes('Alt'),
        shiftKey: parts.includes('Shift'),
        ctrlKey: parts.includes('Control'),
        metaKey: parts.includes('Meta'),
      };
      await inBrowserRealm(`(() => {
        const held = ${JSON.stringify(held)};
        for (const type of ['keydown', 'keypress', 'keyup']) {
          document.documentElement.dispatchEvent(new KeyboardEvent(type, {
            ...held,
            key: ${JSON.stringify(letter)},
            code: ${JSON.stringify(`Key${letter}`)},
            keyCode: ${letter.charCodeAt(0)},
            charCode: type === 'keypress' ? ${letter.charCodeAt(0)} : 0,
            bubbles: true,
            cancelable: true,
          }));
        }
      })()`);
    },
    async readClipboard() {
      const text = await inBrowserRealm(`(() => {
        const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transfer.init(null);
        transfer.addDataFlavor('text/plain');
        Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
        const data = {};
        transfer.getTransferData('text/plain', data);
        return data.value.QueryInterface(Ci.nsISupportsString).data;
      })()`);
      return String(text.value ?? '');
    },
    async close() {
      await browser.close();
    },
  };
  return session;
}
