/**
 * Reader settings: which highlight layers show, and sites where Counterpoint is paused.
 * Kept in extension storage (not the page's), and watched by every context so a change applies
 * at once to every open tab.
 *
 * Each setting has its own storage key, so two contexts (the popup and the background's keyboard
 * command, say) changing different settings at the same moment never overwrite each other's
 * change. A read-modify-write also runs under one lock: the Web Locks API where the context has
 * it (shared by every extension page and the background, which have one origin), else a queue
 * in this context. Older versions kept every setting in one object under `settings`; while that
 * object is there it is what the reader last chose, and the next write moves it to the new keys.
 */
import type { Browser, Storage } from './browser';

/** The reader's choices. */
export interface Settings {
  claimHighlights: boolean;
  noteHighlights: boolean;
  /** Hostnames (without "www.") where nothing is painted. */
  pausedHosts: string[];
}

/** What a new reader gets. */
export const DEFAULT_SETTINGS: Settings = {
  claimHighlights: true,
  noteHighlights: true,
  pausedHosts: [],
};

/** The one object every setting was kept in before each had its own key. */
export const LEGACY_SETTINGS_KEY = 'settings';

/** The storage key of each setting. */
export const SETTING_KEYS: { readonly [name in keyof Settings]: string } = {
  claimHighlights: 'settings.claimHighlights',
  noteHighlights: 'settings.noteHighlights',
  pausedHosts: 'settings.pausedHosts',
};

const SETTING_NAMES = Object.keys(SETTING_KEYS) as (keyof Settings)[];
const ALL_KEYS = [LEGACY_SETTINGS_KEY, ...Object.values(SETTING_KEYS)];
const LOCK_NAME = 'counterpoint-settings';

function sanitise(value: unknown): Settings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Settings>;
  return {
    claimHighlights:
      typeof raw.claimHighlights === 'boolean'
        ? raw.claimHighlights
        : DEFAULT_SETTINGS.claimHighlights,
    noteHighlights:
      typeof raw.noteHighlights === 'boolean'
        ? raw.noteHighlights
        : DEFAULT_SETTINGS.noteHighlights,
    pausedHosts: Array.isArray(raw.pausedHosts)
      ? raw.pausedHosts.filter((host): host is string => typeof host === 'string')
      : [],
  };
}

/** The settings in a set of stored values: the old object while it is there, else each key. */
function settingsFrom(stored: Record<string, unknown>): Settings {
  const legacy = stored[LEGACY_SETTINGS_KEY];
  if (legacy !== undefined) return sanitise(legacy);
  const values: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) values[name] = stored[SETTING_KEYS[name]];
  return sanitise(values);
}

/** Reads the settings, filling in defaults. */
export async function readSettings(area: Storage.StorageArea): Promise<Settings> {
  return settingsFrom(await area.get(ALL_KEYS));
}

/** This context's last read-modify-write, where there is no shared lock (none before the first). */
let queue: Promise<unknown> | undefined;

/** Runs a read-modify-write alone: under the shared lock, or after this context's earlier ones. */
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(LOCK_NAME, task);
  const run = Promise.resolve(queue).then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Changes some settings and returns the result; only the settings changed are written. */
export function updateSettings(
  area: Storage.StorageArea,
  change: (current: Settings) => Partial<Settings>,
): Promise<Settings> {
  return exclusively(async () => {
    const stored = await area.get(ALL_KEYS);
    const current = settingsFrom(stored);
    const changed = change(current);
    const next = { ...current, ...changed };
    const migrating = stored[LEGACY_SETTINGS_KEY] !== undefined;
    const items: Record<string, unknown> = {};
    for (const name of SETTING_NAMES) {
      if (migrating || name in changed) items[SETTING_KEYS[name]] = next[name];
    }
    await area.set(items);
    // Removed only after the new keys hold everything, so no reader ever sees the defaults.
    if (migrating) await area.remove(LEGACY_SETTINGS_KEY);
    return next;
  });
}

/** The keyboard command's rule: if any layer shows, hide both; else show both. */
export function toggleBothLayers(current: Settings): Partial<Settings> {
  const show = !(current.claimHighlights || current.noteHighlights);
  return { claimHighlights: show, noteHighlights: show };
}

/** Whether Counterpoint is paused on a hostname. */
export function isPaused(settings: Settings, hostname: string): boolean {
  return settings.pausedHosts.includes(hostname.toLowerCase().replace(/^www\./, ''));
}

/** Calls back with the new settings whenever they change; returns the unsubscribe function. */
export function watchSettings(
  browser: Browser,
  onChange: (settings: Settings) => void,
): () => void {
  // A change names only the keys it wrote, so the watcher keeps the stored values it has seen.
  // Changes that come before the first read are applied on top of it: each carries whole values.
  let stored: Record<string, unknown> | null = null;
  const early: Record<string, Storage.StorageChange>[] = [];
  let stopped = false;
  const apply = (changes: Record<string, Storage.StorageChange>, into: Record<string, unknown>) => {
    for (const key of ALL_KEYS) {
      const change = changes[key];
      if (!change) continue;
      if (change.newValue === undefined) delete into[key];
      else into[key] = change.newValue;
    }
  };
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'local' || !ALL_KEYS.some((key) => key in changes)) return;
    if (stored === null) {
      early.push(changes);
      return;
    }
    apply(changes, stored);
    onChange(settingsFrom(stored));
  };
  const settle = (values: Record<string, unknown>): void => {
    if (stopped) return;
    const hadEarly = early.length > 0;
    const seen = { ...values };
    for (const changes of early.splice(0)) apply(changes, seen);
    stored = seen;
    if (hadEarly) onChange(settingsFrom(seen));
  };
  browser.storage.onChanged.addListener(listener);
  browser.storage.local.get(ALL_KEYS).then(settle, () => settle({}));
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** The storage key of the first-run flag: whether the welcome card has been shown. */
export const FIRST_RUN_KEY = 'firstRun.welcomeShown';

/**
 * The key in the extension's local storage that makes the page paint claims by wrapping text, as
 * where the Custom Highlight API is missing: a test hook, so the fallback can be tried in browsers
 * that have the API. Only extension pages can set it; the page cannot.
 */
export const PAINT_BY_WRAPPING_KEY = 'diagnostics:paintByWrapping';

/** What the page-side layer reads of extension storage before its first paint. */
export interface PageStart {
  settings: Settings;
  /** Paint claims by wrapping text ({@link PAINT_BY_WRAPPING_KEY}). */
  paintByWrapping: boolean;
  /** Whether the welcome card has been shown once already (on any article). */
  welcomeShown: boolean;
}

/** Reads the settings, the painting option and the first-run flag in one storage read. */
export async function readPageStart(area: Storage.StorageArea): Promise<PageStart> {
  const stored = await area.get([...ALL_KEYS, PAINT_BY_WRAPPING_KEY, FIRST_RUN_KEY]);
  return {
    settings: settingsFrom(stored),
    paintByWrapping: stored[PAINT_BY_WRAPPING_KEY] === true,
    welcomeShown: stored[FIRST_RUN_KEY] === true,
  };
}

/** Records that the welcome card has been shown, so it never shows again. */
export async function markWelcomeShown(area: Storage.StorageArea): Promise<void> {
  await area.set({ [FIRST_RUN_KEY]: true });
}
