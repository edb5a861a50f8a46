/**
 * One visit to a page: recognise the article, ask the background for its claims and notes,
 * paint them (`article-view.ts`), then load the interactive UI bundle and attach it. Keeps the
 * page in step with the reader's settings, notes changed elsewhere, and commands from the
 * toolbar. Everything it starts stops when `signal` aborts.
 */

import { readText } from '../anchoring';
import type { Browser, Runtime } from '../browser';
import { pageScheme } from '../highlight/page-scheme';
import type { Requester } from '../messaging/client';
import type { TabMessage } from '../messaging/protocol';
import { MAX_ARTICLE_TEXT } from '../messaging/protocol';
import { articleText } from '../page/fingerprint';
import { waitForArticle } from '../page/recognise';
import {
  isPaused,
  markWelcomeShown,
  readPageStart,
  type Settings,
  watchSettings,
} from '../settings';
import { watchNotesChanged } from '../store/change-feed';
import { watchWhileShown } from '../while-shown';
import { type ArticleView, createArticleView } from './article-view';
import type { Interactions } from './interactions';
import { FIRST_NOTE_BATCH } from './layers';
import type { NoteFollower } from './note-pages';
import { type PageClock, windowClock } from './page-clock';
import { loadContentExtras, loadOverlayUi, type OverlayUi } from './ui-loader';

/** What a page session needs. */
export interface PageSessionDependencies {
  doc: Document;
  url: string;
  browser: Browser;
  request: Requester;
  signal: AbortSignal;
  /** When the content script started (performance.now()), to report the first paint's time. */
  startedAt?: number;
  /** Loads the interactive UI; by default the background injects the UI bundle. */
  loadUi?: () => Promise<OverlayUi>;
  /**
   * Lets the page run before a large reply is painted: decoding many notes' selectors is one
   * task, the first paint another. A macrotask by default; a test passes a counting one.
   */
  yieldToPage?: () => Promise<void>;
  /**
   * The timers everything on the page runs on: the content script passes `pageProofClock`, whose
   * timers the page cannot cancel; the window's own by default.
   */
  clock?: PageClock;
}

/** A reply with more notes than the first paint anchors is painted in a task of its own. */
export const YIELD_AFTER_NOTES = FIRST_NOTE_BATCH;

/** The running session, for tests. */
export interface PageSession {
  article: ArticleView;
  /** Resolves once the interactive UI is attached. */
  interactions: Promise<Interactions>;
}

function visibilityOf(settings: Settings, hostname: string) {
  const paused = isPaused(settings, hostname);
  return { claims: settings.claimHighlights && !paused, notes: settings.noteHighlights && !paused };
}

/** Recognises the page and starts Counterpoint on it. Resolves when the first paint is done. */
export async function startPageSession(deps: PageSessionDependencies): Promise<PageSession | null> {
  const { browser, request, signal } = deps;
  const clock = deps.clock ?? windowClock(deps.doc.defaultView);
  const recognition = await waitForArticle(deps.doc, deps.url, { signal, after: clock.after });
  if (!recognition || signal.aborted) return null;
  const hostname = new URL(deps.url).hostname;
  const replies = Promise.all([
    request('page.opened', {
      headline: recognition.headline.slice(0, 1000),
      text: articleText(recognition.body).slice(0, MAX_ARTICLE_TEXT),
    }),
    readPageStart(browser.storage.local),
  ]);
  // While the background answers, read the article's text for anchoring; if the page changes
  // meanwhile, that reading is dropped and anchoring reads the page again.
  const changes = new MutationObserver(() => undefined);
  changes.observe(recognition.body, { childList: true, subtree: true, characterData: true });
  const prepared = readText(recognition.body);
  // The page's scheme too: read before our first writes, it costs no second style pass.
  const scheme = pageScheme(deps.doc);
  const [data, { settings, paintByWrapping, welcomeShown }] = await replies;
  const nextTask = (): Promise<void> => new Promise((resolve) => clock.after(0, resolve));
  if (data.notes.length > YIELD_AFTER_NOTES) await (deps.yieldToPage ?? nextTask)();
  const changed = changes.takeRecords().length > 0;
  changes.disconnect();
  if (signal.aborted) return null;

  let firstReport = true;
  const loadExtras = () =>
    loadContentExtras(
      () => request('ui.load', { bundle: 'extras' }).then(() => undefined),
      undefined,
      clock,
    );
  const article = createArticleView({
    doc: deps.doc,
    body: recognition.body,
    claims: data.claims,
    notes: data.notes,
    visibility: visibilityOf(settings, hostname),
    prepared: changed ? null : prepared,
    scheme,
    paintByWrapping,
    loadExtras,
    clock,
    words: data.words,
    onStatus: (status) => {
      // The first report follows the first paint: it carries how long the whole start took.
      const timing =
        firstReport && deps.startedAt !== undefined
          ? { paintMs: performance.now() - deps.startedAt }
          : {};
      firstReport = false;
      void request('page.status', { ...status, ...timing }).catch(() => {
        // The badge is a convenience; the page works without it.
      });
    },
  });

  // The popovers should open at once on the first click: attach them while the reader reads.
  const loadUi =
    deps.loadUi ??
    (() => loadOverlayUi(() => request('ui.load', {}).then(() => undefined), undefined, clock));
  const overlayUi = loadUi();
  const interactions = overlayUi.then((ui) => {
    if (signal.aborted) throw new Error('Counterpoint stopped on this page.');
    return ui.startInteractions({
      view: article,
      headline: findHeadlineElement(deps.doc, recognition.headline, recognition.body),
      hasPack: data.pack !== null,
      ...(data.pack ? { lastReviewed: data.pack.lastReviewed } : {}),
      request,
      // The text model is in the extras bundle (the UI bundle has none): loaded for the first note.
      describe: (root, range, options) =>
        loadExtras().then((extras) => extras.describe(root, range, options)),
      prepareDescribe: () => void loadExtras().catch(() => undefined),
      // The first article with claims gets the welcome card, once.
      ...(welcomeShown || !data.pack || isPaused(settings, hostname)
        ? {}
        : {
            welcome: {
              opened: () => void markWelcomeShown(browser.storage.local).catch(() => undefined),
              onHelp: () => void request('help.open', {}).catch(() => undefined),
            },
          }),
    });
  });
  interactions.catch((error: unknown) =>
    console.debug('Counterpoint: the interface did not load', error),
  );
  const withInteractions = (act: (ui: Interactions) => void): void => {
    interactions.then(act).catch(() => {
      // Reported above.
    });
  };
  // The notes after the first page, and the change feed's records, are applied by the UI bundle
  // (which holds that code, out of the content script's budget); what comes before it waits.
  // The first reply may have left every note for the pages (`notesLater`): they start at the first.
  const next = data.notesLater ? null : data.notesNext;
  const notes = overlayUi.then((ui) =>
    ui.followNotes({ article, request, ...(next !== undefined ? { next } : {}) }),
  );
  const withNotes = (act: (follower: NoteFollower) => unknown): void => {
    notes.then(act).catch(() => {
      // Shown again on the next change or reload.
    });
  };

  let latestSettings = settings;
  // Listeners live while the page is shown (Firefox logs the ones left when a tab closes).
  const stopWatching = watchWhileShown(deps.doc, signal, {
    watch: () => {
      const stopSettings = watchSettings(browser, (next) => {
        latestSettings = next;
        article.setVisibility(visibilityOf(next, hostname));
      });
      // Only the notes a change names are anchored again; this tab's own writes (its popover
      // frame's saves, its Undo) are applied where they happen, so their echo is skipped.
      const stopNotes = watchNotesChanged(
        browser,
        (articleKeys, change) => {
          if (!articleKeys.includes(data.articleKey)) return;
          withNotes((follower) => follower.apply(change));
        },
        data.writer ? { writer: data.writer } : {},
      );
      return () => {
        stopSettings();
        stopNotes();
      };
    },
    // Back from the back-forward cache: what changed meanwhile was not heard.
    resumed: () => {
      void readPageStart(browser.storage.local)
        .then(({ settings: next }) => {
          latestSettings = next;
          article.setVisibility(visibilityOf(next, hostname));
        })
        .catch(() => undefined);
      withNotes((follower) => follower.reload());
    },
  });
  const onTabMessage = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return;
    const command = message as TabMessage;
    if (command.type === 'show-claim' && typeof command.claimId === 'string') {
      withInteractions((ui) => ui.showClaim(command.claimId));
    }
    if (command.type === 'show-note' && typeof command.noteId === 'string') {
      withInteractions((ui) => ui.showNote(command.noteId));
    }
    if (command.type === 'add-note-from-selection')
      withInteractions((ui) => ui.addNoteFromSelection());
    if (
      command.type === 'highlights-toggled' &&
      typeof command.shown === 'boolean' &&
      typeof command.shortcut === 'string'
    ) {
      const paused = isPaused(latestSettings, hostname);
      withInteractions((ui) =>
        ui.announceHighlights(command.shown, command.shortcut.slice(0, 40), paused),
      );
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabMessage);

  signal.addEventListener('abort', () => {
    stopWatching();
    withNotes((follower) => follower.stop());
    browser.runtime.onMessage.removeListener(onTabMessage);
    withInteractions((ui) => ui.destroy());
    article.destroy();
  });
  return { article, interactions };
}

/** The element showing the headline, for placing the reading guide next to it. */
function findHeadlineElement(doc: Document, headline: string, body: Element): Element | null {
  const wanted = headline.replace(/\s+/g, ' ').trim();
  for (const element of doc.querySelectorAll('[itemprop="headline"], h1, h2')) {
    if (element.textContent?.replace(/\s+/g, ' ').trim() === wanted) return element;
  }
  return body;
}
