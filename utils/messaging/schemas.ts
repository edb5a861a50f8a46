/**
 * Validation of every request the background accepts. Anything that does not match is refused
 * before it reaches the store; sizes are bounded so a hostile sender cannot bloat storage.
 */
import * as v from 'valibot';
import { MAX_PACK_FILE_BYTES } from '../packs/pack-file';
import { noteBodySchema, noteTagsSchema } from '../store/note-rules';
import { NOTE_MAX_LENGTH } from '../store/types';
import { MAX_ARTICLE_TEXT } from './protocol';

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a short id'));

/** A pack's article id: a slug, as the pack format requires. */
const packArticleKey = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a pack article id'),
  v.maxLength(100),
);

/** Who wrote a change, in the change feed: `tab:<id>` for a tab, a random id for an extension page. */
export const writerSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be a short writer id'),
);

/** What happened to the notes a change names. */
export const changeKindSchema = v.picklist(['created', 'updated', 'deleted', 'imported']);

/** The most note ids one change record names; a larger import names its articles only. */
export const MAX_CHANGED_IDS = 1000;

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
  'page.claims': v.strictObject({}),
  'page.status': v.strictObject({
    claimsAnchored: v.pipe(v.number(), v.integer(), v.minValue(0)),
    orphanedClaimIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1000)),
    notesAnchored: v.pipe(v.number(), v.integer(), v.minValue(0)),
    notesShown: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    orphanedNoteIds: v.pipe(v.array(id), v.maxLength(100_000)),
    paintMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3_600_000))),
  }),
  // The first page (no field), the page after a cursor (a note id), or the notes a change names.
  'page.notesPage': v.union([
    v.strictObject({ after: v.optional(id) }),
    v.strictObject({ ids: v.pipe(v.array(id), v.minLength(1), v.maxLength(MAX_CHANGED_IDS)) }),
  ]),
  'panel.notes': v.strictObject({}),
  'note.create': v.strictObject({
    id,
    target: targetSchema,
    body,
    tags,
    claimId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  // An extension page names itself (`writer`) so that it can skip its own change's echo; the
  // background ignores the field from a tab, whose writer id it knows.
  'note.update': v.strictObject({ id, body, tags, writer: v.optional(writerSchema) }),
  'note.delete': v.strictObject({ id, writer: v.optional(writerSchema) }),
  'note.restore': v.strictObject({ id, writer: v.optional(writerSchema) }),
  'page.shown': v.union([
    v.strictObject({
      kind: v.picklist(['claim', 'note']),
      id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    }),
    v.strictObject({ kind: v.literal('none') }),
  ]),
  'ui.load': v.strictObject({ bundle: v.optional(v.picklist(['overlay', 'extras'])) }),
  'help.open': v.strictObject({}),
  'notes.deleteAll': v.strictObject({}),
  'notes.restoreAll': v.strictObject({ deletedAt: v.pipe(v.string(), v.isoTimestamp()) }),
  'notes.changed': v.strictObject({
    articleKeys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(100_000)),
    /** The notes written, when there are few enough to name; else every note of the articles. */
    noteIds: v.optional(v.pipe(v.array(id), v.maxLength(MAX_CHANGED_IDS))),
    kind: v.optional(changeKindSchema),
    writer: v.optional(writerSchema),
  }),
  'packs.load': v.strictObject({
    fileName: v.pipe(v.string(), v.maxLength(1000)),
    // A file of at most MAX_PACK_FILE_BYTES bytes has at most as many characters.
    text: v.pipe(v.string(), v.maxLength(MAX_PACK_FILE_BYTES, 'the file is too large')),
    replaces: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  }),
  'packs.remove': v.strictObject({ articleKey: packArticleKey }),
  'packs.turnOff': v.strictObject({ articleKey: packArticleKey, off: v.boolean() }),
} satisfies Record<string, v.GenericSchema>;

/** What the background (or the popup) may tell a tab's content script. */
export const tabMessageSchema = v.variant('type', [
  v.object({ type: v.literal('show-claim'), claimId: v.string() }),
  v.object({ type: v.literal('show-note'), noteId: v.string() }),
  v.object({ type: v.literal('add-note-from-selection') }),
  // The toggle command ran: say what it did, with the keys the browser bound to it.
  v.object({
    type: v.literal('highlights-toggled'),
    shown: v.boolean(),
    shortcut: v.string(),
  }),
  v.object({ type: v.literal('status-request') }),
]);

/** The request envelope: a known type and a payload. */
export const envelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(requestSchemas) as (keyof typeof requestSchemas)[]),
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
