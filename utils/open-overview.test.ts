import { describe, expect, it } from 'vitest';
import { overviewOpener } from './open-overview';

describe('opening the overview', () => {
  it('uses Chrome’s side panel for the tab, at once', () => {
    const calls: unknown[] = [];
    const opener = overviewOpener({
      sidePanel: {
        open: async (options) => {
          calls.push(options);
        },
      },
    });
    expect(opener.available).toBe(true);
    void opener.open(12);
    // Called synchronously: the browser refuses once the click's handling is over.
    expect(calls).toEqual([{ tabId: 12 }]);
  });

  it('uses Firefox’s sidebar where there is no side panel', () => {
    let opened = 0;
    const opener = overviewOpener({
      sidebarAction: {
        open: async () => {
          opened += 1;
        },
      },
    });
    void opener.open(3);
    expect(opened).toBe(1);
  });

  it('is not offered where the browser has neither', async () => {
    const opener = overviewOpener({});
    expect(opener.available).toBe(false);
    await expect(opener.open(1)).rejects.toThrow(/no side panel/);
  });
});
