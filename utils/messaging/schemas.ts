/**
 * Validation of every request the background accepts. Anything that does not match is refused
 * before it reaches the store; sizes are bounded so a hostile sender cannot bloat storage.
 */
import * as v from 'valibot';
import { noteBodySchema, noteTagsSchema } from '../store/note-rules';
import { NOTE_MAX_LENGTH } from '../store/types';
import { MAX_ARTICLE_TEXT, type MessageType } from './protocol';

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a short id'));

const quoteText = v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH));

/** A W3C TextQuoteSelector as the anchoring engine writes it. */
export const textQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(quoteText, v.minLength(1, 'the quote is empty')),
  prefix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  suffix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});

/** A W3C TextPositionSelector. */
export const textPositionSelectorSchema = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((s) => s.end >= s.start, 'end comes before start'),
);

/** A note's target: a quote selector is required, a position selector is optional. */
export const targetSchema = v.pipe(
  v.strictObject({
    selectors: v.pipe(
      v.array(v.variant('type', [textQuoteSelectorSchema, textPositionSelectorSchema])),
      v.minLength(1),
      v.maxLength(2),
    ),
  }),
  v.check(
    (target) => target.selectors.some((s) => s.type === 'TextQuoteSelector'),
    'a note needs the quoted passage',
  ),
);

// One rule set for a note's text: the same checks and messages as the editor and the import.
const body = noteBodySchema;
const tags = noteTagsSchema;

/** The schema of each request, by message type. */
export const requestSchemas = {
  'page.opened': v.strictObject({
    headline: v.pipe(v.string(), v.maxLength(1000)),
    text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_TEXT)),
  }),
  'page.status': v.strictObject({
    claimsAnchored: v.pipe(v.number(), v.integer(), v.minValue(0)),
    orphanedClaimIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1000)),
    notesAnchored: v.pipe(v.number(), v.integer(), v.minValue(0)),
    notesShown: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    orphanedNoteIds: v.pipe(v.array(id), v.maxLength(100_000)),
    paintMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3_600_000))),
  }),
  'page.notes': v.strictObject({}),
  'panel.notes': v.strictObject({}),
  'note.create': v.strictObject({
    id,
    target: targetSchema,
    body,
    tags,
    claimId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  'note.update': v.strictObject({ id, body, tags }),
  'note.delete': v.strictObject({ id }),
  'note.restore': v.strictObject({ id }),
  'ui.load': v.strictObject({}),
  'help.open': v.strictObject({}),
  'notes.deleteAll': v.strictObject({}),
  'notes.restoreAll': v.strictObject({ deletedAt: v.pipe(v.string(), v.isoTimestamp()) }),
  'notes.changed': v.strictObject({
    articleKeys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(100_000)),
  }),
} satisfies Record<MessageType, v.GenericSchema>;

/** The request envelope: a known type and a payload. */
export const envelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(requestSchemas) as MessageType[]),
  payload: v.unknown(),
});

/** Formats valibot issues as one readable sentence. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
