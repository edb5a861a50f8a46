import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRequester } from '../messaging/client';
import type { Interactions } from './interactions';
import type { NoteFollower } from './note-pages';
import { loadOverlayUi, type OverlayUi, registerOverlayUi } from './ui-loader';

const registry = globalThis as {
  counterpointOverlayUi?: unknown;
  counterpointContentExtras?: unknown;
};

const ui: OverlayUi = {
  startInteractions: async () => ({}) as Interactions,
  followNotes: () => ({}) as NoteFollower,
};

/** The content script's `ui.load` request over the (fake) extension messaging. */
const request = createRequester((message) => fakeBrowser.runtime.sendMessage(message));
const inject = () => request('ui.load', {}).then(() => undefined);

/** What the background answers, registered for each test and taken away after it. */
let background: (message: unknown) => Promise<unknown> = async () => undefined;
const listener = (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
  void background(message).then(respond);
  return true as const;
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(listener);
  delete registry.counterpointOverlayUi;
  delete registry.counterpointContentExtras;
});
afterEach(() => {
  fakeBrowser.runtime.onMessage.removeListener(listener);
  vi.useRealTimers();
});

describe('loading the in-page UI bundle', () => {
  it('asks the background once, and resolves when the injected bundle registers', async () => {
    let asked = 0;
    background = async (message: unknown) => {
      if ((message as { type?: string }).type !== 'ui.load') return undefined;
      asked++;
      // The background injects the bundle, which registers itself in the isolated world.
      setTimeout(() => registerOverlayUi(ui), 0);
      return { ok: true, value: null };
    };
    await expect(loadOverlayUi(inject)).resolves.toBe(ui);
    await expect(loadOverlayUi(inject)).resolves.toBe(ui);
    expect(asked).toBe(1);
  });

  it('asks once for callers that come while the bundle is still on its way', async () => {
    let asked = 0;
    let answer: () => void = () => undefined;
    background = async (message: unknown) => {
      if ((message as { type?: string }).type !== 'ui.load') return undefined;
      asked++;
      await new Promise<void>((resolve) => {
        answer = resolve;
      });
      setTimeout(() => registerOverlayUi(ui), 0);
      return { ok: true, value: null };
    };
    const first = loadOverlayUi(inject);
    const second = loadOverlayUi(inject);
    await vi.waitFor(() => expect(asked).toBe(1));
    answer();
    await expect(Promise.all([first, second])).resolves.toEqual([ui, ui]);
    expect(asked).toBe(1);
  });

  it('asks again after a refusal', async () => {
    let asked = 0;
    background = async (message: unknown) => {
      if ((message as { type?: string }).type !== 'ui.load') return undefined;
      asked++;
      if (asked === 1) return { ok: false, error: 'Not now.' };
      setTimeout(() => registerOverlayUi(ui), 0);
      return { ok: true, value: null };
    };
    await expect(loadOverlayUi(inject)).rejects.toThrow('Not now.');
    await expect(loadOverlayUi(inject)).resolves.toBe(ui);
    expect(asked).toBe(2);
  });

  it('says so when the background refuses to inject it', async () => {
    background = async () => ({ ok: false, error: 'This request comes from a page only.' });
    await expect(loadOverlayUi(inject)).rejects.toThrow('This request comes from a page only.');
  });

  it('gives up after its timeout when the bundle never registers', async () => {
    vi.useFakeTimers();
    const loading = loadOverlayUi(async () => undefined, 10_000);
    const failed = expect(loading).rejects.toThrow('The Counterpoint interface did not load.');
    await vi.advanceTimersByTimeAsync(10_000);
    await failed;
  });

  it('times that timeout on the clock it is given (the page-proof one, in the content script)', async () => {
    const due: { ms: number; run: () => void }[] = [];
    const clock = {
      after(ms: number, run: () => void) {
        due.push({ ms, run });
        return () => {};
      },
    };
    const loading = loadOverlayUi(async () => undefined, 10_000, clock);
    const failed = expect(loading).rejects.toThrow('The Counterpoint interface did not load.');
    expect(due.map((entry) => entry.ms)).toEqual([10_000]);
    due[0]?.run();
    await failed;
  });
});
