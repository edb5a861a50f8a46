import { afterEach, describe, expect, it } from 'vitest';
import { createReadingGuide, ROOMY_WINDOW } from './reading-guide';

/** An event as the reader's own (happy-dom lets a test set `isTrusted`, a browser does not). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const escapeKey = () => trusted(new KeyboardEvent('keydown', { key: 'Escape' }));
const click = () => trusted(new MouseEvent('click', { bubbles: true }));

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

function setUp(options: { popoverOpen?: boolean; welcome?: boolean; inOverlay?: boolean } = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  let redraws = 0;
  let opened = 0;
  const guide = createReadingGuide({
    doc: document,
    inOverlay: () => options.inOverlay ?? false,
    popoverOpen: () => options.popoverOpen ?? false,
    guideShown: () => true,
    redraw: () => {
      redraws += 1;
    },
    ...(options.welcome
      ? {
          welcome: {
            opened: () => {
              opened += 1;
            },
            onHelp: () => undefined,
          },
        }
      : {}),
    signal: controller.signal,
  });
  return { guide, redraws: () => redraws, opened: () => opened, stop: () => controller.abort() };
}

describe('the reading guide on the page', () => {
  it('starts open in a roomy window, and as its pill in a small one', () => {
    window.innerWidth = ROOMY_WINDOW.width;
    window.innerHeight = ROOMY_WINDOW.height;
    expect(setUp().guide.expanded()).toBe(true);
    window.innerWidth = 640;
    window.innerHeight = 450;
    expect(setUp().guide.expanded()).toBe(false);
  });

  it('folds on Escape and on a click outside the overlay, not on a click inside it', () => {
    window.innerWidth = 1280;
    window.innerHeight = 900;
    const inside = setUp({ inOverlay: true });
    document.body.dispatchEvent(click());
    expect(inside.guide.expanded()).toBe(true);
    inside.stop();
    const { guide, redraws } = setUp();
    document.body.dispatchEvent(click());
    expect(guide.expanded()).toBe(false);
    expect(redraws()).toBe(1);
    guide.setExpanded(true);
    document.dispatchEvent(escapeKey());
    expect(guide.expanded()).toBe(false);
  });

  it('leaves Escape to an open popover, and ignores a key the page made', () => {
    window.innerWidth = 1280;
    window.innerHeight = 900;
    const { guide } = setUp({ popoverOpen: true });
    document.dispatchEvent(escapeKey());
    expect(guide.expanded()).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(guide.expanded()).toBe(true);
  });

  it('shows the welcome card once given, records it, and Escape dismisses it before folding', () => {
    window.innerWidth = 1280;
    window.innerHeight = 900;
    const { guide, opened } = setUp({ welcome: true });
    expect(guide.welcome()).not.toBeNull();
    expect(opened()).toBe(1);
    document.dispatchEvent(escapeKey());
    expect(guide.welcome()).toBeNull();
    expect(guide.expanded()).toBe(true);
    document.dispatchEvent(escapeKey());
    expect(guide.expanded()).toBe(false);
  });

  it('stops listening when its signal aborts', () => {
    window.innerWidth = 1280;
    window.innerHeight = 900;
    const { guide, stop } = setUp();
    stop();
    document.dispatchEvent(escapeKey());
    expect(guide.expanded()).toBe(true);
  });
});
