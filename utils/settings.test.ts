import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from './browser';
import {
  DEFAULT_SETTINGS,
  LEGACY_SETTINGS_KEY,
  markWelcomeShown,
  PAINT_BY_WRAPPING_KEY,
  readPageStart,
  readSettings,
  SETTING_KEYS,
  type Settings,
  updateSettings,
  watchSettings,
} from './settings';

const browser = fakeBrowser as unknown as Browser;
const area = browser.storage.local;

/** A second context (the popup beside the background): the module loaded afresh, its own state. */
async function otherContext(): Promise<typeof import('./settings')> {
  vi.resetModules();
  return import('./settings');
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reader settings', () => {
  it('starts from the defaults', async () => {
    expect(await readSettings(area)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps both of two changes made at the same moment in one context', async () => {
    await Promise.all([
      updateSettings(area, () => ({ claimHighlights: false })),
      updateSettings(area, () => ({ noteHighlights: false })),
      updateSettings(area, (current) => ({ pausedHosts: [...current.pausedHosts, 'a.example'] })),
      updateSettings(area, (current) => ({ pausedHosts: [...current.pausedHosts, 'b.example'] })),
    ]);
    expect(await readSettings(area)).toEqual({
      claimHighlights: false,
      noteHighlights: false,
      pausedHosts: ['a.example', 'b.example'],
    });
  });

  it('keeps both of two changes made at the same moment in two contexts', async () => {
    const popup = await otherContext();
    await Promise.all([
      updateSettings(area, () => ({ claimHighlights: false })),
      popup.updateSettings(area, () => ({ pausedHosts: ['globalresearch.ca'] })),
    ]);
    expect(await readSettings(area)).toEqual({
      claimHighlights: false,
      noteHighlights: true,
      pausedHosts: ['globalresearch.ca'],
    });
  });

  it('writes only the settings a change names', async () => {
    await updateSettings(area, () => ({ noteHighlights: false }));
    expect(await area.get(null)).toEqual({ [SETTING_KEYS.noteHighlights]: false });
  });

  it('reads the settings an older version stored, and moves them to their own keys on the next write', async () => {
    const old: Settings = { claimHighlights: false, noteHighlights: true, pausedHosts: ['x.org'] };
    await area.set({ [LEGACY_SETTINGS_KEY]: old });
    expect(await readSettings(area)).toEqual(old);
    expect(await updateSettings(area, () => ({ noteHighlights: false }))).toEqual({
      ...old,
      noteHighlights: false,
    });
    expect(await area.get(null)).toEqual({
      [SETTING_KEYS.claimHighlights]: false,
      [SETTING_KEYS.noteHighlights]: false,
      [SETTING_KEYS.pausedHosts]: ['x.org'],
    });
  });

  it('ignores stored values of the wrong type', async () => {
    await area.set({ [SETTING_KEYS.claimHighlights]: 'no', [SETTING_KEYS.pausedHosts]: [1, 'y'] });
    expect(await readSettings(area)).toEqual({ ...DEFAULT_SETTINGS, pausedHosts: ['y'] });
  });
});

describe('watching the settings', () => {
  it('reports the whole settings after each change, as soon as it is written', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings(browser, (settings) => seen.push(settings));
    await updateSettings(area, () => ({ claimHighlights: false }));
    await updateSettings(area, () => ({ pausedHosts: ['x.org'] }));
    stop();
    await updateSettings(area, () => ({ noteHighlights: false }));
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, claimHighlights: false },
      { claimHighlights: false, noteHighlights: true, pausedHosts: ['x.org'] },
    ]);
  });

  it('follows the whole object an older version (or another window of one) writes', async () => {
    await updateSettings(area, () => ({ noteHighlights: false }));
    const seen: Settings[] = [];
    const stop = watchSettings(browser, (settings) => seen.push(settings));
    await area.set({ [LEGACY_SETTINGS_KEY]: { ...DEFAULT_SETTINGS, claimHighlights: false } });
    stop();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, claimHighlights: false }]);
    expect(await readSettings(area)).toEqual({ ...DEFAULT_SETTINGS, claimHighlights: false });
  });
});

describe('the first-run flag', () => {
  it('is unset for a new reader, set once shown, and kept apart from the settings', async () => {
    expect((await readPageStart(area)).welcomeShown).toBe(false);
    await markWelcomeShown(area);
    expect(await readPageStart(area)).toEqual({
      settings: DEFAULT_SETTINGS,
      paintByWrapping: false,
      welcomeShown: true,
    });
  });
});

describe('what the page reads before its first paint', () => {
  it('is the settings, the painting option and the first-run flag, in one storage read', async () => {
    await updateSettings(area, () => ({ pausedHosts: ['example.org'] }));
    await area.set({ [PAINT_BY_WRAPPING_KEY]: true });
    const reads: unknown[] = [];
    const counting = {
      ...area,
      get: (keys?: unknown) => {
        reads.push(keys);
        return area.get(keys as never);
      },
    };
    expect(await readPageStart(counting as typeof area)).toEqual({
      settings: { ...DEFAULT_SETTINGS, pausedHosts: ['example.org'] },
      paintByWrapping: true,
      welcomeShown: false,
    });
    expect(reads).toHaveLength(1);
  });
});
