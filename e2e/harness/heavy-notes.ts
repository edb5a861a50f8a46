/**
 * Many notes on the article, for the heavy-annotation browser test and benchmark: passages cut
 * from the article's own text (so they anchor), written straight to the extension's database
 * from its service worker, as an import of another tool's annotations would leave them.
 */
import type { Page } from 'playwright-core';
import { bundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import type { ChromiumSession } from './chromium';
import type { ElementCounts } from './driver';

/** The pack article's key: where the notes of the article page are filed. */
export const ARTICLE_KEY = bundledPacks[0]?.article.id ?? 'amlo-harris';

/** A passage of the article with the text either side of it. */
export interface Passage {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Up to `count` distinct passages of 5–12 words from the article body of an open page. */
export function articlePassages(page: Page, count: number): Promise<Passage[]> {
  return page.evaluate(passagesInPage, count);
}

/**
 * Up to `wanted` distinct passages of 5–12 words from the article body, cut in the page (passed
 * to a page's `evaluate` as it is, in either browser).
 */
export function passagesInPage(wanted: number): Passage[] {
  const body = document.querySelector('[itemprop="articleBody"]');
  if (!body) throw new Error('no article body');
  const passages: { exact: string; prefix: string; suffix: string }[] = [];
  for (const paragraph of body.querySelectorAll('p')) {
    const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
    const words = [...text.matchAll(/\S+/g)];
    for (let first = 0; first + 5 < words.length; first += 3) {
      const length = 5 + ((first * 7) % 8);
      const last = words[Math.min(words.length - 1, first + length - 1)];
      const start = words[first]?.index ?? 0;
      const end = (last?.index ?? 0) + (last?.[0].length ?? 0);
      passages.push({
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 24), start),
        suffix: text.slice(end, end + 24),
      });
    }
  }
  return passages.slice(0, wanted);
}

/** What {@link writeArticleNotes} is given. */
export interface SeedNotes {
  passages: Passage[];
  count: number;
  articleKey: string;
  url: string;
  /** Whether the article's earlier seeded notes are removed first. */
  replace: boolean;
}

/**
 * Writes `count` notes on the article in the extension's database, cycling through `passages`
 * (every note a distinct id and body), and tells the background its cached notes of the article
 * are stale. It runs inside an extension page or the service worker of either browser (passed
 * to `evaluate` as it is, so it uses nothing from outside itself).
 */
export async function writeArticleNotes({
  passages,
  count,
  articleKey,
  url,
  replace,
}: SeedNotes): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterpoint');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = Date.UTC(2025, 0, 1);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('notes', 'readwrite');
    const store = tx.objectStore('notes');
    if (replace) store.clear();
    for (let n = 0; n < count; n++) {
      const passage = passages[n % passages.length];
      if (!passage) continue;
      const time = new Date(start + n * 60_000).toISOString();
      store.put({
        id: `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`,
        articleKey,
        url,
        articleTitle: 'Mexico: President AMLO Meets Vice President Kamala Harris',
        target: { selectors: [{ type: 'TextQuoteSelector', ...passage }] },
        body: `Imported note ${n}`,
        tags: [],
        created: time,
        modified: time,
      });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  const scope = globalThis as unknown as {
    browser?: { storage: { local: { set(items: object): Promise<void> } } };
    chrome?: { storage: { local: { set(items: object): Promise<void> } } };
  };
  await (scope.browser ?? scope.chrome)?.storage.local.set({
    notesChanged: { articleKeys: [articleKey], stamp: `seed-${Date.now()}` },
  });
}

/** The arguments of {@link writeArticleNotes} for `count` notes on the article. */
export function seedArguments(
  passages: readonly Passage[],
  count: number,
  replace = false,
): SeedNotes {
  return {
    passages: [...passages],
    count,
    articleKey: ARTICLE_KEY,
    url: ARTICLE_URL.split('?')[0] ?? ARTICLE_URL,
    replace,
  };
}

/**
 * Writes `count` notes on the article from the service worker, cycling through `passages`, and
 * tells the background its cached notes of the article are stale.
 */
export async function seedArticleNotes(
  session: ChromiumSession,
  passages: readonly Passage[],
  count: number,
): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(writeArticleNotes, seedArguments(passages, count));
}

/** Removes every note of the database, telling the background the article's are gone. */
export async function clearArticleNotes(session: ChromiumSession): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(writeArticleNotes, seedArguments([], 0, true));
}

/**
 * Elements in the page's DOM, and nodes inside closed shadow roots (where only we put any),
 * counted through CDP, which pierces closed roots as the page cannot.
 */
export async function countElements(page: Page): Promise<ElementCounts> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    let light = 0;
    let shadow = 0;
    const visit = (node: CdpNode, inShadow: boolean): void => {
      if (node.nodeType === 1) {
        if (inShadow) shadow += 1;
        else light += 1;
      }
      for (const child of node.children ?? []) visit(child, inShadow);
      for (const root of node.shadowRoots ?? []) visit(root, true);
      // Frames' documents are theirs, not the page's.
    };
    visit(root, false);
    return { light, shadow };
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeType: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
