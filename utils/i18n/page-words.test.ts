import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { VERDICTS } from '../packs/types';
import { VERDICT_LABELS } from '../packs/verdicts';
import { fileMessageSource } from './file-source';
import { setMessageSource } from './index';
import { pageWords } from './page-words';

afterEach(() => {
  setMessageSource(fileMessageSource(english, 'en-GB'));
});

describe('pageWords', () => {
  it('names every verdict’s claim marker in English, its tooltip sentence first', () => {
    const words = pageWords();
    for (const verdict of VERDICTS) {
      expect(words.claimMarkers[verdict]).toBe(`Claim: ${VERDICT_LABELS[verdict]}. Open context`);
    }
    expect(words.claim).toBe('Claim');
    expect(words.notesPartial).toBe(english.notes_partial_notice.message);
  });

  it('speaks the interface language', () => {
    setMessageSource(fileMessageSource(spanish, 'es-ES'));
    const es = pageWords();
    expect(es.claimMarkers['partly-supported']).toBe(
      'Afirmación: En parte respaldada. Abrir el contexto',
    );
    expect(es.notesPartial).toBe(spanish.notes_partial_notice.message);
    setMessageSource(fileMessageSource(french, 'fr-FR'));
    const fr = pageWords();
    expect(fr.claimMarkers.misleading).toBe('Affirmation : Trompeuse. Ouvrir le contexte');
    // The marker's tooltip is the name's first sentence (marker-host.ts).
    expect(fr.claimMarkers.misleading.split('. ')[0]).toBe('Affirmation : Trompeuse');
    expect(fr.claim).toBe(french.marker_claim.message);
  });
});
