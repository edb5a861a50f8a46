import { afterEach, describe, expect, it } from 'vitest';
import { articleRight, createReadingGuide, ROOMY_HEIGHT, roomBeside } from './reading-guide';

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

/** An element laid out with its right edge here (happy-dom lays nothing out). */
function columnEndingAt(right: number): Element {
  const element = document.createElement('div');
  element.getBoundingClientRect = () => new DOMRect(right - 700, 100, 700, 50);
  return element;
}

function setUp(
  options: {
    popoverOpen?: boolean;
    welcome?: boolean;
    inOverlay?: boolean;
    columnRight?: number;
  } = {},
) {
  const controller = new AbortController();
  controllers.push(controller);
  let redraws = 0;
  let opened = 0;
  const guide = createReadingGuide({
    doc: document,
    inOverlay: () => options.inOverlay ?? false,
    popoverOpen: () => options.popoverOpen ?? false,
    article: () => [columnEndingAt(options.columnRight ?? 862)],
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
  it('starts open only with room beside the article and height for it, else as its pill', () => {
    window.innerWidth = 1280;
    window.innerHeight = ROOMY_HEIGHT;
    expect(setUp({ columnRight: 862 }).guide.expanded()).toBe(true);
    // The article's column reaching too far right: open, the guide would cover its text.
    expect(setUp({ columnRight: 1000 }).guide.expanded()).toBe(false);
    window.innerWidth = 640;
    window.innerHeight = 450;
    expect(setUp({ columnRight: 272 }).guide.expanded()).toBe(false);
  });

  it('measures the article’s right edge from its content boxes, and the room beside it', () => {
    const headline = columnEndingAt(862);
    const body = columnEndingAt(880);
    body.setAttribute('style', 'padding-right: 18px; border-right: 2px solid');
    document.body.append(body);
    expect(articleRight([headline, body])).toBe(862);
    body.remove();
    expect(roomBeside(862, 1280)).toBe(382);
    expect(roomBeside(1000, 1280)).toBe(0);
  });

  it('counts the site’s sidebar beside the article’s column as taken, as at 1280 and 1920 px', () => {
    /** An element with this box (left, top, width, height) in the window. */
    const laidOut = (tag: string, [x, y, width, height]: number[], style = ''): HTMLElement => {
      const element = document.createElement(tag);
      element.setAttribute('style', style);
      element.getBoundingClientRect = () => new DOMRect(x, y, width, height);
      return element;
    };
    /** The article page's layout: a centred wrapper of 1180 px, the sidebar 300 px to the right. */
    const page = (width: number) => {
      const left = (width - 1180) / 2 + 20;
      const wrapper = laidOut('div', [left - 20, 150, 1180, 3000]);
      const content = laidOut('main', [left, 150, 816, 3000]);
      const headline = laidOut('h2', [left + 24, 174, 768, 80]);
      const body = laidOut('div', [left + 24, 400, 768, 2700]);
      content.append(headline, body);
      const sidebar = laidOut('aside', [left + 840, 150, 300, 1500]);
      // Beside the column too, but taking no room: our zero-size host, a fixed button.
      const host = laidOut('div', [left + 900, 174, 0, 0], 'position: absolute');
      const toTop = laidOut('button', [width - 60, 800, 40, 40], 'position: fixed');
      // Below the column, not level with it: a footer.
      const footer = laidOut('footer', [left + 900, 3200, 300, 200]);
      wrapper.append(content, sidebar);
      document.body.append(wrapper, host, toTop, footer);
      return {
        headline,
        body,
        remove: () => [wrapper, host, toTop, footer].map((e) => e.remove()),
      };
    };
    const narrow = page(1280);
    // The sidebar's right edge (1210), not the column's text (862): no room beside at 1280 px.
    expect(articleRight([narrow.headline, narrow.body])).toBe(1210);
    expect(roomBeside(articleRight([narrow.headline, narrow.body]), 1280)).toBe(0);
    narrow.remove();
    const wide = page(1920);
    // At 1920 px the window has room right of the sidebar.
    expect(articleRight([wide.headline, wide.body])).toBe(1530);
    expect(roomBeside(1530, 1920)).toBe(354);
    wide.remove();
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
