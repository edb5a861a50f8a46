/**
 * The extension pages' requests about many notes at once: a write made elsewhere announcing
 * itself (an import), deleting every note, and taking that back.
 */

import { t } from '../i18n';
import { restoreAllDeletedAt, softDeleteAllNotes } from '../store/delete-all';
import { purgeDeletedNotes } from '../store/notes';
import { type RequestContext, RequestError, type RequestHandlers } from './request-context';
import { withWriter } from './sender';

/** The requests about many notes at once. */
export type AllNotesRequest = 'notes.changed' | 'notes.deleteAll' | 'notes.restoreAll';

/** Handlers for the requests about many notes at once. */
export function createAllNotesRequests(context: RequestContext): RequestHandlers<AllNotesRequest> {
  const { deps, caches } = context;

  return {
    async 'notes.changed'(payload, sender) {
      await caches.announce(payload.articleKeys, {
        ...(payload.noteIds ? { noteIds: payload.noteIds } : {}),
        ...(payload.kind ? { kind: payload.kind } : {}),
        ...withWriter(sender, payload),
      });
      return null;
    },

    async 'notes.deleteAll'() {
      const db = await deps.getDatabase();
      const now = deps.now();
      await purgeDeletedNotes(db, now.getTime());
      const result = await softDeleteAllNotes(db, now.toISOString());
      await caches.announce(result.articleKeys, { kind: 'deleted' });
      return { deletedAt: result.deletedAt, count: result.count };
    },

    async 'notes.restoreAll'(payload) {
      const db = await deps.getDatabase();
      const result = await restoreAllDeletedAt(db, payload.deletedAt, deps.now().getTime());
      if (!result) throw new RequestError(t('error_notes_not_restorable'));
      await caches.announce(result.articleKeys, { kind: 'created' });
      return { count: result.count };
    },
  };
}
