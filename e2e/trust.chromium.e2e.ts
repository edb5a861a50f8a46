/**
 * Trust and durability in real Chromium: a hostile page cannot read or change notes; the
 * service worker stopped mid-session loses and duplicates nothing; the article changing under
 * the highlights re-anchors them quickly without looping; and turning highlights off leaves the
 * page's DOM byte for byte as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts, setSettings } from './harness/page-ui';
import { selectWithMouse } from './harness/selection';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
const SECRET = 'Counterpoint secret 91c4: my private doubt about this paragraph';
const PASSAGE = 'Washington wants to curb migration';

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

async function highlightCount(page: Page, layer: 'claim' | 'note'): Promise<number> {
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes(layer))
    .reduce((sum, [, texts]) => sum + texts.length, 0);
}

async function addNote(
  page: Page,
  probe: AccessibilityProbe,
  passage: string,
  text: string,
): Promise<void> {
  await selectWithMouse(page, passage);
  await probe.click(await probe.waitFor('button', 'Add note'));
  await probe.waitFor('dialog', 'Add note');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await probe.waitFor('StaticText', 'Note saved.');
}

async function storedNotes(): Promise<{ id: string; body: string; deletedAt?: string }[]> {
  return session.inExtension(
    () =>
      new Promise<{ id: string; body: string; deletedAt?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('counterpoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    undefined,
  );
}

describe('a hostile page', () => {
  let page: Page;
  let probe: AccessibilityProbe;
  const attacks: string[] = [];

  beforeAll(async () => {
    page = await session.open(ARTICLE_URL);
    await waitUntil(
      () => highlightCount(page, 'claim'),
      (count) => count === claimCount,
      { what: 'claims' },
    );
    probe = await probeAccessibility(page);
    await addNote(page, probe, PASSAGE, SECRET);
    const marker = await probe.waitFor('button', /^Your note: /);
    await probe.click(marker);
    await probe.waitFor('dialog', 'Your note');
  });

  afterAll(async () => {
    await probe.detach();
    await page.close();
  });

  it('finds no note text anywhere it can look while the note is open', async () => {
    const findings = await page.evaluate(async (secret) => {
      const found: string[] = [];
      const tried: string[] = [];
      const search = (root: Document | ShadowRoot): void => {
        for (const element of root.querySelectorAll('*')) {
          for (const name of element.getAttributeNames()) {
            if (element.getAttribute(name)?.includes(secret)) found.push(`attribute ${name}`);
          }
          // A closed shadow root is null here, as it must be.
          if (element.shadowRoot) search(element.shadowRoot);
        }
        if ((root as Document).documentElement?.outerHTML.includes(secret)) found.push('HTML');
      };
      tried.push('DOM and open shadow roots');
      search(document);
      tried.push('Custom Highlight ranges');
      for (const highlight of (
        CSS as unknown as { highlights: Map<string, Set<Range>> }
      ).highlights.values()) {
        for (const range of highlight)
          if (range.toString().includes(secret)) found.push('highlight');
      }
      tried.push('attachShadow on our hosts');
      for (const host of document.querySelectorAll('counterpoint-overlay, counterpoint-marker')) {
        try {
          host.attachShadow({ mode: 'open' });
          found.push('could attach a second shadow root');
        } catch {
          // Expected: the host already has its (closed) root.
        }
      }
      tried.push('page storage');
      if (JSON.stringify({ ...localStorage }).includes(secret)) found.push('localStorage');
      if (JSON.stringify({ ...sessionStorage }).includes(secret)) found.push('sessionStorage');
      if ((await indexedDB.databases()).length > 0) found.push('a database in the page origin');
      tried.push('extension messaging from the page');
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } })
        .chrome;
      if (typeof chromeApi?.runtime?.sendMessage === 'function')
        found.push('runtime.sendMessage is reachable');
      tried.push('postMessage in our message shapes');
      for (const type of ['page.notes', 'note.update', 'note.delete', 'notes.export']) {
        window.postMessage({ type, payload: { id: '*', body: 'hijacked', tags: [] } }, '*');
      }
      return { found, tried };
    }, SECRET);
    attacks.push(...findings.tried);
    expect(findings.found).toEqual([]);
    // Give any (wrongly) listening code time to act on the forged messages.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const notes = await storedNotes();
    expect(notes.map((note) => note.body)).toEqual([SECRET]);
  });

  it('cannot drive the annotator with forged events or forged markers', async () => {
    await page.keyboard.press('Escape');
    await waitUntil(
      () => probe.find('dialog'),
      (dialogs) => dialogs.length === 0,
      { what: 'no popover' },
    );
    attacks.push('forged click on a claim', 'forged Alt+Shift+J', 'forged marker element');
    await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const [range] = [...[...registry.values()][0]!];
      range!.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range!.getClientRects()[0]!;
      const target = document.elementFromPoint(rect.left + 5, rect.top + rect.height / 2)!;
      target.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          clientX: rect.left + 5,
          clientY: rect.top + rect.height / 2,
        }),
      );
      document.dispatchEvent(
        new KeyboardEvent('keydown', {
          bubbles: true,
          key: 'J',
          code: 'KeyJ',
          altKey: true,
          shiftKey: true,
        }),
      );
      const fake = document.createElement('counterpoint-marker');
      fake.setAttribute('data-note-id', '*');
      document.querySelector('[itemprop="articleBody"] p')?.append(fake);
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await probe.find('dialog')).toEqual([]);
    expect(await storedNotes()).toHaveLength(1);
    console.log(`Hostile-page attacks tried: ${attacks.length} (${attacks.join('; ')})`);
  });
});

describe('a stopped service worker', () => {
  it('loses and duplicates nothing: save, edit, delete, undo and the popup all work after it stops', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitUntil(
      () => highlightCount(page, 'claim'),
      (count) => count === claimCount,
      { what: 'claims' },
    );
    const probe = await probeAccessibility(page);
    const before = (await storedNotes()).length;
    let faults = 0;

    await session.stopServiceWorker();
    faults++;
    await addNote(
      page,
      probe,
      'the more crisis in Central America',
      'Saved after the worker stopped',
    );
    expect(
      (await storedNotes()).filter((note) => note.body === 'Saved after the worker stopped'),
    ).toHaveLength(1);

    await session.stopServiceWorker();
    faults++;
    const marker = await probe.waitFor('button', /^Your note: Saved after the worker stopped/);
    await probe.click(marker);
    const dialog = await probe.waitFor('dialog', 'Your note');
    const [edit] = await probe.within(dialog, 'button', 'Edit');
    await probe.click(edit!);
    await probe.waitFor('dialog', 'Edit note');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Edited after another stop');
    await page.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note updated.');

    await session.stopServiceWorker();
    faults++;
    const [remove] = await probe.within(
      await probe.waitFor('dialog', 'Your note'),
      'button',
      'Delete',
    );
    await probe.click(remove!);
    await session.stopServiceWorker();
    faults++;
    await probe.click(await probe.waitFor('button', 'Undo'));
    await probe.waitFor('StaticText', 'Note restored.');

    await session.stopServiceWorker();
    faults++;
    const tabId = await session.tabIdOf(page);
    const popup = await session.openPopup(tabId);
    await popup.getByRole('status').filter({ hasText: 'recognised' }).first().waitFor();
    await popup.close();

    const notes = await storedNotes();
    expect(notes.filter((note) => !note.deletedAt)).toHaveLength(before + 1);
    expect(notes.filter((note) => note.body === 'Edited after another stop')).toHaveLength(1);
    console.log(`Service worker stops injected: ${faults}; notes lost: 0; duplicated: 0`);
    await probe.detach();
    await page.close();
  });
});

describe('a page that changes under the highlights', () => {
  it('re-anchors within half a second when an ad lands inside a claim’s paragraph, then goes quiet', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitUntil(
      () => highlightCount(page, 'claim'),
      (count) => count === claimCount,
      { what: 'claims' },
    );
    const claim = pack!.claims.find((c) => c.id === 'us-prohibits-vaccine-export')!;
    const elapsed = await page.evaluate(async (exact) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const texts = () =>
        [...registry.values()].flatMap((h) => [...h].map((r) => r.toString().replace(/\s+/g, ' ')));
      const paragraph = [...document.querySelectorAll('p')].find((p) =>
        p.textContent?.includes('AstraZeneca'),
      )!;
      // The site re-renders the paragraph and an ad lands between two of its sentences.
      const html = paragraph.innerHTML;
      const cut = html.indexOf('The gesture');
      paragraph.innerHTML = `${html.slice(0, cut)}<span class="ad-inline">Advertisement: subscribe today.</span> ${html.slice(cut)}`;
      const started = performance.now();
      while (performance.now() - started < 3000) {
        if (texts().some((text) => text.includes(exact.slice(0, 40))))
          return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return -1;
    }, claim.quote.exact);
    // Re-anchored at all (the poll gives up after 3 s); the time is reported, not asserted, since
    // these machines are shared and noisy.
    expect(elapsed).toBeGreaterThanOrEqual(0);
    console.log(`Re-anchored after the paragraph was replaced in ${elapsed.toFixed(0)} ms`);
    expect(await highlightCount(page, 'claim')).toBe(claimCount);

    const mutationsWhenSettled = await page.evaluate(async () => {
      let mutations = 0;
      const observer = new MutationObserver((records) => {
        mutations += records.length;
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      observer.disconnect();
      return mutations;
    });
    expect(mutationsWhenSettled).toBe(0);
    await page.close();
  });

  it('leaves the DOM byte for byte as it was once the highlights are off', async () => {
    await setSettings(session, { claimHighlights: false, noteHighlights: false });
    const page = await session.open(ARTICLE_URL);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const serialise = () => page.evaluate(() => document.documentElement.outerHTML);
    const original = await serialise();
    await setSettings(session, { claimHighlights: true, noteHighlights: true });
    await waitUntil(
      () => highlightCount(page, 'claim'),
      (count) => count === claimCount,
      { what: 'claims' },
    );
    expect(await serialise()).not.toBe(original);
    await setSettings(session, { claimHighlights: false, noteHighlights: false });
    await waitUntil(
      () => highlightCount(page, 'claim'),
      (count) => count === 0,
      { what: 'no claims' },
    );
    expect(await serialise()).toBe(original);
    await setSettings(session, { claimHighlights: true, noteHighlights: true });
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
