import { describe, expect, it } from 'vitest';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { fileMessageSource } from '../i18n/file-source';
import { claimMarkerLabel, type GetMessage } from './article-view';

/** The browser's getMessage over one messages file. */
function messagesOf(file: Parameters<typeof fileMessageSource>[0]): GetMessage {
  const source = fileMessageSource(file, 'xx');
  return (key, substitutions) => source.getMessage(key, substitutions);
}

describe('claimMarkerLabel', () => {
  it('names a claim marker in the interface language, its tooltip sentence first', () => {
    const es = claimMarkerLabel(messagesOf(spanish), 'partly-supported');
    expect(es).toBe('Afirmación: En parte respaldada. Abrir el contexto');
    const fr = claimMarkerLabel(messagesOf(french), 'misleading');
    expect(fr).toBe('Affirmation : Trompeuse. Ouvrir le contexte');
    // The marker's tooltip is the name's first sentence (marker-host.ts).
    expect(fr.split('. ')[0]).toBe('Affirmation : Trompeuse');
  });

  it('speaks English when the browser has no message', () => {
    expect(claimMarkerLabel(() => '', 'contradicted')).toBe('Claim: Contradicted. Open context');
  });
});
