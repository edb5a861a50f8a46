import { describe, expect, it } from 'vitest';
import { inLanguage } from '../i18n/test-languages';
import { explainStorageError } from './errors';

const full = new DOMException('quota', 'QuotaExceededError');
const interrupted = new DOMException('aborted', 'AbortError');

describe('explainStorageError', () => {
  it('says what failed, why and what to do', () => {
    expect(explainStorageError(full, 'save-note').message).toBe(
      "Could not save the note: the browser's storage for Counterpoint is full. Free some disk space or export and delete old notes, then try again. Nothing was changed.",
    );
    expect(explainStorageError(interrupted, 'install-pack', 'Mexico').message).toBe(
      'Could not install the context pack for "Mexico": the storage was interrupted. Nothing was changed; please try again.',
    );
    const other = explainStorageError(new Error('disk on fire'), 'import');
    expect(other.message).toBe('Could not import the notes: disk on fire');
    expect(other.cause).toBeInstanceOf(Error);
  });

  it('speaks the interface language', async () => {
    expect(await inLanguage('es', () => explainStorageError(full, 'delete-all').message)).toBe(
      'No se pudieron eliminar tus notas: el almacenamiento del navegador para Counterpoint está lleno. Libera espacio en el disco o exporta y elimina notas antiguas, y vuelve a intentarlo. No se ha cambiado nada.',
    );
    expect(await inLanguage('fr', () => explainStorageError(interrupted, 'pack-off').message)).toBe(
      'Impossible de désactiver le dossier de contexte : l’enregistrement a été interrompu. Rien n’a été modifié ; veuillez réessayer.',
    );
    expect(
      await inLanguage('fr', () => explainStorageError(full, 'install-pack', 'Mexique').message),
    ).toMatch(/^Impossible d’installer le dossier de contexte de « Mexique » : l’espace/);
  });
});
