/**
 * Sending typed requests to the background. A Manifest V3 service worker can be stopped at any
 * moment; a request that was in flight then fails with a closed port. Requests are safe to
 * repeat (a new note carries its own id), so the client retries a few times before it reports
 * an error — a save is retried or reported, never dropped silently.
 */
import type { MessageType, Protocol, Reply } from './protocol';

/** Sends one message and resolves with the raw reply (runtime.sendMessage, or a fake). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** A failed request; `message` is meant for the reader. */
export class RequestFailed extends Error {
  override name = 'RequestFailed';
}

const RETRY_DELAYS_MS = [100, 400, 1200];

/**
 * What the reader is told when the background never answered; `detail` is the last failure's
 * own words. English by default. Extension pages pass `unansweredInLanguage` (`./unanswered.ts`);
 * the content script, which has no `utils/i18n` (its size budget), passes
 * {@link unansweredFrom} over the browser's `i18n.getMessage`.
 */
export type DescribeUnanswered = (detail: string) => string;

const unansweredInEnglish: DescribeUnanswered = (detail) =>
  `Counterpoint's background did not answer (${detail}). Nothing was lost; please try again.`;

/**
 * The words for a background that never answered read from a `getMessage` (the browser's, in
 * the interface language), in English when it has none or throws (an extension reloaded under
 * an open page).
 */
export function unansweredFrom(
  getMessage: (key: string, substitutions: string[]) => string,
): DescribeUnanswered {
  return (detail) => {
    let words = '';
    try {
      words = getMessage('messaging_no_answer', [detail]);
    } catch {
      // The runtime is gone: English below.
    }
    return words || unansweredInEnglish(detail);
  };
}

/** Creates a typed `request(type, payload)` over a send function. */
export function createRequester(
  send: SendMessage,
  wait = defaultWait,
  describeUnanswered: DescribeUnanswered = unansweredInEnglish,
) {
  return async function request<K extends MessageType>(
    type: K,
    payload: Protocol[K]['request'],
  ): Promise<Protocol[K]['response']> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      let reply: unknown;
      try {
        reply = await send({ type, payload });
      } catch (error) {
        // The worker stopped or was restarting: try again shortly.
        lastError = error;
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) break;
        await wait(delay);
        continue;
      }
      if (isReply(reply)) {
        if (reply.ok) return reply.value as Protocol[K]['response'];
        throw new RequestFailed(reply.error);
      }
      // No answer at all: the worker went away before replying.
      lastError = new Error('no reply');
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) break;
      await wait(delay);
    }
    throw new RequestFailed(
      describeUnanswered(lastError instanceof Error ? lastError.message : String(lastError)),
    );
  };
}

/** The typed request function. */
export type Requester = ReturnType<typeof createRequester>;

function isReply(value: unknown): value is Reply<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

function defaultWait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
