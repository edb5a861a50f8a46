/** Reading what Counterpoint shows on a page, for the browser tests and the demo. */
import type { Page } from 'playwright-core';
import { probeAccessibility } from './accessibility';
import type { ChromiumSession } from './chromium';
import { waitForPopover } from './popover';
import { readTabRecordById } from './tab-record';

/** What the extension reports for a tab. */
export interface PageSummary {
  recognised: boolean;
  title: string;
  badge: string;
  claimsAnchored: number;
  claimsTotal: number;
  notesAnchored: number;
  orphanedNoteIds: string[];
  verdicts: string;
}

/** Reads the background's record of a tab and the badge. */
export async function readPageSummary(
  session: ChromiumSession,
  page: Page,
  tabId: number,
): Promise<PageSummary> {
  const record = await readTabRecordById(session, tabId);
  const probe = await probeAccessibility(page);
  const markers = await probe.find('button', /^Claim: /);
  await probe.detach();
  const tally = new Map<string, number>();
  for (const marker of markers) {
    const verdict = /^Claim: ([^.]+)\./.exec(marker.name?.value ?? '')?.[1] ?? '?';
    tally.set(verdict, (tally.get(verdict) ?? 0) + 1);
  }
  return {
    recognised: record !== null,
    title: record?.articleTitle ?? '',
    badge: await session.badgeText(tabId),
    claimsAnchored: record?.claimsAnchored ?? 0,
    claimsTotal: record?.claimsTotal ?? 0,
    notesAnchored: record?.notesAnchored ?? 0,
    orphanedNoteIds: record?.orphanedNoteIds ?? [],
    verdicts: [...tally].map(([verdict, count]) => `${verdict} ${count}`).join(', '),
  };
}

/** Opens the first claim's popover from its marker; returns its heading, or null. */
export async function openFirstClaim(page: Page): Promise<string | null> {
  const probe = await probeAccessibility(page);
  try {
    const [marker] = await probe.find('button', /^Claim: /);
    if (!marker) return null;
    await probe.click(marker);
    // The popover is drawn in the popover frame, an extension page the page cannot read.
    const dialog = await waitForPopover(page, /^Claim: /);
    await page.waitForTimeout(300);
    // As a screen reader says it: without the glyphs hidden from assistive tech.
    const heading = await dialog
      .getByRole('heading', { level: 2 })
      .first()
      .evaluate((element) => {
        const copy = element.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
        return copy.textContent ?? '';
      });
    return heading.replace(/\s+/g, ' ').trim() || null;
  } catch {
    return null;
  } finally {
    await probe.detach();
  }
}

/** The texts of the page's Custom Highlight API highlights, by highlight name. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    if (!registry) return result;
    for (const [name, highlight] of registry) {
      result[name] = [...highlight].map((range) => range.toString());
    }
    return result;
  });
}

/** Sets the reader's settings through the extension's storage, as the popup does. */
export async function setSettings(
  session: ChromiumSession,
  settings: { claimHighlights: boolean; noteHighlights: boolean; pausedHosts?: string[] },
): Promise<void> {
  await session.inExtension(
    (value) => chrome.storage.local.set({ settings: { pausedHosts: [], ...value } }),
    settings,
  );
}

declare const chrome: {
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>> };
    local: { set(items: object): Promise<void> };
  };
};
