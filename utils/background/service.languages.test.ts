/**
 * The background's refusals arrive in the reader's language: a forged sender, an unknown
 * request, a request the sender may not make, a malformed payload, and a note that breaks the
 * note rules, each read through the interface's messages (Spanish and French here).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { setMessageSource } from '../i18n';
import { fileMessageSource } from '../i18n/file-source';
import {
  ARTICLE,
  fromFrame,
  fromPopup,
  fromTab,
  openedArticle,
  quote,
  setUp,
} from './test-service';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  setMessageSource(fileMessageSource(english, 'en-GB'));
});

describe('refusals in the reader’s language', () => {
  it('refuses forged, unknown, forbidden and malformed requests in Spanish', async () => {
    const { service } = await setUp();
    setMessageSource(fileMessageSource(spanish, 'es-ES'));
    const opened = { type: 'page.opened', payload: { headline: 'x', text: '' } };
    expect(await service.handle(opened, fromTab('https://evil.example/x/1234567'))).toEqual({
      ok: false,
      error:
        'Counterpoint solo responde a sus propias páginas y a los artículos de Global Research.',
    });
    expect(await service.handle({ type: 'notes.dumpAll', payload: {} }, fromTab(ARTICLE))).toEqual({
      ok: false,
      error: 'Counterpoint no reconoce esta solicitud.',
    });
    expect(await service.handle({ type: 'notes.deleteAll', payload: {} }, fromFrame())).toEqual({
      ok: false,
      error: 'Esta página no tiene permiso para pedirle eso a Counterpoint.',
    });
    expect(await service.handle(opened, fromPopup)).toEqual({
      ok: false,
      error:
        'Solo un artículo de Global Research abierto en una pestaña puede pedirle eso a Counterpoint.',
    });
    const malformed = await service.handle(
      { type: 'page.opened', payload: { headline: 42, text: '' } },
      fromTab(ARTICLE),
    );
    expect(malformed).toMatchObject({ ok: false });
    if (!malformed.ok) {
      expect(malformed.error).toMatch(
        /^Counterpoint no ha podido leer esta solicitud \(headline: .+\)\. No se ha cambiado nada\.$/,
      );
    }
  });

  it('refuses a note that breaks the note rules with the rule’s own French sentence', async () => {
    const { service } = await openedArticle();
    setMessageSource(fileMessageSource(french, 'fr-FR'));
    const create = (body: string) =>
      service.handle(
        { type: 'note.create', payload: { id: 'n', target: quote('new era'), body, tags: [] } },
        fromFrame(),
      );
    expect(await create('   ')).toEqual({
      ok: false,
      error: 'Écrivez quelque chose avant d’enregistrer.',
    });
    const huge = await create('a'.repeat(20_001));
    expect(huge).toMatchObject({ ok: false });
    if (!huge.ok) {
      expect(huge.error).toMatch(
        /^Une note peut compter jusqu’à 20\s000 caractères\s; celle-ci en a 20\s001\.$/,
      );
    }
    // An Undo of "Delete all my notes" long after its window.
    expect(
      await service.handle(
        { type: 'notes.restoreAll', payload: { deletedAt: '2026-01-01T00:00:00.000Z' } },
        fromPopup,
      ),
    ).toEqual({ ok: false, error: 'Ces notes ne peuvent plus être restaurées.' });
  });
});
