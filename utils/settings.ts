/**
 * Reader settings: which highlight layers show, and sites where Counterpoint is paused.
 * Kept in extension storage (not the page's), and watched by every context so a change applies
 * at once to every open tab.
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

const SETTINGS_KEY = 'settings';

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

/** Reads the settings, filling in defaults. */
export async function readSettings(storage: Storage.StorageArea): Promise<Settings> {
  const stored = await storage.get(SETTINGS_KEY);
  return sanitise(stored[SETTINGS_KEY]);
}

/** Changes some settings and returns the result. */
export async function updateSettings(
  storage: Storage.StorageArea,
  change: (current: Settings) => Partial<Settings>,
): Promise<Settings> {
  const current = await readSettings(storage);
  const next = { ...current, ...change(current) };
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
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
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    const change = changes[SETTINGS_KEY];
    if (areaName === 'local' && change) onChange(sanitise(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
