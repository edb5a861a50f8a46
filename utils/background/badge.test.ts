import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import { inLanguage } from '../i18n/test-languages';
import { updateSettings } from '../settings';
import { writeTabPage } from '../store/tab-pages';
import { badgeTitle, refreshBadgeTitles, setBadge } from './badge';

const browser = fakeBrowser as unknown as Browser;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the toolbar badge', () => {
  it('explains the number in the tooltip, per tab', async () => {
    await setBadge(browser, 7, '14');
    await setBadge(browser, 8, '1');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('14');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Counterpoint: 14 claims checked on this page',
    );
    expect(await fakeBrowser.action.getTitle({ tabId: 8 })).toBe(
      'Counterpoint: 1 claim checked on this page',
    );
  });

  it('says plainly when no claim was found, and goes back to the name without a badge', async () => {
    await setBadge(browser, 7, '0');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Counterpoint: none of this article’s claims were found on this page',
    );
    await setBadge(browser, 7, '');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Counterpoint');
  });

  it('never puts anything but a count into the sentence', () => {
    expect(badgeTitle('!')).toBe('Counterpoint');
    expect(badgeTitle('2.5')).toBe('Counterpoint');
  });

  it('says when Counterpoint is paused on the tab’s site, and follows a pause made later', async () => {
    const article = await fakeBrowser.tabs.create({ url: 'https://www.globalresearch.ca/a/1' });
    const other = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await writeTabPage(browser, {
      tabId: article.id!,
      articleKey: 'a',
      articleTitle: 'A',
      url: 'https://www.globalresearch.ca/a/1',
      hasPack: true,
      claimsTotal: 14,
      claimsAnchored: 14,
      orphanedClaimIds: [],
      orphanedNoteIds: [],
    });
    await setBadge(browser, article.id!, '14');
    await updateSettings(browser.storage.local, () => ({ pausedHosts: ['globalresearch.ca'] }));
    await refreshBadgeTitles(browser);
    expect(await fakeBrowser.action.getTitle({ tabId: article.id! })).toBe(
      'Counterpoint is paused on this site (14 claims found, not shown)',
    );
    // Nothing is shown on the page, so the badge shows no count either.
    expect(await fakeBrowser.action.getBadgeText({ tabId: article.id! })).toBe('');
    // A tab without a badge keeps the button's own title.
    expect(await fakeBrowser.action.getTitle({ tabId: other.id! })).not.toContain('paused');
    await setBadge(browser, article.id!, '13');
    expect(await fakeBrowser.action.getTitle({ tabId: article.id! })).toBe(
      'Counterpoint is paused on this site (13 claims found, not shown)',
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: article.id! })).toBe('');
    // Resuming brings the count back from the tab's record.
    await updateSettings(browser.storage.local, () => ({ pausedHosts: [] }));
    await refreshBadgeTitles(browser);
    expect(await fakeBrowser.action.getTitle({ tabId: article.id! })).toBe(
      'Counterpoint: 14 claims checked on this page',
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: article.id! })).toBe('14');
  });

  it('speaks the interface language, with its plurals', async () => {
    const titles = () => [
      badgeTitle('14'),
      badgeTitle('1'),
      badgeTitle('0'),
      badgeTitle('3', true),
      badgeTitle('1', true),
      badgeTitle('0', true),
    ];
    expect(await inLanguage('es', titles)).toEqual([
      'Counterpoint: 14 afirmaciones verificadas en esta página',
      'Counterpoint: 1 afirmación verificada en esta página',
      'Counterpoint: no se encontró en esta página ninguna de las afirmaciones del artículo',
      'Counterpoint está en pausa en este sitio (3 afirmaciones encontradas, no mostradas)',
      'Counterpoint está en pausa en este sitio (1 afirmación encontrada, no mostrada)',
      'Counterpoint está en pausa en este sitio',
    ]);
    expect(await inLanguage('fr', titles)).toEqual([
      'Counterpoint : 14 affirmations vérifiées sur cette page',
      'Counterpoint : 1 affirmation vérifiée sur cette page',
      'Counterpoint : aucune des affirmations de l’article n’a été trouvée sur cette page',
      'Counterpoint est en pause sur ce site (3 affirmations trouvées, non affichées)',
      'Counterpoint est en pause sur ce site (1 affirmation trouvée, non affichée)',
      'Counterpoint est en pause sur ce site',
    ]);
    // The tooltip the button gets is the same sentence.
    await inLanguage('fr', () => setBadge(browser, 7, '2'));
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Counterpoint : 2 affirmations vérifiées sur cette page',
    );
  });
});
