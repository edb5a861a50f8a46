/**
 * The store packages as built: icons at every size in both manifests and on the toolbar button,
 * the permissions each build needs, and, in real Chromium, the toolbar tooltip that explains the
 * badge's number, and that Counterpoint is paused on the site when it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { setSettings } from './harness/page-ui';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness/paths';
import { waitUntil } from './harness/wait';

interface Manifest {
  icons?: Record<string, string>;
  permissions?: string[];
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  browser_specific_settings?: { gecko?: { strict_min_version?: string } };
}

function manifestOf(build: string): Manifest {
  return JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Manifest;
}

/** The width and height a PNG file declares in its header. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the packages', () => {
  for (const [name, build] of [
    ['Chrome', CHROME_BUILD],
    ['Firefox', FIREFOX_BUILD],
  ] as const) {
    it(`${name}: icons at 16, 32, 48 and 128 px, and on the toolbar button`, () => {
      const manifest = manifestOf(build);
      expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
      const button = (manifest.action ?? manifest.browser_action)?.default_icon ?? {};
      expect(Object.keys(button).sort()).toEqual(['16', '32', '48']);
      for (const [size, file] of [
        ...Object.entries(manifest.icons ?? {}),
        ...Object.entries(button),
      ]) {
        expect(pngSize(join(build, file))).toEqual([Number(size), Number(size)]);
      }
    });
  }

  it('Chrome (MV3) asks for scripting; Firefox (MV2) needs no more than storage and the menu, from 140 on', () => {
    expect(manifestOf(CHROME_BUILD).permissions).toContain('scripting');
    const firefox = manifestOf(FIREFOX_BUILD);
    expect(firefox.permissions?.filter((permission) => !permission.includes('://'))).toEqual([
      'storage',
      'contextMenus',
    ]);
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
  });

  it('bundles no @wxt-dev/storage (a parameter named `storage` makes WXT import it)', () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const scripts = readdirSync(build, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.js'),
      );
      expect(scripts.length).toBeGreaterThan(0);
      for (const file of scripts) {
        // An error message of @wxt-dev/storage's, present whenever the library is bundled.
        expect(readFileSync(join(build, file), 'utf8'), file).not.toContain('Invalid area "');
      }
    }
  });
});

describe('the toolbar button in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says what the badge counts', async () => {
    const page = await session.open(ARTICLE_URL);
    const tabId = await session.tabIdOf(page);
    const badge = await waitUntil(
      () => session.badgeText(tabId),
      (text) => text !== '',
      { what: 'the toolbar badge' },
    );
    const worker = await session.worker();
    const title = await waitUntil(
      () => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId),
      (text) => text.includes(badge),
      { what: 'the tooltip to name the count' },
    );
    expect(title).toBe(`Counterpoint: ${badge} claims checked on this page`);

    // Paused on the site from elsewhere (the popup's switch): the tooltip says so, and back.
    const titleOnceItSays = (what: string) =>
      waitUntil(
        async () =>
          (await session.worker()).evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId),
        (text) => text.includes(what),
        { what: `the tooltip to say "${what}"` },
      );
    await setSettings(session, {
      claimHighlights: true,
      noteHighlights: true,
      pausedHosts: ['globalresearch.ca'],
    });
    expect(await titleOnceItSays('paused')).toBe(
      `Counterpoint is paused on this site (${badge} claims found, not shown)`,
    );
    await setSettings(session, { claimHighlights: true, noteHighlights: true });
    expect(await titleOnceItSays('checked')).toBe(title);
    await page.close();
  });
});

declare const chrome: { action: { getTitle(details: { tabId: number }): Promise<string> } };
