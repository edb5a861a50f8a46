/**
 * One visit to a page: recognise the article, ask the background for its claims and notes,
 * then hand over to the annotator. Everything it starts stops when `signal` aborts.
 */
import type { Browser } from '../browser';
import type { Requester } from '../messaging/client';
import { articleText, textFingerprint } from '../page/fingerprint';
import { waitForArticle } from '../page/recognise';

/** What a page session needs. */
export interface PageSessionDependencies {
  doc: Document;
  url: string;
  browser: Browser;
  request: Requester;
  signal: AbortSignal;
}

/** Recognises the page and starts Counterpoint on it. Resolves when the first paint is done. */
export async function startPageSession(deps: PageSessionDependencies): Promise<void> {
  const recognition = await waitForArticle(deps.doc, deps.url, { signal: deps.signal });
  if (!recognition || deps.signal.aborted) return;
  const data = await deps.request('page.opened', {
    headline: recognition.headline.slice(0, 1000),
    fingerprint: textFingerprint(articleText(recognition.body)),
  });
  if (deps.signal.aborted) return;
  await deps.request('page.status', {
    claimsAnchored: 0,
    orphanedClaimIds: data.claims.map((claim) => claim.id),
    notesAnchored: 0,
    orphanedNoteIds: data.notes.map((note) => note.id),
  });
}
