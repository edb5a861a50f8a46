/**
 * A hostile page's script, installed before any script of the page runs (Playwright's init
 * script, in the page's main world). It tries every way a page could learn about, or act on,
 * a reader's notes: it takes over custom-element names (and keeps `ElementInternals`, which
 * opens closed shadow roots), listens to keys, input, selection, the clipboard and focus,
 * enumerates the shared highlight registry, scans every attribute and open shadow root, clicks
 * everything the extension inserts with events of its own, forges WXT's "content script started"
 * signal, posts to every frame it can reach, and changes `history` before the extension starts.
 * What it learns goes to `window.__attack`, for the test to read.
 *
 * The function is serialised into the page: it must not use anything from outside its body.
 */

/** What the attacker saw (all plain data). */
export interface AttackLog {
  tried: string[];
  keys: string[];
  inputs: string[];
  selections: string[];
  clipboard: string[];
  focus: string[];
  /** Texts of every range in the highlight registry, with the highlight's name. */
  highlights: string[];
  highlightNames: string[];
  /** Text found in attributes and open shadow roots. */
  scanned: string[];
  /** Text read through ElementInternals of elements the attacker took over. */
  internalsTexts: string[];
  /** Elements added to the document by anyone after the page's own script ran. */
  addedElements: number;
  /** Untrusted events dispatched at inserted elements. */
  forgedEvents: number;
  /** WXT event names heard on `postMessage`, and forged. */
  wxtEvents: string[];
  framesReachable: number;
}

/** The attacker's script: pass this function to `addInitScript`. */
export function installAttacker(): void {
  const log: AttackLog = {
    tried: [],
    keys: [],
    inputs: [],
    selections: [],
    clipboard: [],
    focus: [],
    highlights: [],
    highlightNames: [],
    scanned: [],
    internalsTexts: [],
    addedElements: 0,
    forgedEvents: 0,
    wxtEvents: [],
    framesReachable: 0,
  };
  (window as unknown as { __attack: AttackLog }).__attack = log;
  const tried = (name: string) => {
    if (!log.tried.includes(name)) log.tried.push(name);
  };

  // 1. Take over every custom-element name the extension could use, before it does.
  const internals: ElementInternals[] = [];
  const takeOver = (name: string) => {
    if (!name.includes('-') || customElements.get(name)) return;
    try {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            try {
              internals.push(this.attachInternals());
            } catch {
              // Not every element allows it.
            }
          }
        },
      );
    } catch {
      // The name may be taken already.
    }
  };
  for (const name of ['counterpoint-marker', 'counterpoint-overlay', 'counterpoint-mark']) {
    takeOver(name);
  }
  tried('pre-defined custom elements with attachInternals');

  // 2. Listen to everything the reader does, at the window, in the capture phase.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    window.addEventListener(type, (event) => log.keys.push((event as KeyboardEvent).key), true);
  }
  for (const type of ['beforeinput', 'input', 'compositionend', 'textInput']) {
    window.addEventListener(
      type,
      (event) => {
        const data = (event as InputEvent).data ?? '';
        const target = event.composedPath()[0];
        const value = target instanceof HTMLTextAreaElement ? target.value : '';
        log.inputs.push(`${data}|${value}`);
      },
      true,
    );
  }
  document.addEventListener('selectionchange', () => {
    log.selections.push(String(document.getSelection()));
  });
  for (const type of ['copy', 'cut', 'paste']) {
    window.addEventListener(
      type,
      (event) => {
        log.clipboard.push(
          `${String(document.getSelection())}|${(event as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''}`,
        );
      },
      true,
    );
  }
  for (const type of ['focusin', 'focus', 'blur']) {
    window.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0];
        log.focus.push(
          target instanceof Element
            ? `${target.localName} ${target.getAttribute('aria-label') ?? ''} ${target.textContent?.slice(0, 200) ?? ''}`
            : type,
        );
      },
      true,
    );
  }
  tried('capture listeners for keys, input, selection, clipboard and focus');

  // 3. Watch what is added; take over new hyphenated names; click what appears.
  let pageScriptDone = false;
  const inserted: Element[] = [];
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        takeOver(node.localName);
        if (pageScriptDone) {
          log.addedElements++;
          inserted.push(node);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener('load', () => {
    pageScriptDone = true;
  });

  // 4. Read, on a timer: the highlight registry, attributes, open roots, ElementInternals.
  const scan = () => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
      .highlights;
    log.highlights = [];
    log.highlightNames = [];
    for (const [name, highlight] of registry ?? []) {
      log.highlightNames.push(name);
      for (const range of highlight) {
        if (range instanceof Range) log.highlights.push(`${name}|${range.toString()}`);
      }
    }
    log.scanned = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          log.scanned.push(element.getAttribute(attribute) ?? '');
        }
        if (element.shadowRoot) {
          log.scanned.push(element.shadowRoot.textContent ?? '');
          visit(element.shadowRoot);
        }
      }
    };
    visit(document);
    log.internalsTexts = internals.flatMap((entry) =>
      entry.shadowRoot ? [entry.shadowRoot.textContent ?? ''] : [],
    );
    log.framesReachable = window.frames.length;
    for (let index = 0; index < window.frames.length; index++) {
      try {
        log.scanned.push(window.frames[index]?.document.body.textContent ?? '');
      } catch {
        // Cross-origin.
      }
    }
  };
  setInterval(scan, 150);
  tried('highlight registry enumeration');
  tried('attribute and open shadow root scan');
  tried('ElementInternals shadow roots');
  tried('frames reachable from window.frames');

  // 5. Act with forged events on everything inserted, and post to every frame.
  setInterval(() => {
    for (const element of inserted) {
      if (!element.isConnected) continue;
      for (const event of [
        new MouseEvent('click', { bubbles: true, composed: true }),
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
        new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true }),
      ]) {
        element.dispatchEvent(event);
        log.forgedEvents++;
      }
      (element as HTMLElement).click?.();
      log.forgedEvents++;
    }
    document.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'J',
        code: 'KeyJ',
        altKey: true,
        shiftKey: true,
        bubbles: true,
      }),
    );
    for (let index = 0; index < window.frames.length; index++) {
      const channel = new MessageChannel();
      window.frames[index]?.postMessage({ type: 'counterpoint.panel.connect', secret: '' }, '*', [
        channel.port2,
      ]);
    }
  }, 400);
  tried('untrusted clicks, pointer and key events on every inserted element');
  tried('forged Alt+Shift+J');
  tried('forged frame connection');

  // 6. WXT's content-script-started signal, forged as soon as its name is announced.
  window.addEventListener('message', (event) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.includes('wxt:content-script-started')) return;
    log.wxtEvents.push(type);
    const contentScriptName = (event.data as { contentScriptName?: string }).contentScriptName;
    setTimeout(() => {
      document.dispatchEvent(
        new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }),
      );
    }, 50);
  });
  tried('forged WXT content-script-started event');

  // 7. The page moves its own address before the extension starts.
  history.replaceState(null, '', `${location.pathname}?utm_source=attacker#top`);
  tried('history changed before start');
}
