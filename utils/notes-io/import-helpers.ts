/** Small helpers of the notes-file reader: safe reads of parsed JSON, and words for messages. */
import * as v from 'valibot';
import { type MessageKey, t } from '../i18n';

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

/** A value of the file in a few words of the interface language, for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return t('import_value_nothing');
  if (Array.isArray(value)) return t('import_value_list');
  if (typeof value === 'object') return t('import_value_object');
  if (typeof value === 'string') return t('import_value_text', [clip(value, 40)]);
  const written = clip(String(value), 40);
  if (typeof value === 'number') return t('import_value_number', [written]);
  if (typeof value === 'boolean') return t('import_value_boolean', [written]);
  return t('import_value_unknown', [written]);
}

/**
 * What a field's check says when it fails, as the message given to valibot: a key whose message
 * names the field (and, for a length, the limit, which valibot keeps as the issue's requirement).
 */
export const FIELD_PROBLEMS = {
  text: 'import_field_text',
  object: 'import_field_object',
  empty: 'import_field_empty',
  tooLong: 'import_field_too_long',
  dateTime: 'import_field_date_time',
  notRealDate: 'import_field_not_real_date',
} as const satisfies Record<string, MessageKey>;

type FieldProblem = (typeof FIELD_PROBLEMS)[keyof typeof FIELD_PROBLEMS];

const FIELD_PROBLEM_KEYS: readonly string[] = Object.values(FIELD_PROBLEMS);

function isFieldProblem(message: string): message is FieldProblem {
  return FIELD_PROBLEM_KEYS.includes(message);
}

/** A valibot issue as a short clause with its field, in the interface language. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const field = v.getDotPath(issue);
  if (!field) return t('import_item_invalid');
  const { message } = issue;
  if (!isFieldProblem(message)) return t('import_field_invalid', [field]);
  if (message === FIELD_PROBLEMS.tooLong) {
    return t(message, [field, typeof issue.requirement === 'number' ? issue.requirement : '?']);
  }
  return t(message, [field]);
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
