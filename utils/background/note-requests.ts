/**
 * The requests that write one note: create (from the popover frame, for its tab's article),
 * update, delete and restore (from that frame, or from the extension's pages for any note).
 * Each write is announced once, naming the note and its writer.
 */

import { t } from '../i18n';
import { normaliseTags } from '../store/note-rules';
import {
  getNote,
  purgeDeletedNotes,
  putNote,
  restoreNote,
  softDeleteNote,
  updateNote,
} from '../store/notes';
import type { Note } from '../store/types';
import { type RequestContext, RequestError, type RequestHandlers } from './request-context';
import { withWriter } from './sender';

/** The requests that write one note. */
export type NoteRequest = 'note.create' | 'note.update' | 'note.delete' | 'note.restore';

/** Handlers for the requests that write one note. */
export function createNoteRequests(context: RequestContext): RequestHandlers<NoteRequest> {
  const { deps, caches, pageOf, noteFor } = context;

  return {
    async 'note.create'(payload, sender) {
      const page = await pageOf(sender);
      const db = await deps.getDatabase();
      const existing = await getNote(db, payload.id);
      if (existing) {
        // A save retried after the worker stopped mid-way: the first attempt got through.
        if (existing.articleKey === page.articleKey && !existing.deletedAt) return existing;
        throw new RequestError(t('error_note_exists'));
      }
      const now = deps.now().toISOString();
      const note: Note = {
        id: payload.id,
        articleKey: page.articleKey,
        url: page.url,
        articleTitle: page.articleTitle,
        target: payload.target,
        body: payload.body,
        tags: normaliseTags(payload.tags),
        ...(payload.claimId ? { claimId: payload.claimId } : {}),
        created: now,
        modified: now,
      };
      await putNote(db, note);
      await caches.announce([note.articleKey], {
        noteIds: [note.id],
        kind: 'created',
        ...withWriter(sender, payload),
      });
      return note;
    },

    async 'note.update'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const updated = await updateNote(
        db,
        payload.id,
        { body: payload.body, tags: normaliseTags(payload.tags) },
        deps.now().toISOString(),
      );
      if (!updated) throw new RequestError(t('error_note_gone'));
      await caches.announce([updated.articleKey], {
        noteIds: [updated.id],
        kind: 'updated',
        ...withWriter(sender, payload),
      });
      return updated;
    },

    async 'note.delete'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const now = deps.now();
      await purgeDeletedNotes(db, now.getTime());
      const deleted = await softDeleteNote(db, payload.id, now.toISOString());
      if (!deleted) throw new RequestError(t('error_note_gone'));
      await caches.announce([deleted.articleKey], {
        noteIds: [deleted.id],
        kind: 'deleted',
        ...withWriter(sender, payload),
      });
      return deleted;
    },

    async 'note.restore'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const restored = await restoreNote(db, payload.id);
      if (!restored) throw new RequestError(t('error_not_restorable'));
      await caches.announce([restored.articleKey], {
        noteIds: [restored.id],
        kind: 'created',
        ...withWriter(sender, payload),
      });
      return restored;
    },
  };
}
