import { describe, expect, it } from 'vitest';
import spanish from '../../public/_locales/es/messages.json';
import { fileMessageSource } from '../i18n/file-source';
import { createRequester, RequestFailed, unansweredFrom } from './client';

const noWait = async () => {};

describe('requests to the background', () => {
  it('returns the value of a successful reply', async () => {
    const request = createRequester(async () => ({ ok: true, value: [1, 2] }), noWait);
    expect(await request('page.notesPage', {})).toEqual([1, 2]);
  });

  it('reports a refusal with the background’s own words, without retrying', async () => {
    let sent = 0;
    const request = createRequester(async () => {
      sent++;
      return { ok: false, error: 'Write something before saving.' };
    }, noWait);
    await expect(request('note.delete', { id: 'x' })).rejects.toThrow(
      new RequestFailed('Write something before saving.'),
    );
    expect(sent).toBe(1);
  });

  it('retries when the worker stopped mid-request, and the retried save lands once', async () => {
    const stored = new Map<string, unknown>();
    let attempts = 0;
    const request = createRequester(async (message) => {
      attempts++;
      const { payload } = message as { payload: { id: string } };
      // The first attempt is written, then the worker dies before it can answer.
      stored.set(payload.id, payload);
      if (attempts === 1)
        throw new Error('The message port closed before a response was received.');
      return { ok: true, value: payload };
    }, noWait);
    const payload = { id: 'n1', target: { selectors: [] }, body: 'b', tags: [] };
    await request('note.create', payload);
    expect(attempts).toBe(2);
    expect(stored.size).toBe(1);
  });

  it('retries when no reply came at all', async () => {
    let attempts = 0;
    const request = createRequester(
      async () => (++attempts < 3 ? undefined : { ok: true, value: null }),
      noWait,
    );
    expect(await request('ui.load', {})).toBeNull();
    expect(attempts).toBe(3);
  });

  it('gives up after a few attempts with a message that says nothing was lost', async () => {
    let attempts = 0;
    const request = createRequester(async () => {
      attempts++;
      throw new Error('Could not establish connection.');
    }, noWait);
    await expect(request('page.notesPage', {})).rejects.toThrow(/did not answer.*Nothing was lost/);
    expect(attempts).toBe(4);
  });

  it('words the give-up in the language of the getMessage it is given, English without one', async () => {
    const fail = async () => {
      throw new Error('Could not establish connection.');
    };
    const spanishSource = fileMessageSource(spanish, 'es');
    const inSpanish = createRequester(
      fail,
      noWait,
      unansweredFrom((key, substitutions) => spanishSource.getMessage(key, substitutions)),
    );
    await expect(inSpanish('page.notesPage', {})).rejects.toThrow(
      spanishSource.getMessage('messaging_no_answer', ['Could not establish connection.']),
    );
    const runtimeGone = createRequester(
      fail,
      noWait,
      unansweredFrom(() => {
        throw new Error('Extension context invalidated.');
      }),
    );
    await expect(runtimeGone('page.notesPage', {})).rejects.toThrow(
      /did not answer.*Nothing was lost/,
    );
  });
});
