/**
 * The shapes shared by the benchmark driver and its sections. A section (anchoring, content
 * script paint time, popup scale…) is one module that measures something and returns tables.
 */

import type { Browser } from 'playwright-core';

/** A table: a header row and rows of cells, rendered as Markdown and printed. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

/** What a section hands back: its tables and notes, written under its own heading. */
export interface SectionReport {
  tables: Table[];
  /** Short paragraphs printed after the tables (how it was measured, what to read from it). */
  notes: string[];
}

/** What every section gets from the driver. */
export interface BenchContext {
  browser: Browser;
  /** Prints a progress line (not part of the report). */
  log: (message: string) => void;
}

/** One named benchmark section. */
export interface BenchSection {
  /** The name used on the command line and as the report's heading (e.g. "Anchoring"). */
  name: string;
  run(context: BenchContext): Promise<SectionReport>;
}
