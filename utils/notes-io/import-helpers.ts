/** Small helpers of the notes-file reader: safe reads of parsed JSON, and words for messages. */
import * as v from 'valibot';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property of parsed JSON, never one inherited from Object.prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The `type` of a JSON-LD node, which may be one string or several. */
export function typesOf(record: Record<string, unknown>): string[] {
  const type = own(record, 'type') ?? own(record, '@type');
  if (typeof type === 'string') return [type];
  if (Array.isArray(type))
    return type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/** A value of the file in a few words, for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${clip(value, 40)}"`;
  return `a ${typeof value} (${clip(String(value), 40)})`;
}

/** A valibot issue as a short phrase with its path. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path} ${issue.message}` : issue.message;
}

/** A short, single-line excerpt of text from the file, for messages. */
export function clip(text: string, maxLength: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}

/** An error's message, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text's size in UTF-8, the size the file had on disk. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Megabytes to one decimal, rounded up so a file just over the limit never reads as at it. */
export function formatMegabytes(bytes: number): string {
  return (Math.ceil(bytes / 100_000) / 10).toFixed(1);
}
