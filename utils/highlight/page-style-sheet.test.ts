import { afterEach, describe, expect, it } from 'vitest';
import { createPageStyleSheet } from './page-style-sheet';

afterEach(() => {
  document.adoptedStyleSheets.splice(0);
  for (const style of document.querySelectorAll('style')) style.remove();
});

describe('page style sheet', () => {
  it('adopts one sheet beside the page’s own, once, and takes only it off', () => {
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets.push(theirs);
    const sheet = createPageStyleSheet(document, 'p { color: red; }');
    expect(sheet.attached).toBe(false);
    sheet.attach();
    sheet.attach();
    expect(sheet.attached).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    sheet.detach();
    expect(sheet.attached).toBe(false);
    expect(document.adoptedStyleSheets).toEqual([theirs]);
  });

  it('falls back to one style element where adopting fails, and removes it', () => {
    const view = document.defaultView as unknown as { CSSStyleSheet: unknown };
    const saved = view.CSSStyleSheet;
    view.CSSStyleSheet = class {
      replaceSync(): void {
        throw new Error('refused in this compartment');
      }
    };
    try {
      const sheet = createPageStyleSheet(document, 'p { color: red; }');
      sheet.attach();
      const styles = document.querySelectorAll('style');
      expect(styles).toHaveLength(1);
      expect(styles[0]?.textContent).toBe('p { color: red; }');
      expect(sheet.attached).toBe(true);
      sheet.detach();
      expect(document.querySelectorAll('style')).toHaveLength(0);
      expect(sheet.attached).toBe(false);
    } finally {
      view.CSSStyleSheet = saved;
    }
  });
});
