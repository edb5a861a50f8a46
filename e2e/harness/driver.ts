/**
 * One browser-neutral way to drive Counterpoint in a real browser, so a suite's test bodies run
 * unchanged in Chromium (`driver-chromium.ts`, Playwright and the DevTools protocol) and Firefox
 * (`driver-firefox.ts`, Puppeteer over WebDriver BiDi): open the article, find Counterpoint's
 * controls by role and accessible name (inside closed shadow roots, as a screen reader does), act
 * with the real mouse and keyboard, read the popover frame, and run code in an extension page.
 */

/** A control inside one of Counterpoint's closed shadow roots, as the accessibility tree names it. */
export interface Control {
  /** The browser's stable handle on the node, to tell two controls apart. */
  id: string;
  role: string;
  name: string;
}

/** What {@link ArticleTab.countElements} counts. */
export interface ElementCounts {
  /** Elements in the page's DOM, outside every shadow root. */
  light: number;
  /** Elements inside closed shadow roots. */
  shadow: number;
}

/** A box in the page's viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a popover dialog shows, read in the popover frame (the page cannot read it). */
export interface PopoverReading {
  /** Its accessible name. */
  name: string;
  /** Its `aria-labelledby`, which gives it that name. */
  labelledBy: string;
  text: string;
  /** The first level-2 heading, as a screen reader says it (glyphs hidden from it left out). */
  heading: string;
  /** The addresses of its links. */
  links: string[];
  /** The text of its "Passage" quote, or null when it has none. */
  passage: string | null;
  /** Its text boxes: accessible name and value. */
  textboxes: { name: string; value: string }[];
  /** How many images and scripts it holds (`img`, `script`, a shown `role="img"`). */
  embedded: number;
  /** The frame page's theme (`data-theme` of its root) and the dialog's background colour. */
  theme: string;
  background: string;
}

/** Where focus is inside the popover frame, if it is there. */
export interface PopoverFocus {
  role: string | null;
  label: string | null;
  tag: string;
  /** Its text, trimmed. */
  text: string;
}

/** The popover frame of one tab. */
export interface PopoverDriver {
  /** Waits for a shown dialog whose name matches, once the page side has sized the frame. */
  waitFor(name: string | RegExp): Promise<PopoverReading>;
  /** The shown dialog, or null. */
  read(): Promise<PopoverReading | null>;
  /** How many dialogs the frame shows (0 when closed). */
  openCount(): Promise<number>;
  waitClosed(): Promise<void>;
  /** What has focus inside the frame, or null when focus is not there. */
  focus(): Promise<PopoverFocus | null>;
  /** The frame's box in the viewport. */
  box(): Promise<Box>;
  /** Clicks the control with this role and exact accessible name in the shown dialog, with the real mouse. */
  clickByRole(role: string, name: string): Promise<void>;
  /** The text of the frame's status line (`role="status"`), or null when it has none. */
  status(): Promise<string | null>;
}

/** Keys as Playwright names them: "Enter", " ", "Escape", "Tab", "Alt+Shift+J", "Control+Enter". */
export type KeyName = string;

/** A tab showing a page of the offline site. */
export interface ArticleTab {
  /** Runs a function in the page (its own world: what a page script sees). */
  evaluate<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  mouse: {
    move(x: number, y: number, steps?: number): Promise<void>;
    /** Clicks there (`count` 2 or 3 for a double or triple click). */
    click(x: number, y: number, count?: number): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    wheel(deltaY: number): Promise<void>;
  };
  keyboard: {
    press(key: KeyName): Promise<void>;
    type(text: string): Promise<void>;
  };
  /** The viewport's size. */
  viewport(): Promise<{ width: number; height: number }>;
  /** Counterpoint's controls with this role (and a matching name), in document order. */
  controls(role: string, name?: string | RegExp): Promise<Control[]>;
  /** Waits until at least one such control exists; returns the first. */
  waitForControl(role: string, name?: string | RegExp): Promise<Control>;
  /**
   * The texts inside a control (an alert, a status), each as a screen reader reads it, in order:
   * what a live region says, whose own name is empty.
   */
  textsWithin(control: Control): Promise<string[]>;
  /** A control's border box in the viewport, as laid out now. */
  box(control: Control): Promise<Box>;
  /** Sets the viewport's size (CSS px), as a reader resizing the window. */
  resize(width: number, height: number): Promise<void>;
  /** Clicks the middle of a control with the real mouse (scrolled into view first). */
  click(control: Control): Promise<void>;
  /** Moves keyboard focus to a control. */
  focus(control: Control): Promise<void>;
  /** The focused control inside Counterpoint's closed roots, or null. */
  focused(): Promise<Control | null>;
  /**
   * Waits until Counterpoint's closed roots on the page show this text (a toast: "Note saved."),
   * as a screen reader meets it.
   */
  waitForText(text: string | RegExp): Promise<void>;
  /**
   * Presses a browser keyboard shortcut ("Alt+Shift+M") so that the browser's own table of
   * shortcuts sees it, as an extension command needs (a key given to the page never gets there).
   */
  pressBrowserShortcut(shortcut: string): Promise<void>;
  /**
   * Elements in the page's own DOM (frames' documents aside), and inside the closed shadow roots
   * on it, where only Counterpoint puts any on the offline site: counted from outside the page,
   * which cannot look into closed roots.
   */
  countElements(): Promise<ElementCounts>;
  /** Reloads the page and waits for its load. */
  reload(): Promise<void>;
  popover: PopoverDriver;
  /** Follows the system's colour scheme as the reader's system would set it. */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Saves a picture of the viewport, or of just `clip` in it. */
  screenshot(path: string, clip?: Box): Promise<void>;
  /** The text on the system clipboard, as a paste into this tab would give it. */
  readClipboard(): Promise<string>;
  /** Brings the tab to the front, as the reader does by going back to it. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** One of the extension's own pages (the popup, the notes manager) open in a tab. */
export interface ExtensionTab {
  /** The address the tab shows now. */
  url(): Promise<string>;
  /** Waits for a heading of this level and exact text. */
  waitForHeading(level: number, name: string): Promise<void>;
  evaluate<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** The page's text as it reads now (its body's text, spaces squashed). */
  text(): Promise<string>;
  /**
   * Clicks the control with this role and accessible name (exactly, or the first that the
   * pattern matches) with the real mouse.
   */
  clickByRole(role: string, name: string | RegExp): Promise<void>;
  /** The `aria-checked` of the switch with this name (null if there is none). */
  switchState(name: string): Promise<string | null>;
  /** The texts of the page's live status regions (`role="status"`, `<output>`). */
  statusTexts(): Promise<string[]>;
  /** The accessible names of the elements with this role (and a matching name), in document order. */
  names(role: string, name?: string | RegExp): Promise<string[]>;
  /** The text of the first element with this role (and a matching name), or null if none. */
  textOf(role: string, name?: string | RegExp): Promise<string | null>;
  /** The text of the innermost element whose whole text matches (as `getByText`), or null. */
  textMatching(pattern: RegExp): Promise<string | null>;
  /**
   * Types into the text field with this role and name as a reader does: a click into it, its
   * text selected with the keyboard and replaced by the typed keys ("" leaves it empty).
   */
  fill(role: 'textbox' | 'searchbox', name: string, text: string): Promise<void>;
  /** Presses a key in the page (named as in {@link KeyName}). */
  press(key: KeyName): Promise<void>;
  /** The accessible name of the element with keyboard focus, or "" when none has it. */
  focusedName(): Promise<string>;
  /**
   * Gives the file input with this accessible name these files, as choosing them in the browser's
   * file picker does (its `change` event fires).
   */
  setFiles(name: string, files: ChosenFile[]): Promise<void>;
  /** Does something that makes the page save a download, and returns the file once saved. */
  download(action: () => Promise<void>): Promise<SavedDownload>;
  /** Sets the size of the page's viewport (the popup's width, say). */
  resize(width: number, height: number): Promise<void>;
  /** Follows the system's colour scheme as the reader's system would set it. */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Saves a picture of the whole page. */
  screenshot(path: string): Promise<void>;
  /** Whether the tab has closed (a popup closes itself once it has sent the reader on). */
  isClosed(): boolean;
  close(): Promise<void>;
}

/** A file as the reader picks it in a file picker. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  content: string;
}

/** A download the browser saved. */
export interface SavedDownload {
  /** The name the page suggested (`<a download>`), which the browser saved it under. */
  filename: string;
  /** What the file holds, read from disk. */
  text: string;
}

/** The toolbar button of a tab: its badge and the tooltip that explains it. */
export interface ToolbarButton {
  badge: string;
  title: string;
}

/** A running browser with Counterpoint installed. */
export interface BrowserSession {
  /** Requests to anything but the offline site and the extension itself. */
  unexpectedRequests: string[];
  open(url?: string): Promise<ArticleTab>;
  /** The browser's id of the tab an article tab is. */
  tabIdOf(tab: ArticleTab): Promise<number>;
  /** The toolbar button's badge and tooltip for a tab (read in an extension page). */
  toolbarButton(tabId: number): Promise<ToolbarButton>;
  /** Opens an extension page by its path (`popup.html?tabId=3`) in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionTab>;
  /** The full address of an extension page (`method.html` → `chrome-extension://<id>/method.html`). */
  extensionUrl(path: string): string;
  /**
   * Waits for a tab the extension opened at an address of the offline site (a note's article,
   * say), served as every tab of the session is, and returns it once loaded.
   */
  waitForArticleTab(address: string): Promise<ArticleTab>;
  /** Does something that opens a new tab, and returns that tab once its page has loaded. */
  waitForNewTab(action: () => Promise<void>): Promise<ExtensionTab>;
  /**
   * Runs a function in an extension page; `api` is the extension API there (`browser` in
   * Firefox, `chrome` in Chromium: both promise-based).
   */
  inExtension<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /**
   * Runs a function in the extension's background itself, where the browser lets a test reach it
   * (Chromium's service worker); absent in Firefox, whose MV2 background page no protocol reaches.
   */
  inBackground?<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /**
   * Stops the extension's background (Chromium's service worker; Firefox's background page,
   * terminated as about:debugging does) and waits until it is gone; the next event starts it.
   */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

/** How a browser is started for a suite. */
export interface LaunchOptions {
  /**
   * The browser's interface language ("es", "fr"), as a reader's browser set to it would be;
   * the browser's own default (English here) when absent.
   */
  language?: string;
}

/** How a suite gets its browser. */
export interface BrowserDriver {
  /** "Chromium" or "Firefox", for test names. */
  name: string;
  /**
   * Whether the toolbar popup closes when a file picker opens, so that it never gets the chosen
   * file (Firefox, bug 1292701): there the popup sends the reader to a page that can take one.
   */
  popupClosesForFilePicker?: boolean;
  launch(options?: LaunchOptions): Promise<BrowserSession>;
}

/** Whether a control's name matches what a test asks for. */
export function nameMatches(actual: string, wanted?: string | RegExp): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? actual === wanted : wanted.test(actual);
}

/**
 * Reads the shown dialog of a popover frame (run inside the frame, in either browser): its
 * name, text, heading, links, and the frame's theme. Null when no dialog is shown.
 */
export function readPopoverInFrame(): PopoverReading | null {
  const nameOf = (element: Element | null): string => {
    if (!element) return '';
    const label = element.getAttribute('aria-label');
    if (label) return label;
    const ids = element.getAttribute('aria-labelledby');
    if (!ids) return '';
    // As the accessibility tree names it: without what is hidden from assistive tech.
    const spoken = (node: Element | null): string => {
      if (!node) return '';
      const copy = node.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent ?? '';
    };
    return ids
      .split(/\s+/)
      .map((id) => spoken(document.getElementById(id)))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  };
  const dialog = document.querySelector('[role="dialog"]');
  if (!dialog || dialog.getClientRects().length === 0) return null;
  const heading = dialog.querySelector('h2');
  let headingText = '';
  if (heading) {
    const copy = heading.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    headingText = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return {
    name: nameOf(dialog),
    labelledBy: dialog.getAttribute('aria-labelledby') ?? '',
    text: dialog.textContent ?? '',
    heading: headingText,
    links: [...dialog.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? ''),
    passage: dialog.querySelector('[aria-label="Passage"]')?.textContent ?? null,
    textboxes: [...dialog.querySelectorAll('textarea, input:not([type]), input[type="text"]')].map(
      (field) => {
        const input = field as HTMLTextAreaElement;
        const name =
          input.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? nameOf(input);
        return { name: name.replace(/\s+/g, ' ').trim(), value: input.value };
      },
    ),
    embedded: dialog.querySelectorAll('img, script, [role="img"]:not([aria-hidden="true"])').length,
    theme: document.getElementById('app')?.dataset.theme ?? '',
    background: getComputedStyle(dialog).backgroundColor,
  };
}

/** What has focus inside a popover frame (run inside the frame). */
export function focusInFrame(): PopoverFocus | null {
  if (!document.hasFocus()) return null;
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  return {
    role: active.getAttribute('role'),
    label: active.getAttribute('aria-label'),
    tag: active.localName,
    text: (active.textContent ?? '').trim(),
  };
}

/** What a test asks of a role query, in a form that crosses into a page. */
export interface RoleQuery {
  /** The role wanted; `*` for any. */
  role: string;
  /** The exact name wanted, if any. */
  name?: string;
  /** A pattern the name must match instead, as its source and flags. */
  pattern?: { source: string; flags: string };
}

/** A role query for a page, from a name or a pattern. */
export function roleQuery(role: string, name?: string | RegExp): RoleQuery {
  if (name === undefined) return { role };
  return typeof name === 'string'
    ? { role, name }
    : { role, pattern: { source: name.source, flags: name.flags } };
}

/**
 * The elements of an extension page with a role and a matching accessible name (run in the
 * page): each one's name, text and the middle of its box (scrolled into view when `reveal`).
 * Roles are `role`, else the element's own (button, link, checkbox, radio, searchbox, textbox,
 * article, region, heading, dialog, listitem, group); names are `aria-label`, then the
 * `aria-labelledby` texts, then the `<label>`s, then the text, without what is hidden from
 * assistive technology. Hidden elements (no box) are left out. With `focusedOnly`, only the
 * focused element is looked at (none when focus is on the body).
 */
export function elementsOfRoleInPage(
  query: RoleQuery & { reveal?: boolean; focusedOnly?: boolean },
): {
  name: string;
  text: string;
  x: number;
  y: number;
}[] {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const spoken = (node: Element | null): string => {
    if (!node) return '';
    const copy = node.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"], style, script')) {
      hidden.remove();
    }
    return copy.textContent ?? '';
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return squash(label);
    const ids = element.getAttribute('aria-labelledby');
    if (ids) {
      return squash(
        ids
          .split(/\s+/)
          .map((id) => spoken(document.getElementById(id)))
          .join(' '),
      );
    }
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return squash(spoken(labels[0] ?? null));
    return squash(spoken(element));
  };
  const named = (element: Element) =>
    element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
  const roleOf = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit;
    const tag = element.localName;
    if (tag === 'a') return element.hasAttribute('href') ? 'link' : '';
    if (tag === 'input') {
      const type = (element as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'search') return 'searchbox';
      if (type === 'button' || type === 'submit') return 'button';
      if (type === 'file') return 'button';
      return 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'summary') return 'button';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'li') return 'listitem';
    if (tag === 'fieldset') return 'group';
    if (tag === 'output') return 'status';
    if (tag === 'section') return named(element) ? 'region' : '';
    return tag;
  };
  const matches = (name: string) => {
    if (query.name !== undefined) return name === query.name;
    if (query.pattern) return new RegExp(query.pattern.source, query.pattern.flags).test(name);
    return true;
  };
  const found: { name: string; text: string; x: number; y: number }[] = [];
  const active = document.activeElement;
  const candidates = query.focusedOnly
    ? active && active !== document.body
      ? [active]
      : []
    : document.querySelectorAll('*');
  for (const element of candidates) {
    if (query.role !== '*' && roleOf(element) !== query.role) continue;
    const name = nameOf(element);
    if (!matches(name)) continue;
    // Only the first is scrolled to (the one a click goes to).
    if (query.reveal && found.length === 0) element.scrollIntoView({ block: 'center' });
    // The first line's box: the middle of a link that wraps can fall between its lines.
    const box = element.getClientRects()[0];
    // A file input is drawn as its label: it counts if the label is shown.
    const shown = box !== undefined || (element as HTMLInputElement).labels?.length;
    if (!shown) continue;
    found.push({
      name,
      text: squash(spoken(element)),
      x: box ? box.left + box.width / 2 : Number.NaN,
      y: box ? box.top + box.height / 2 : Number.NaN,
    });
  }
  return found;
}

/** The text of the innermost element whose whole text matches a pattern (run in the page). */
export function textMatchingInPage(pattern: { source: string; flags: string }): string | null {
  const wanted = new RegExp(pattern.source, pattern.flags);
  let best: string | null = null;
  for (const element of document.body.querySelectorAll('*')) {
    if (element.localName === 'style' || element.localName === 'script') continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (wanted.test(text)) best = text;
  }
  return best;
}
