/** Types for the one function the benchmark uses from dom-anchor-text-quote (it ships none). */
declare module 'dom-anchor-text-quote' {
  /** The package's quote shape: exact text with optional context. */
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  /** Finds a quote under `root`; `hint` is the expected textContent offset. */
  export function toRange(
    root: Node,
    selector: TextQuote,
    options?: { hint?: number },
  ): Range | null;
}
