/**
 * The background's request handler under random and hostile input: it never throws, never
 * answers a sender it does not know, and never writes what it refuses.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser, Runtime } from '../browser';
import { openStore } from '../store/db';
import { createBackgroundService } from './service';

const browser = fakeBrowser as unknown as Browser;
const ARTICLE = 'https://www.globalresearch.ca/some-article/5800001';
let count = 0;

beforeEach(() => {
  fakeBrowser.reset();
});

async function setUp() {
  const db = await openStore({ name: `fuzz-${count++}` });
  const service = createBackgroundService({
    getDatabase: async () => db,
    browser,
    now: () => new Date('2026-11-27T10:00:00.000Z'),
    injectUi: async () => {},
  });
  const noteCount = async () => (await db.getAll('notes')).length;
  return { db, service, noteCount };
}

const messageTypes = [
  'page.opened',
  'page.claims',
  'page.status',
  'page.notesPage',
  'note.create',
  'note.update',
  'note.delete',
  'note.restore',
  'notes.changed',
  'ui.load',
  'notes.export',
  '__proto__',
  'constructor',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '__proto__',
    '\u0000',
    'a'.repeat(30_000),
    '../../etc/passwd',
  ),
);

const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const message = fc.oneof(
  hostileValue,
  fc.record({ type: fc.constantFrom(...messageTypes), payload: hostileValue }),
  fc.record({
    type: fc.constant('note.create'),
    payload: fc.record({
      id: hostileString,
      target: hostileValue,
      body: hostileString,
      tags: fc.array(hostileString),
    }),
  }),
);

const sender = fc.constantFrom<Runtime.MessageSender>(
  {
    id: 'test-extension-id',
    url: ARTICLE,
    tab: { id: 5 } as Runtime.MessageSender['tab'],
    frameId: 0,
  },
  {
    id: 'test-extension-id',
    url: ARTICLE,
    tab: { id: 5 } as Runtime.MessageSender['tab'],
    frameId: 2,
  },
  {
    id: 'another-extension',
    url: ARTICLE,
    tab: { id: 5 } as Runtime.MessageSender['tab'],
    frameId: 0,
  },
  {
    url: 'https://attacker.example/x/1234567',
    tab: { id: 6 } as Runtime.MessageSender['tab'],
    frameId: 0,
  },
  {},
);

describe('the background under hostile input', () => {
  it('never throws and always replies with ok true or a readable error', async () => {
    const { service } = await setUp();
    await fc.assert(
      fc.asyncProperty(message, sender, async (raw, from) => {
        const reply = await service.handle(raw, { id: fakeBrowser.runtime.id, ...from });
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('writes no note from anything it refuses', async () => {
    const { service, noteCount } = await setUp();
    // A recognised page, so that valid creates could get through.
    await service.handle(
      { type: 'page.opened', payload: { headline: 'Some article', text: '' } },
      {
        id: fakeBrowser.runtime.id,
        url: ARTICLE,
        tab: { id: 5 } as Runtime.MessageSender['tab'],
        frameId: 0,
      },
    );
    await fc.assert(
      fc.asyncProperty(message, sender, async (raw, from) => {
        const before = await noteCount();
        const reply = await service.handle(raw, from);
        const after = await noteCount();
        if (!reply.ok) expect(after).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('answers nothing to senders that are not Counterpoint on a Global Research page', async () => {
    const { service } = await setUp();
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        const outsider = await service.handle(raw, {
          url: 'https://attacker.example/x/1234567',
          tab: { id: 6 } as Runtime.MessageSender['tab'],
          frameId: 0,
        });
        expect(outsider).toEqual({
          ok: false,
          error: 'Counterpoint answers only its own pages and Global Research articles.',
        });
      }),
      { numRuns: 200 },
    );
  });
});
