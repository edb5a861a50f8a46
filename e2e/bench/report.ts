/**
 * Rendering benchmark results: Markdown tables for the terminal and for docs/benchmarks.md,
 * where each section owns the part under its own `## Name` heading and leaves the rest alone.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { SectionReport, Table } from './section';

/** Renders one table as GitHub Markdown. */
export function renderTable(table: Table): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `**${table.title}**`,
    '',
    line(table.header),
    line(table.header.map(() => '---')),
    ...table.rows.map(line),
  ].join('\n');
}

/** The machine a run happened on, as one Markdown list. */
export function describeMachine(chromiumVersion: string, date = new Date()): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return [
    `- Date: ${date.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- CPU: ${model}, ${processors.length} cores`,
    `- Memory: ${memory}`,
    `- Browser: Chromium ${chromiumVersion}, headless`,
    `- Node: ${process.version}`,
  ].join('\n');
}

/** Renders a section's report under its heading. */
export function renderSection(name: string, machine: string, report: SectionReport): string {
  return [
    `## ${name}`,
    '',
    machine,
    '',
    ...report.tables.flatMap((table) => [renderTable(table), '']),
    ...report.notes.flatMap((note) => [note, '']),
  ].join('\n');
}

const FILE_HEADER = `# Benchmarks

Written by \`npm run bench\` (\`e2e/bench/run.ts\`); each section is replaced by its latest run.
The machine is shared and noisy: read timings as ratios within one run, not as absolutes.
`;

/** Replaces (or appends) the `## name` section of a Markdown file, keeping every other section. */
export function writeSection(path: string, name: string, content: string): void {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : FILE_HEADER;
  const lines = existing.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${name}`);
  let output: string[];
  if (start === -1) {
    output = [...lines, '', ...content.trimEnd().split('\n')];
  } else {
    let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
    if (end === -1) end = lines.length;
    output = [...lines.slice(0, start), ...content.trimEnd().split('\n'), '', ...lines.slice(end)];
  }
  writeFileSync(
    path,
    `${output
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
  );
}
