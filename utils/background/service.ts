/**
 * The background's answers to the content script, the popover frame and the extension's pages:
 * every request is checked (who sent it, and that its payload matches the protocol) before
 * anything is read or written. The page's article is worked out from the sender's tab, never
 * taken from the message.
 *
 * This module checks and dispatches; the handlers live by job (`page-requests.ts`,
 * `note-requests.ts`, `pack-requests.ts`, `all-notes-requests.ts`) and share one
 * `ServiceCaches` (`caches.ts`) through their `RequestContext`.
 */

import * as v from 'valibot';
import type { Runtime } from '../browser';
import { t } from '../i18n';
import type { MessageType, Reply } from '../messaging/protocol';
import { describeIssues, envelopeSchema, requestSchemas } from '../messaging/schemas';
import { writeShownItem } from '../messaging/shown-item';
import { StorageError } from '../store/errors';
import { checkNoteText } from '../store/note-rules';
import { forgetTabPage, readTabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { createAllNotesRequests } from './all-notes-requests';
import { setBadge } from './badge';
import { createServiceCaches } from './caches';
import { createNoteRequests } from './note-requests';
import { createPackRequests } from './pack-requests';
import { createPageRequests } from './page-requests';
import {
  anchorOf,
  type BackgroundDependencies,
  createRequestContext,
  RequestError,
  type RequestHandlers,
} from './request-context';
import { ALLOWED, CONTENT_ONLY, classifySender, type Sender, safeUrl } from './sender';

export type { BackgroundDependencies } from './request-context';

/** Creates the request handler the background registers with `runtime.onMessage`. */
export function createBackgroundService(deps: BackgroundDependencies) {
  const { browser } = deps;
  const extensionOrigin = browser.runtime.getURL('/');
  const caches = createServiceCaches(browser);
  const context = createRequestContext(deps, caches);
  const handlers: RequestHandlers<MessageType> = {
    ...createPageRequests(context),
    ...createNoteRequests(context),
    ...createPackRequests(context),
    ...createAllNotesRequests(context),
  };

  /** Answers one request. Never throws: every failure is a reply with a readable error. */
  async function handle(
    message: unknown,
    rawSender: Runtime.MessageSender,
  ): Promise<Reply<unknown>> {
    try {
      const sender = classifySender(rawSender, {
        id: browser.runtime.id,
        origin: extensionOrigin,
      });
      if (sender.kind === 'unknown') return { ok: false, error: t('error_unknown_sender') };
      const envelope = v.safeParse(envelopeSchema, message);
      if (!envelope.success) return { ok: false, error: t('error_unknown_request') };
      const type = envelope.output.type;
      if (!ALLOWED[sender.kind].has(type)) {
        // The page-side layer never gets note text: nothing it may not ask is answered.
        return {
          ok: false,
          error: CONTENT_ONLY.has(type) ? t('error_page_only') : t('error_not_allowed'),
        };
      }
      const payload = v.safeParse(requestSchemas[type], envelope.output.payload);
      if (!payload.success) {
        return { ok: false, error: payloadRefusal(envelope.output.payload, payload.issues) };
      }
      const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
      const value = await handler(payload.output, sender);
      // The page-side layer gets where a restored note is, never what it says.
      if (sender.kind === 'content' && type === 'note.restore') {
        return { ok: true, value: anchorOf(value as Note) };
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof RequestError || error instanceof StorageError) {
        return { ok: false, error: error.message };
      }
      console.error('Counterpoint: request failed', error);
      return { ok: false, error: t('error_unexpected') };
    }
  }

  /** Drops cached notes of these articles (written elsewhere, e.g. by an import). */
  function notesChanged(articleKeys: readonly string[]): void {
    caches.notesChanged(articleKeys);
  }

  /** Drops cached packs and claims after a pack was installed. */
  function packsChanged(): void {
    caches.packsChanged();
  }

  /** Forgets what a closed tab showed. */
  async function forgetTab(tabId: number): Promise<void> {
    await forgetTabPage(browser, tabId);
    await writeShownItem(browser, tabId, null);
  }

  /**
   * A tab's address changed. Leaving the article forgets it (and its badge) until the next page
   * reports; a fragment or query change on the same article keeps everything.
   */
  async function noteNavigation(tabId: number, newUrl: string): Promise<void> {
    const page = await readTabPage(browser, tabId);
    const url = safeUrl(newUrl);
    if (!page || (url && `${url.origin}${url.pathname}` === page.url)) return;
    await forgetTabPage(browser, tabId);
    await writeShownItem(browser, tabId, null);
    await setBadge(browser, tabId, '');
  }

  return { handle, forgetTab, noteNavigation, packsChanged, notesChanged };
}

/**
 * Why a payload was refused, in the reader's language. A note's text that breaks the one note
 * rule set gets that rule's own sentence, as the editor shows it; any other malformed payload
 * (never sent by Counterpoint's own pages) says so, with the schema's technical reason.
 */
function payloadRefusal(payload: unknown, issues: readonly v.BaseIssue<unknown>[]): string {
  const note = payload as { body?: unknown; tags?: unknown } | null;
  if (
    typeof note === 'object' &&
    note !== null &&
    typeof note.body === 'string' &&
    Array.isArray(note.tags) &&
    note.tags.every((tag) => typeof tag === 'string')
  ) {
    const checked = checkNoteText({ body: note.body, tags: note.tags });
    if (!checked.ok) return checked.problem.message;
  }
  return t('error_request_malformed', [describeIssues(issues)]);
}

/** The service's public face. */
export type BackgroundService = ReturnType<typeof createBackgroundService>;
