import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import { announceNotesChanged, type NotesChange, watchNotesChanged } from './change-feed';

const browser = fakeBrowser as unknown as Browser;

/** Lets the storage events of a write reach their listeners. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());

describe('the notes change feed', () => {
  it('says which notes changed, how, and who wrote them, in one storage write', async () => {
    const heard: NotesChange[] = [];
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener(() => writes++);
    const stop = watchNotesChanged(browser, (_keys, change) => heard.push(change));
    await announceNotesChanged(browser.storage.local, ['/a', '/a'], {
      noteIds: ['n1'],
      kind: 'created',
      writer: 'tab:3',
    });
    await flush();
    expect(writes).toBe(1);
    expect(heard).toEqual([
      {
        articleKeys: ['/a'],
        noteIds: ['n1'],
        kind: 'created',
        writer: 'tab:3',
        stamp: expect.any(String),
      },
    ]);
    stop();
  });

  it('skips the records this view wrote itself, and hears everyone else’s', async () => {
    const heard: string[] = [];
    let writer: string | undefined;
    const stop = watchNotesChanged(browser, (_keys, change) => heard.push(change.writer ?? '?'), {
      writer: () => writer,
    });
    writer = 'page:popup';
    await announceNotesChanged(browser.storage.local, ['/a'], { writer: 'page:popup' });
    await flush();
    await announceNotesChanged(browser.storage.local, ['/a'], { writer: 'tab:9' });
    await flush();
    await announceNotesChanged(browser.storage.local, ['/a']);
    await flush();
    expect(heard).toEqual(['tab:9', '?']);
    stop();
  });

  it('two changes in one millisecond both fire', async () => {
    const heard: string[][] = [];
    const stop = watchNotesChanged(browser, (keys) => heard.push(keys));
    await announceNotesChanged(browser.storage.local, ['/a']);
    await announceNotesChanged(browser.storage.local, ['/a']);
    await flush();
    expect(heard).toEqual([['/a'], ['/a']]);
    stop();
  });

  it('reads a malformed record safely and ignores other keys and areas', async () => {
    const heard: NotesChange[] = [];
    const stop = watchNotesChanged(browser, (_keys, change) => heard.push(change));
    await browser.storage.local.set({ settings: { x: 1 } });
    await browser.storage.local.set({ notesChanged: 'nonsense' });
    await browser.storage.local.set({
      notesChanged: { articleKeys: ['/a', 4], noteIds: [1, 'n2'], kind: 'exploded', stamp: 1 },
    });
    await browser.storage.session?.set({ notesChanged: { articleKeys: ['/b'], stamp: 's' } });
    await flush();
    expect(heard).toEqual([{ articleKeys: ['/a'], noteIds: ['n2'], stamp: '' }]);
    stop();
  });

  it('stops calling back once unsubscribed', async () => {
    const heard: string[][] = [];
    const stop = watchNotesChanged(browser, (keys) => heard.push(keys));
    stop();
    await announceNotesChanged(browser.storage.local, ['/a']);
    await flush();
    expect(heard).toEqual([]);
  });
});
