/**
 * The claims as the page gets them: where each is and its verdict with the page's opening, and
 * the rest (the words of each verdict, the pack's "About this source") for the in-page UI once
 * it loads, from the tab's own article only.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE } from '../../e2e/fixtures';
import type { PageClaims, PageData } from '../messaging/protocol';
import {
  ARTICLE,
  ARTICLE_TEXT,
  fromFrame,
  fromPopup,
  fromTab,
  OTHER_ARTICLE,
  pack,
  setUp,
} from './test-service';

beforeEach(() => {
  fakeBrowser.reset();
});

async function opened(service: Awaited<ReturnType<typeof setUp>>['service'], url = ARTICLE) {
  const reply = await service.handle(
    { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
    fromTab(url),
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as PageData;
}

describe('page.opened', () => {
  it('gives each claim its passage and verdict only, and nothing of the pack but its dates', async () => {
    const { service } = await setUp();
    const data = await opened(service);
    expect(data.claims).toEqual(
      pack.claims.map(({ id, quote, verdict }) => ({ id, quote, verdict })),
    );
    expect(data.pack).toEqual({ packVersion: pack.packVersion, lastReviewed: pack.lastReviewed });
    // The reply is a fraction of the claims in full (the first paint waits for it).
    expect(JSON.stringify(data).length).toBeLessThan(JSON.stringify(pack.claims).length / 3);
  });
});

describe('page.claims', () => {
  it("gives the tab's content script its article's claims in full and the pack's about entries", async () => {
    const { service } = await setUp();
    await opened(service);
    const reply = await service.handle({ type: 'page.claims', payload: {} }, fromTab(ARTICLE));
    if (!reply.ok) throw new Error(reply.error);
    const value = reply.value as PageClaims;
    expect(value.about).toEqual(pack.about);
    expect(value.claims.map((claim) => claim.id)).toEqual(pack.claims.map((claim) => claim.id));
    expect(value.claims[0]).toMatchObject(pack.claims[0] ?? {});
  });

  it('gives nothing to a page without a pack, or whose pack was turned off since it opened', async () => {
    const { service } = await setUp();
    await service.handle(
      { type: 'page.opened', payload: { headline: 'Another story', text: '' } },
      fromTab(OTHER_ARTICLE, 8),
    );
    expect(
      await service.handle({ type: 'page.claims', payload: {} }, fromTab(OTHER_ARTICLE, 8)),
    ).toEqual({ ok: true, value: { claims: [], about: [] } });

    await opened(service);
    const turnedOff = await service.handle(
      { type: 'packs.turnOff', payload: { articleKey: pack.article.id, off: true } },
      fromPopup,
    );
    expect(turnedOff.ok).toBe(true);
    expect(await service.handle({ type: 'page.claims', payload: {} }, fromTab(ARTICLE))).toEqual({
      ok: true,
      value: { claims: [], about: [] },
    });
  });

  it('is refused to a tab that has not opened an article, to the popover frame and to the popup', async () => {
    const { service } = await setUp();
    expect(
      await service.handle({ type: 'page.claims', payload: {} }, fromTab(ARTICLE)),
    ).toMatchObject({ ok: false });
    await opened(service);
    for (const sender of [fromFrame(), fromPopup]) {
      expect(await service.handle({ type: 'page.claims', payload: {} }, sender)).toMatchObject({
        ok: false,
      });
    }
    expect(
      await service.handle({ type: 'page.claims', payload: { claimId: 'x' } }, fromTab(ARTICLE)),
    ).toMatchObject({ ok: false });
  });
});
