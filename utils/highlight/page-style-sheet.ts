/**
 * A style sheet that can be put on a page and taken off again, leaving the page's own sheets
 * exactly where they were: an adopted sheet where the realm allows it, else one `<style>` element.
 */

/** A style sheet that can be put on and taken off the page. */
export interface PageStyleSheet {
  attach(): void;
  detach(): void;
  /** Whether the sheet is on the page now. */
  readonly attached: boolean;
}

/** Creates the sheet for `doc` with `cssText`; nothing is added until `attach`. */
export function createPageStyleSheet(doc: Document, cssText: string): PageStyleSheet {
  let adopted: CSSStyleSheet | null = null;
  let element: HTMLStyleElement | null = null;

  function attachAdopted(): boolean {
    const SheetConstructor = doc.defaultView?.CSSStyleSheet;
    if (!SheetConstructor || !Array.isArray(doc.adoptedStyleSheets)) return false;
    try {
      const sheet = new SheetConstructor();
      sheet.replaceSync(cssText);
      // push, not reassignment: another script's sheets stay exactly where they are.
      doc.adoptedStyleSheets.push(sheet);
      if (!doc.adoptedStyleSheets.includes(sheet)) return false;
      adopted = sheet;
      return true;
    } catch {
      // Firefox content scripts may refuse sheets made in their own compartment.
      return false;
    }
  }

  return {
    get attached() {
      return adopted !== null || element !== null;
    },
    attach() {
      if (adopted || element) return;
      if (attachAdopted()) return;
      element = doc.createElement('style');
      element.textContent = cssText;
      (doc.head ?? doc.documentElement).append(element);
    },
    detach() {
      if (adopted) {
        const index = doc.adoptedStyleSheets.indexOf(adopted);
        if (index >= 0) doc.adoptedStyleSheets.splice(index, 1);
        adopted = null;
      }
      element?.remove();
      element = null;
    },
  };
}
