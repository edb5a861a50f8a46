import { describe, expect, it } from 'vitest';
import { watchWhileShown } from './while-shown';

function setup() {
  const log: string[] = [];
  const stopped = new AbortController();
  const stop = watchWhileShown(document, stopped.signal, {
    watch: () => {
      log.push('watch');
      return () => log.push('unwatch');
    },
    resumed: () => log.push('resumed'),
  });
  return { log, stopped, stop };
}

/** A `pagehide` or `pageshow` as the browser sends it (trusted) or as a page script forges it. */
function pageTransition(type: 'pagehide' | 'pageshow', persisted: boolean, trusted = true) {
  const event = new Event(type);
  Object.defineProperty(event, 'persisted', { value: persisted });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  window.dispatchEvent(event);
}

describe('listeners kept while the page is shown', () => {
  it('removes them when the page is hidden, before the browser closes the page', () => {
    const { log, stopped } = setup();
    pageTransition('pagehide', false);
    expect(log).toEqual(['watch', 'unwatch']);
    stopped.abort();
  });

  it('registers them again, and catches up, when the page comes back from the cache', () => {
    const { log, stopped } = setup();
    pageTransition('pagehide', true);
    pageTransition('pageshow', true);
    expect(log).toEqual(['watch', 'unwatch', 'watch', 'resumed']);
    stopped.abort();
  });

  it('ignores a page script’s forged pagehide', () => {
    const { log, stopped } = setup();
    pageTransition('pagehide', false, false);
    expect(log).toEqual(['watch']);
    stopped.abort();
  });

  it('removes them once when stopped, and no event brings them back', () => {
    const { log, stopped, stop } = setup();
    stop();
    stopped.abort();
    pageTransition('pageshow', true);
    pageTransition('pagehide', false);
    expect(log).toEqual(['watch', 'unwatch']);
  });
});
