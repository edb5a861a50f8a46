/**
 * What a reader does on the article in the shared browser suites, over the browser-neutral
 * driver: drag across a passage, click a highlighted passage, wait for the caret in the editor.
 */
import type { ArticleTab } from '../harness/driver';
import { passageClickPoint, selectWithMouse } from '../harness/selection';
import { waitUntil } from '../harness/wait';

/** Drags the mouse across a passage, selecting it. */
export function selectPassage(tab: ArticleTab, passage: string) {
  return selectWithMouse(
    {
      evaluate: tab.evaluate as never,
      mouse: {
        move: (x, y, options) => tab.mouse.move(x, y, options?.steps),
        down: () => tab.mouse.down(),
        up: () => tab.mouse.up(),
      },
    },
    passage,
  );
}

/** Clicks the start of a passage's first line, as a reader clicks a highlight. */
export async function clickPassage(tab: ArticleTab, passage: string): Promise<void> {
  const point = await tab.evaluate(passageClickPoint, passage);
  await tab.mouse.click(point.x, point.y);
}

/** Waits for the note editor to show with the caret in its text box, as a reader would. */
export async function waitForEditorFocus(tab: ArticleTab, name = 'Add note'): Promise<void> {
  await tab.popover.waitFor(name);
  await waitUntil(
    () => tab.popover.focus(),
    (focus) => focus?.tag === 'textarea',
    { what: 'the caret in the note field' },
  );
}
