/**
 * The browser-neutral driver (`driver.ts`) in real Firefox: Puppeteer over WebDriver BiDi for the
 * mouse, the keyboard and the frames, and BiDi's node handles for Counterpoint's controls in
 * closed shadow roots (BiDi finds them by role and accessible name, as the accessibility tree
 * does; page scripts cannot reach them).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, KeyInput, Page } from 'puppeteer-core';
import {
  type ArticleTab,
  type BrowserDriver,
  type BrowserSession,
  type Control,
  type ExtensionTab,
  elementsOfRoleInPage,
  focusInFrame,
  nameMatches,
  readPopoverInFrame,
  roleQuery,
  type SavedDownload,
  textMatchingInPage,
} from './driver';
import { type BidiValue, type FirefoxSession, launchFirefox } from './firefox';
import { setWebsiteAppearance } from './firefox-console';
import { waitForPopoverFrame } from './firefox-popover';
import { waitUntil } from './wait';

const MODIFIERS = new Set(['Alt', 'Shift', 'Control', 'Meta']);

/** A key as Playwright names it ("Alt+Shift+J", " ", "Control+Enter") pressed with Puppeteer. */
async function pressKey(page: Page, key: string): Promise<void> {
  const parts = key === '+' || !key.includes('+') ? [key] : key.split('+');
  const last = parts.pop() ?? '';
  const held = parts.filter((part) => MODIFIERS.has(part)) as KeyInput[];
  const main = (
    /^[a-z]$/i.test(last) && held.length > 0 ? `Key${last.toUpperCase()}` : last
  ) as KeyInput;
  for (const modifier of held) await page.keyboard.down(modifier);
  await page.keyboard.press(main);
  for (const modifier of held.reverse()) await page.keyboard.up(modifier);
}

/** The accessible name and role of closed-root elements, as the page-side code of a BiDi call. */
const DESCRIBE = `(element) => [
  element.getAttribute('aria-label') || (element.textContent || '').replace(/\\s+/g, ' ').trim(),
  element.getAttribute('role') || element.localName,
]`;

function strings(value: BidiValue): string[] {
  return ((value.value as BidiValue[] | undefined) ?? []).map((entry) => String(entry.value));
}

function tabFor(session: FirefoxSession, page: Page): ArticleTab {
  let frame: Frame | null = null;
  const popoverFrame = async (): Promise<Frame> => {
    frame ??= await waitForPopoverFrame(session, page);
    return frame;
  };
  const describe = async (sharedIds: string[]): Promise<string[][]> => {
    if (sharedIds.length === 0) return [];
    const result = await session.callWithRoots(
      page,
      `(roots, ...elements) => elements.map(${DESCRIBE})`,
      sharedIds.map((sharedId) => ({ sharedId })),
    );
    return ((result.value as BidiValue[] | undefined) ?? []).map(strings);
  };
  const controls = async (role: string, name?: string | RegExp): Promise<Control[]> => {
    const found = await session.findControls(
      page,
      role,
      typeof name === 'string' ? name : undefined,
    );
    const names = await describe(found.map((control) => control.sharedId));
    return found
      .map((control, index) => ({
        id: control.sharedId,
        role,
        name: typeof name === 'string' ? name : (names[index]?.[0] ?? ''),
      }))
      .filter((control) => nameMatches(control.name, name));
  };
  const frameBox = async () => {
    const result = await session.callWithRoots(
      page,
      `(roots) => {
        for (const root of roots) {
          const frame = root.querySelector('iframe');
          if (!frame) continue;
          const box = frame.getBoundingClientRect();
          return [box.x, box.y, box.width, box.height];
        }
        return null;
      }`,
    );
    const [x, y, width, height] = ((result.value as BidiValue[] | undefined) ?? []).map((entry) =>
      Number(entry.value),
    );
    if (x === undefined || y === undefined || width === undefined || height === undefined) {
      throw new Error('the popover is not laid out');
    }
    return { x, y, width, height };
  };
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    mouse: {
      move: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
      async click(x, y, count) {
        // Puppeteer's BiDi click leaves its idea of the pointer where it was; the wheel turns
        // there, so move first, as a reader's hand does.
        await page.mouse.move(x, y);
        await page.mouse.click(x, y, count ? { count } : undefined);
      },
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    },
    keyboard: {
      press: (key) => pressKey(page, key),
      type: (text) => page.keyboard.type(text),
    },
    viewport: () => page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight })),
    controls,
    async waitForControl(role, name) {
      const [first] = await waitUntil(
        () => controls(role, name),
        (found) => found.length > 0,
        { what: `a ${role} named ${String(name)}`, timeoutMs: 5000 },
      );
      if (!first) throw new Error(`no ${role} named ${String(name)}`);
      return first;
    },
    async box(control) {
      const result = await session.callWithRoots(
        page,
        `(roots, element) => {
          const box = element.getBoundingClientRect();
          return [box.x, box.y, box.width, box.height];
        }`,
        [{ sharedId: control.id }],
      );
      const [x = Number.NaN, y = Number.NaN, width = Number.NaN, height = Number.NaN] = (
        (result.value as BidiValue[] | undefined) ?? []
      ).map((entry) => Number(entry.value));
      return { x, y, width, height };
    },
    async resize(width, height) {
      await page.setViewport({ width, height });
    },
    async click(control) {
      // To the middle of the viewport first: scrolled only as far as needed, a control at the
      // top edge sits under the site's sticky header, which would take the click.
      await session.callWithRoots(
        page,
        '(roots, element) => element.scrollIntoView({ block: "center" })',
        [{ sharedId: control.id }],
      );
      await session.click(page, { sharedId: control.id, attributes: {} });
    },
    async focus(control) {
      await session.callWithRoots(page, '(roots, element) => element.focus()', [
        { sharedId: control.id },
      ]);
    },
    async textsWithin(control) {
      // As a screen reader reads them: the text nodes, without what is hidden from it.
      const result = await session.callWithRoots(
        page,
        `(roots, element) => {
          const texts = [];
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement && node.parentElement.closest('[aria-hidden="true"], style')) continue;
            const text = node.data.replace(/\\s+/g, ' ').trim();
            if (text) texts.push(text);
          }
          return texts;
        }`,
        [{ sharedId: control.id }],
      );
      return strings(result);
    },
    async focused() {
      const result = await session.callWithRoots(
        page,
        `(roots) => {
          for (const root of roots) if (root.activeElement) return root.activeElement;
          return null;
        }`,
      );
      if (result.type !== 'node' || !result.sharedId) return null;
      const [description] = await describe([result.sharedId]);
      return { id: result.sharedId, name: description?.[0] ?? '', role: description?.[1] ?? '' };
    },
    popover: {
      async waitFor(name) {
        const inFrame = await popoverFrame();
        const reading = await waitUntil(
          () => inFrame.evaluate(readPopoverInFrame),
          (shown) => shown !== null && nameMatches(shown.name, name),
          { what: `a popover named ${String(name)}`, timeoutMs: 5000 },
        );
        // Shown once the page side has sized and revealed the frame.
        await waitUntil(frameBox, (box) => box.height > 40, {
          what: 'the popover frame to open',
          timeoutMs: 5000,
        });
        if (!reading) throw new Error('no popover');
        return reading;
      },
      async read() {
        return (await popoverFrame()).evaluate(readPopoverInFrame);
      },
      async openCount() {
        const current = await session.popoverFrame(page);
        if (!current) return 0;
        return current.evaluate(
          () =>
            [...document.querySelectorAll('[role="dialog"]')].filter(
              (dialog) => dialog.getClientRects().length > 0,
            ).length,
        );
      },
      async waitClosed() {
        await waitUntil(
          () => this.openCount(),
          (count) => count === 0,
          { what: 'the popover to close' },
        );
      },
      async focus() {
        return (await popoverFrame()).evaluate(focusInFrame);
      },
      box: frameBox,
      async status() {
        return (await popoverFrame()).evaluate(
          () => document.querySelector('[role="status"], output')?.textContent ?? null,
        );
      },
      async clickByRole(role, name) {
        const inFrame = await popoverFrame();
        const point = await inFrame.evaluate(
          (wanted) => {
            const dialog = document.querySelector('[role="dialog"]');
            if (!dialog) throw new Error('no dialog shown');
            const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
            for (const element of dialog.querySelectorAll('*')) {
              const elementRole =
                element.getAttribute('role') ??
                (element.localName === 'a' && element.hasAttribute('href')
                  ? 'link'
                  : element.localName);
              const elementName = squash(
                element.getAttribute('aria-label') ?? element.textContent ?? '',
              );
              if (elementRole !== wanted.role || elementName !== wanted.name) continue;
              element.scrollIntoView({ block: 'nearest' });
              const box = element.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) continue;
              return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
            }
            throw new Error(`no ${wanted.role} named ${wanted.name} in the dialog`);
          },
          { role, name },
        );
        const offset = await session.popoverFrameOffset(page);
        if (!offset) throw new Error('the popover frame is not laid out');
        await page.mouse.move(offset.x + point.x, offset.y + point.y);
        await page.mouse.click(offset.x + point.x, offset.y + point.y);
      },
    },
    async waitForText(text) {
      // Firefox has no accessibility protocol here; BiDi reads the closed roots' text nodes
      // instead, each as a screen reader's static text (matched whole, or by the pattern).
      const test =
        typeof text === 'string'
          ? `(line) => line === ${JSON.stringify(text)}`
          : `(line) => new RegExp(${JSON.stringify(text.source)}, ${JSON.stringify(text.flags)}).test(line)`;
      await waitUntil(
        async () =>
          (
            await session.callWithRoots(
              page,
              `(roots) => roots.some((root) => {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if ((${test})(node.data.replace(/\\s+/g, ' ').trim())) return true;
                }
                return false;
              })`,
            )
          ).value === true,
        (shown) => shown,
        { what: `"${String(text)}" on the page`, timeoutMs: 5000 },
      );
    },
    async pressBrowserShortcut(shortcut) {
      await page.bringToFront();
      await session.pressBrowserShortcut(shortcut);
    },
    async countElements() {
      const light = await page.evaluate(() => document.getElementsByTagName('*').length);
      // BiDi hands over the closed roots of the page's hosts, which no page script can reach.
      const inRoots = await session.callWithRoots(
        page,
        `(roots) => roots.reduce((sum, root) => sum + root.querySelectorAll('*').length, 0)`,
      );
      return { light, shadow: Number(inRoots.value) };
    },
    async reload() {
      try {
        await page.reload({ waitUntil: 'load' });
      } catch (error) {
        // Seen once in a CI rehearsal (December 2026): Firefox aborted the reload right after
        // the tab's first load and a resize (NS_BINDING_ABORTED). A reader would press reload
        // again; so does the test, once.
        if (!String(error).includes('NS_BINDING_ABORTED')) throw error;
        await page.reload({ waitUntil: 'load' });
      }
      frame = null;
    },
    async emulateColorScheme(scheme) {
      // Puppeteer's media emulation needs CDP; Firefox's own setting does the same over BiDi.
      await setWebsiteAppearance(session, scheme);
      await waitUntil(
        () =>
          page.evaluate(
            (wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
            scheme,
          ),
        (matches) => matches,
        { what: `the page to see the ${scheme} scheme` },
      );
    },
    async screenshot(path, clip) {
      if (!clip) {
        await page.screenshot({ path: path as `${string}.png` });
        return;
      }
      // Puppeteer's clip is in the document's coordinates over BiDi; the box is the viewport's.
      const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      await page.screenshot({
        path: path as `${string}.png`,
        clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y },
      });
    },
    // Page scripts may read the clipboard in Firefox only through a paste prompt; the browser's
    // own realm reads it as the paste would.
    readClipboard: () => session.readClipboard(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** The raw BiDi connection of a session. */
function bidiOf(session: FirefoxSession): {
  send(method: string, params: object): Promise<{ result: unknown }>;
} {
  return (
    session.browser as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: unknown }> };
    }
  ).connection;
}

/** The browser's tabs as BiDi lists them (top-level browsing contexts). */
async function topLevelContexts(session: FirefoxSession): Promise<{ id: string; url: string }[]> {
  const { result } = await bidiOf(session).send('browsingContext.getTree', { maxDepth: 0 });
  return (result as { contexts: { context: string; url: string }[] }).contexts.map((context) => ({
    id: context.context,
    url: context.url,
  }));
}

/** Evaluates an expression in a tab over raw BiDi, as a string ("" when it cannot). */
async function evaluateIn(session: FirefoxSession, context: string, expression: string) {
  const { result } = await bidiOf(session).send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: false,
  });
  return String((result as { result?: { value?: unknown } }).result?.value ?? '');
}

/** Whether Puppeteer's scripts reach a page (within two seconds). */
async function responds(page: Page): Promise<boolean> {
  const answer = page.evaluate(() => true).catch(() => false);
  const silence = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000));
  return Promise.race([answer, silence]);
}

/** Waits until a download has been saved in the folder, and returns its name and text. */
async function savedDownload(dir: string, before: ReadonlySet<string>): Promise<SavedDownload> {
  const filename = await waitUntil(
    async () => {
      const names = readdirSync(dir);
      // Firefox writes into "<name>.part" and renames it when the download is complete.
      return names.find(
        (name) =>
          !before.has(name) &&
          !name.endsWith('.part') &&
          !names.includes(`${name}.part`) &&
          statSync(join(dir, name)).size > 0,
      );
    },
    (name) => name !== undefined,
    { what: `a download saved in ${dir}` },
  );
  if (!filename) throw new Error('no download');
  return { filename, text: readFileSync(join(dir, filename), 'utf8') };
}

/** One of the extension's pages open in a tab. */
function extensionTab(page: Page, session?: FirefoxSession): ExtensionTab {
  const find = (role: string, name?: string | RegExp, reveal = false) =>
    page.evaluate(elementsOfRoleInPage, { ...roleQuery(role, name), reveal });
  const clickAt = async (role: string, name: string | RegExp) => {
    const [first] = await find(role, name, true);
    if (!first || Number.isNaN(first.x)) throw new Error(`no ${role} named ${String(name)} shown`);
    await page.mouse.move(first.x, first.y);
    await page.mouse.click(first.x, first.y);
  };
  return {
    url: () => page.evaluate(() => location.href),
    async waitForHeading(level, name) {
      await waitUntil(
        () =>
          page.evaluate(
            (wanted) =>
              [...document.querySelectorAll(`h${wanted.level}`)].some(
                (heading) =>
                  (heading.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted.name,
              ),
            { level, name },
          ),
        (found) => found,
        { what: `a level-${level} heading "${name}"`, timeoutMs: 10_000 },
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    text: async () =>
      (
        await page.evaluate(
          // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (no <style>, nothing hidden)
          () => document.body.innerText,
        )
      )
        .replace(/\s+/g, ' ')
        .trim(),
    clickByRole: (role, name) => clickAt(role, name),
    switchState: (name) =>
      page.evaluate(
        (wanted) =>
          [...document.querySelectorAll('[role="switch"]')]
            .find(
              (element) =>
                (element.getAttribute('aria-label') ??
                  (element as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
                  element.textContent?.trim()) === wanted,
            )
            ?.getAttribute('aria-checked') ?? null,
        name,
      ),
    statusTexts: () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[role="status"], output')].map(
          (element) => element.textContent ?? '',
        ),
      ),
    names: async (role, name) => (await find(role, name)).map((found) => found.name),
    textOf: async (role, name) => (await find(role, name))[0]?.text ?? null,
    textMatching: (pattern) =>
      page.evaluate(textMatchingInPage, { source: pattern.source, flags: pattern.flags }),
    async fill(role, name, text) {
      await clickAt(role, name);
      await pressKey(page, 'Control+A');
      if (text === '') await pressKey(page, 'Backspace');
      else await page.keyboard.type(text);
    },
    press: (key) => pressKey(page, key),
    focusedName: async () =>
      (await page.evaluate(elementsOfRoleInPage, { role: '*', focusedOnly: true }))[0]?.name ?? '',
    async setFiles(name, files) {
      // BiDi's `input.setFiles` takes files on disk, as the file picker gives them.
      const dir = mkdtempSync(join(tmpdir(), 'counterpoint-chosen-'));
      const paths = files.map((file) => {
        const path = join(dir, file.name);
        writeFileSync(path, file.content);
        return path;
      });
      const input = await page.evaluateHandle((wanted) => {
        const found = [...document.querySelectorAll('input[type="file"]')].find(
          (element) =>
            (element.getAttribute('aria-label') ??
              (element as HTMLInputElement).labels?.[0]?.textContent?.trim()) === wanted,
        );
        if (!found) throw new Error(`no file input named ${wanted}`);
        return found as HTMLInputElement;
      }, name);
      try {
        await input.uploadFile(...paths);
      } finally {
        await input.dispose();
      }
    },
    async download(action) {
      if (!session) throw new Error('downloads need the session');
      const before = new Set(readdirSync(session.downloadDir));
      await action();
      return savedDownload(session.downloadDir, before);
    },
    async resize(width, height) {
      await page.setViewport({ width, height });
    },
    async emulateColorScheme(scheme) {
      if (!session) throw new Error('the colour scheme needs the session');
      // Firefox's own setting (for every page), as in the article tabs.
      await setWebsiteAppearance(session, scheme);
      await waitUntil(
        () =>
          page.evaluate(
            (wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
            scheme,
          ),
        (matches) => matches,
        { what: `the page to see the ${scheme} scheme` },
      );
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    isClosed: () => page.isClosed(),
    async close() {
      if (!page.isClosed()) await page.close();
    },
  };
}

/** Counterpoint in Firefox, for the shared suites. */
export const firefoxDriver: BrowserDriver = {
  name: 'Firefox',
  popupClosesForFilePicker: true,
  async launch(options = {}): Promise<BrowserSession> {
    // The size the Chromium sessions have, so a suite sees the same page in both.
    const session = await launchFirefox({
      viewport: { width: 1280, height: 900 },
      serveOpenedTabs: true,
      ...(options.language ? { language: options.language } : {}),
    });
    // The extension page that runs `inExtension` opens first, so the tabs a test opens later
    // stay in front of it: a background tab scrolls no wheel and runs no animation frames.
    await session.inExtension(() => true, undefined);
    const pages = new WeakMap<ArticleTab, Page>();
    return {
      unexpectedRequests: session.unexpectedRequests,
      async open(url) {
        const page = await session.open(url);
        const tab = tabFor(session, page);
        pages.set(tab, page);
        return tab;
      },
      async tabIdOf(tab) {
        const page = pages.get(tab);
        if (!page) throw new Error('not a tab of this session');
        return session.tabIdOf(page);
      },
      toolbarButton: (tabId) =>
        session.inExtension(async (id: number) => {
          // MV2: the toolbar button is the browser action.
          const action = (
            globalThis as unknown as {
              browser: {
                browserAction: {
                  getBadgeText(details: object): Promise<string>;
                  getTitle(details: object): Promise<string>;
                };
              };
            }
          ).browser.browserAction;
          return {
            badge: await action.getBadgeText({ tabId: id }),
            title: await action.getTitle({ tabId: id }),
          };
        }, tabId),
      extensionUrl: (path) => `${session.extensionOrigin}/${path.replace(/^\//, '')}`,
      async waitForNewTab(action) {
        const before = new Set((await topLevelContexts(session)).map((context) => context.id));
        await action();
        const opened = await waitUntil(
          async () => (await topLevelContexts(session)).find((context) => !before.has(context.id)),
          (context) => context !== undefined,
          { what: 'a new tab', timeoutMs: 10_000 },
        );
        if (!opened) throw new Error('no new tab');
        // Puppeteer does not see an extension page's load over BiDi; the page itself says so.
        const address = await waitUntil(
          () => evaluateIn(session, opened.id, 'document.readyState + " " + location.href'),
          (state) => /^complete (?!about:blank)/.test(state),
          { what: 'the new tab to load', timeoutMs: 10_000 },
        );
        const url = address.slice('complete '.length);
        const known = (await session.browser.pages()).find(
          (page) => (page.mainFrame() as unknown as { _id: string })._id === opened.id,
        );
        if (known && (await responds(known))) return extensionTab(known, session);
        // A tab an extension page opens with `target="_blank"` gets no Puppeteer page (or one
        // whose scripts never answer): once it is seen loaded at its address, the same address
        // is opened in a tab Puppeteer drives, and the first is closed.
        if (!url.startsWith(session.extensionOrigin))
          throw new Error(`not an extension page: ${url}`);
        const driven = await session.openExtensionPage(url.slice(session.extensionOrigin.length));
        await bidiOf(session).send('browsingContext.close', { context: opened.id });
        return extensionTab(driven, session);
      },
      async waitForArticleTab(address) {
        const page = await waitUntil(
          async () =>
            (await session.browser.pages()).find((shown) => shown.url().startsWith(address)),
          (shown) => shown !== undefined,
          { what: `a tab showing ${address}` },
        );
        if (!page) throw new Error(`no tab shows ${address}`);
        await waitUntil(
          () => page.evaluate(() => document.readyState === 'complete').catch(() => false),
          (loaded) => loaded,
          { what: `${address} to load` },
        );
        const tab = tabFor(session, page);
        pages.set(tab, page);
        return tab;
      },
      openExtensionPage: async (path) =>
        extensionTab(await session.openExtensionPage(path), session),
      inExtension: (fn, arg) => session.inExtension(fn, arg),
      stopBackground: () => session.stopBackground(),
      close: () => session.close(),
    };
  },
};
