/**
 * The browser-neutral driver (`driver.ts`) in real Chromium: Playwright for the mouse, the keyboard
 * and the frames, and the DevTools protocol's accessibility tree for Counterpoint's controls in
 * closed shadow roots.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type AccessibilityProbe, type AxNode, probeAccessibility } from './accessibility';
import { type ChromiumSession, launchChromium } from './chromium';
import {
  type ArticleTab,
  type BrowserDriver,
  type BrowserSession,
  type Control,
  type ExtensionTab,
  focusInFrame,
  readPopoverInFrame,
} from './driver';
import { countElements } from './heavy-notes';
import {
  openPopovers,
  popoverBox,
  popoverFrame,
  waitForPopover,
  waitForPopoverClosed,
} from './popover';
import { pressBrowserShortcut } from './shortcuts';
import { waitUntil } from './wait';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function tabFor(page: Page, firstProbe: AccessibilityProbe): ArticleTab {
  let probe = firstProbe;
  const nodes = new Map<string, AxNode>();
  const asControl = (node: AxNode): Control => {
    const id = String(node.backendDOMNodeId ?? node.nodeId);
    nodes.set(id, node);
    return { id, role: node.role?.value ?? '', name: node.name?.value ?? '' };
  };
  const nodeOf = (control: Control): AxNode => {
    const node = nodes.get(control.id);
    if (!node) throw new Error(`unknown control ${control.name}`);
    return node;
  };
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
    mouse: {
      move: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
      click: (x, y, count) => page.mouse.click(x, y, count ? { clickCount: count } : undefined),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    },
    keyboard: {
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
    },
    async viewport() {
      const size = page.viewportSize();
      if (!size) throw new Error('no viewport');
      return size;
    },
    async controls(role, name) {
      return (await probe.find(role, name)).map(asControl);
    },
    async waitForControl(role, name) {
      return asControl(await probe.waitFor(role, name));
    },
    async textsWithin(control) {
      const texts = await probe.within(nodeOf(control), 'StaticText');
      return texts.map((node) => squash(node.name?.value ?? '')).filter((text) => text !== '');
    },
    box: (control) => probe.box(nodeOf(control)),
    resize: (width, height) => page.setViewportSize({ width, height }),
    click: (control) => probe.click(nodeOf(control)),
    focus: (control) => probe.focus(nodeOf(control)),
    async focused() {
      const node = await probe.focused();
      return node ? asControl(node) : null;
    },
    popover: {
      async waitFor(name) {
        await waitForPopover(page, name);
        const reading = await (await popoverFrame(page)).evaluate(readPopoverInFrame);
        if (!reading) throw new Error('the popover closed as it opened');
        return reading;
      },
      async read() {
        const frame = page.frames().find((candidate) => candidate.url().includes('/popover.html'));
        return frame ? frame.evaluate(readPopoverInFrame) : null;
      },
      openCount: () => openPopovers(page),
      waitClosed: () => waitForPopoverClosed(page),
      async focus() {
        const frame = page.frames().find((candidate) => candidate.url().includes('/popover.html'));
        return frame ? frame.evaluate(focusInFrame) : null;
      },
      box: () => popoverBox(page),
      async status() {
        const frame = await popoverFrame(page);
        const status = frame.getByRole('status');
        return (await status.count()) === 0 ? null : status.textContent();
      },
      async clickByRole(role, name) {
        const frame = await popoverFrame(page);
        await frame
          .getByRole('dialog')
          .getByRole(role as 'button', { name, exact: true })
          .click();
      },
    },
    async waitForText(text) {
      await probe.waitFor('StaticText', text);
    },
    pressBrowserShortcut: (shortcut) => pressBrowserShortcut(page, shortcut),
    countElements: () => countElements(page),
    async reload() {
      await page.reload({ waitUntil: 'load' });
      await probe.detach();
      probe = await probeAccessibility(page);
    },
    emulateColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    async screenshot(path, clip) {
      await page.screenshot(clip ? { path, clip } : { path });
    },
    async readClipboard() {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      // The popover frame may write to the clipboard but not read it; the page can, once allowed.
      return page.evaluate(() => navigator.clipboard.readText());
    },
    bringToFront: () => page.bringToFront(),
    async close() {
      await probe.detach().catch(() => undefined);
      await page.close();
    },
  };
}

/** One of the extension's pages open in a tab. */
function extensionTab(page: Page): ExtensionTab {
  let probe: Promise<AccessibilityProbe> | null = null;
  const byRole = (role: string, name?: string | RegExp) =>
    page.getByRole(role as 'button', name === undefined ? {} : { name, exact: true });
  return {
    url: async () => page.url(),
    async waitForHeading(level, name) {
      await page.getByRole('heading', { level, name, exact: true }).waitFor({ timeout: 10_000 });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (no <style>, nothing hidden)
    text: async () => squash(await page.locator('body').innerText()),
    clickByRole: (role, name) => page.getByRole(role as 'button', { name, exact: true }).click(),
    async switchState(name) {
      const found = page.getByRole('switch', { name, exact: true });
      return (await found.count()) === 0 ? null : found.getAttribute('aria-checked');
    },
    statusTexts: () => page.getByRole('status').allTextContents(),
    async names(role, name) {
      // As the accessibility tree names them, in its order (the document's).
      probe ??= probeAccessibility(page);
      return (await (await probe).find(role, name)).map((node) => node.name?.value ?? '');
    },
    async textOf(role, name) {
      const found = byRole(role, name);
      return (await found.count()) === 0 ? null : squash((await found.first().textContent()) ?? '');
    },
    async textMatching(pattern) {
      const found = page.getByText(pattern);
      return (await found.count()) === 0 ? null : squash((await found.first().textContent()) ?? '');
    },
    async fill(role, name, text) {
      const field = byRole(role, name);
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      if (text === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    async focusedName() {
      probe ??= probeAccessibility(page);
      return (await (await probe).focused())?.name?.value ?? '';
    },
    async setFiles(name, files) {
      await page.getByLabel(name, { exact: true }).setInputFiles(
        files.map((file) => ({
          name: file.name,
          mimeType: file.mimeType,
          buffer: Buffer.from(file.content),
        })),
      );
    },
    async download(action) {
      const started = page.waitForEvent('download');
      await action();
      const saved = await started;
      const path = await saved.path();
      return { filename: saved.suggestedFilename(), text: readFileSync(path, 'utf8') };
    },
    resize: (width, height) => page.setViewportSize({ width, height }),
    emulateColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    async screenshot(path) {
      await page.screenshot({ path, fullPage: true });
    },
    isClosed: () => page.isClosed(),
    async close() {
      // Opening a claim closes the popup, and its debugging session with it.
      if (probe) await (await probe).detach().catch(() => undefined);
      if (!page.isClosed()) await page.close();
    },
  };
}

/** The session behind the neutral one, for suites that need Chromium's own tools. */
export interface ChromiumBrowserSession extends BrowserSession {
  chromium: ChromiumSession;
}

/** Counterpoint in Chromium, for the shared suites. */
export const chromiumDriver: BrowserDriver = {
  name: 'Chromium',
  async launch(options = {}): Promise<ChromiumBrowserSession> {
    const { language } = options;
    const savedLanguage = process.env.LANGUAGE;
    // Linux Chromium takes its interface language from the environment as well as --lang.
    if (language) process.env.LANGUAGE = language;
    const session = await launchChromium(
      language ? { args: [`--lang=${language}`, `--accept-lang=${language}`] } : {},
    );
    if (language) {
      // The browser has read it at start; the tests' own process goes back to what it had.
      if (savedLanguage === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = savedLanguage;
    }
    const pages = new WeakMap<ArticleTab, Page>();
    return {
      chromium: session,
      unexpectedRequests: session.unexpectedRequests,
      async open(url) {
        const page = await session.open(url);
        const tab = tabFor(page, await probeAccessibility(page));
        pages.set(tab, page);
        return tab;
      },
      async tabIdOf(tab) {
        const page = pages.get(tab);
        if (!page) throw new Error('not a tab of this session');
        return session.tabIdOf(page);
      },
      async toolbarButton(tabId) {
        return {
          badge: await session.badgeText(tabId),
          title: await session.inExtension(
            (id: number) =>
              (
                globalThis as unknown as {
                  chrome: { action: { getTitle(details: object): Promise<string> } };
                }
              ).chrome.action.getTitle({ tabId: id }),
            tabId,
          ),
        };
      },
      async waitForArticleTab(address) {
        // Chromium serves the offline site to every tab of the context, new ones included.
        const found = await waitUntil(
          async () => session.context.pages().find((page) => page.url().startsWith(address)),
          (page) => page !== undefined,
          { what: `a tab showing ${address}` },
        );
        if (!found) throw new Error(`no tab shows ${address}`);
        await found.waitForLoadState('load');
        const tab = tabFor(found, await probeAccessibility(found));
        pages.set(tab, found);
        return tab;
      },
      extensionUrl: (path) =>
        `chrome-extension://${session.extensionId}/${path.replace(/^\//, '')}`,
      async waitForNewTab(action) {
        const opened = session.context.waitForEvent('page');
        await action();
        const page = await opened;
        await page.waitForLoadState('load');
        return extensionTab(page);
      },
      async openExtensionPage(path) {
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/${path.replace(/^\//, '')}`);
        return extensionTab(page);
      },
      inExtension: (fn, arg) => session.inExtension(fn, arg),
      inBackground: async (fn, arg) =>
        (await session.worker()).evaluate(fn as never, arg as never) as never,
      stopBackground: () => session.stopServiceWorker(),
      close: () => session.close(),
    };
  },
};
