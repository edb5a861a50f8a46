import { describe, expect, it } from 'vitest';
import { inLanguage } from '../i18n/test-languages';
import { createRequester } from './client';
import { unansweredInLanguage } from './unanswered';

const noWait = async (): Promise<void> => undefined;

/** The reader's message when the background never answers, through an extension page's requester. */
async function unanswered(describe = unansweredInLanguage): Promise<string> {
  const request = createRequester(
    async () => {
      throw new Error('Could not establish connection.');
    },
    noWait,
    describe,
  );
  return request('page.notesPage', {}).then(
    () => 'answered',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

describe('a background that never answers, told in the interface language', () => {
  it('says in English what the content script’s English default says', async () => {
    const english =
      "Counterpoint's background did not answer (Could not establish connection.). Nothing was lost; please try again.";
    expect(await unanswered()).toBe(english);
    const contentScripts = createRequester(async () => {
      throw new Error('Could not establish connection.');
    }, noWait);
    await expect(contentScripts('page.notesPage', {})).rejects.toThrow(english);
  });

  it('is Spanish and French in those languages', async () => {
    expect(await inLanguage('es', unanswered)).toBe(
      'El proceso de fondo de Counterpoint no respondió (Could not establish connection.). No se ha perdido nada; vuelve a intentarlo.',
    );
    expect(await inLanguage('fr', unanswered)).toBe(
      'Le processus d’arrière-plan de Counterpoint n’a pas répondu (Could not establish connection.). Rien n’a été perdu ; veuillez réessayer.',
    );
  });
});
