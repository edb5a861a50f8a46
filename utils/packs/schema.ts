/**
 * Validation of context packs. This build writes format version 2 and still reads format 1,
 * through the explicit migration step in `format-1.ts`.
 *
 * A pack is data written by hand from research notes and shipped inside the extension (and, later,
 * possibly fetched or imported), so nothing in it is trusted: `validatePack` checks every field and
 * returns readable messages with the path of each problem instead of throwing.
 */
import * as v from 'valibot';
import { plural, t } from '../i18n';
import { Format1ContextPackSchema, migrateFormat1 } from './format-1';
import {
  ABOUT_ROLES,
  CLAIM_KINDS,
  type Exactly,
  formatPath,
  fullDateSchema,
  list,
  oneOf,
  PACK_LIMITS,
  PackArticleSchema,
  partialDateSchema,
  record,
  say,
  sentences,
  slugSchema,
  text,
  tooLong,
  uniqueIds,
  urlSchema,
} from './schema-parts';
import type {
  AboutEntry,
  Claim,
  ClaimQuote,
  ContextPack,
  Counterpoint,
  PackArticle,
  Source,
} from './types';
import { VERDICTS } from './types';

export {
  countSentences,
  countWords,
  isFullDate,
  isHttpUrl,
  isPartialDate,
  PACK_LIMITS,
} from './schema-parts';

const TITLE_KINDS = ['headline', 'description'] as const satisfies readonly Source['titleKind'][];

/** Schema of a source: where a fact was published, and when. */
export const SourceSchema = record({
  id: slugSchema,
  title: text(PACK_LIMITS.titleLength),
  titleKind: v.picklist(TITLE_KINDS, oneOf(TITLE_KINDS)),
  publisher: text(PACK_LIMITS.nameLength),
  date: partialDateSchema,
  url: urlSchema,
});

/** An object as valibot's issue paths type it. */
function asRecord(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** Adds an issue for every source whose address was already listed earlier in the same list. */
function uniqueUrls() {
  return v.rawCheck<Source[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const firstIndex = new Map<string, number>();
    dataset.value.forEach((source, index) => {
      const earlier = firstIndex.get(source.url);
      if (earlier === undefined) {
        firstIndex.set(source.url, index);
        return;
      }
      addIssue({
        message: t('packschema_duplicate_url', [`sources[${earlier}]`]),
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: source },
          {
            type: 'object',
            origin: 'value',
            input: asRecord(source),
            key: 'url',
            value: source.url,
          },
        ],
      });
    });
  });
}

const sourcesSchema = (min: number) =>
  v.pipe(
    list(SourceSchema, min, PACK_LIMITS.maxSources, 'sources'),
    uniqueIds<Source>('sources'),
    uniqueUrls(),
  );

/** Schema of a counterpoint: a correction or other side, citing at least one of the claim's sources. */
export const CounterpointSchema = record({
  text: text(PACK_LIMITS.paragraphLength),
  sources: list(slugSchema, 1, PACK_LIMITS.maxSources, 'sources'),
});

/** Schema of a claim's quote. Prefix and suffix keep their spaces: they are article text. */
export const ClaimQuoteSchema = record({
  exact: text(PACK_LIMITS.quoteLength),
  prefix: v.pipe(
    v.string(say('packschema_string')),
    v.maxLength(PACK_LIMITS.affixLength, tooLong(PACK_LIMITS.affixLength)),
  ),
  suffix: v.pipe(
    v.string(say('packschema_string')),
    v.maxLength(PACK_LIMITS.affixLength, tooLong(PACK_LIMITS.affixLength)),
  ),
});

/** Adds an issue for every counterpoint source id that names no source of the claim. */
function counterpointSourcesExist() {
  return v.rawCheck<Claim>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const claim = dataset.value;
    const known = new Set(claim.sources.map((source) => source.id));
    claim.counterpoints.forEach((counterpoint, index) => {
      counterpoint.sources.forEach((id, position) => {
        if (known.has(id)) return;
        addIssue({
          message: t('packschema_unknown_source', [id]),
          path: [
            {
              type: 'object',
              origin: 'value',
              input: asRecord(claim),
              key: 'counterpoints',
              value: claim.counterpoints,
            },
            {
              type: 'array',
              origin: 'value',
              input: claim.counterpoints,
              key: index,
              value: counterpoint,
            },
            {
              type: 'object',
              origin: 'value',
              input: asRecord(counterpoint),
              key: 'sources',
              value: counterpoint.sources,
            },
            {
              type: 'array',
              origin: 'value',
              input: counterpoint.sources,
              key: position,
              value: id,
            },
          ],
        });
      });
    });
  });
}

/** Schema of one claim, with the rules that tie its fields together. */
export const ClaimSchema = v.pipe(
  record({
    id: slugSchema,
    quote: ClaimQuoteSchema,
    kind: v.picklist(CLAIM_KINDS, oneOf(CLAIM_KINDS)),
    verdict: v.picklist(VERDICTS, oneOf(VERDICTS)),
    summary: sentences(
      PACK_LIMITS.maxSummarySentences,
      PACK_LIMITS.maxSummarySentences,
      PACK_LIMITS.sentenceLength,
    ),
    context: sentences(
      PACK_LIMITS.minContextSentences,
      PACK_LIMITS.maxContextSentences,
      PACK_LIMITS.paragraphLength,
    ),
    counterpoints: list(
      CounterpointSchema,
      PACK_LIMITS.minCounterpoints,
      PACK_LIMITS.maxCounterpoints,
      'counterpoints',
    ),
    sources: sourcesSchema(0),
  }),
  // A verdict on facts is only as good as its sources; opinion is labelled, not judged.
  v.forward(
    v.partialCheck(
      [['verdict'], ['sources']],
      (claim) =>
        claim.verdict === 'opinion' ||
        claim.sources.length >= PACK_LIMITS.minSourcesForFactualVerdict,
      () => t('packschema_factual_sources', [PACK_LIMITS.minSourcesForFactualVerdict]),
    ),
    ['sources'],
  ),
  // An opinion cannot be supported or refuted, and a verdict of opinion on a statement of fact
  // would dodge the check; predictions may be either.
  v.forward(
    v.partialCheck(
      [['kind'], ['verdict']],
      (claim) =>
        (claim.kind === 'opinion') === (claim.verdict === 'opinion') || claim.kind === 'prediction',
      say('packschema_opinion_kind'),
    ),
    ['verdict'],
  ),
  counterpointSourcesExist(),
);

/** Schema of an "about this source" entry. */
export const AboutEntrySchema = record({
  id: slugSchema,
  name: text(PACK_LIMITS.nameLength),
  role: v.picklist(ABOUT_ROLES, oneOf(ABOUT_ROLES)),
  summary: sentences(1, 1, PACK_LIMITS.sentenceLength),
  details: list(text(PACK_LIMITS.paragraphLength), 0, PACK_LIMITS.maxListItems, 'details'),
  unverified: list(text(PACK_LIMITS.paragraphLength), 0, PACK_LIMITS.maxListItems, 'items'),
  sources: sourcesSchema(0),
});

/** Schema of a whole context pack, format version 2. */
export const ContextPackSchema = record({
  format: v.literal('counterpoint-context-pack', say('packschema_format_name')),
  formatVersion: v.literal(2, say('packschema_format_versions')),
  packVersion: v.pipe(
    v.number(say('packschema_number')),
    v.safeInteger(say('packschema_whole_number')),
    v.minValue(1, say('packschema_positive')),
  ),
  lastReviewed: fullDateSchema,
  publisher: v.optional(text(PACK_LIMITS.nameLength)),
  article: PackArticleSchema,
  about: v.pipe(
    list(AboutEntrySchema, 0, PACK_LIMITS.maxAboutEntries, 'entries'),
    uniqueIds<AboutEntry>('about'),
  ),
  claims: v.pipe(
    list(ClaimSchema, PACK_LIMITS.minClaims, PACK_LIMITS.maxClaims, 'claims'),
    uniqueIds<Claim>('claims'),
  ),
});

// The schema's output must be exactly the contract in types.ts, both ways, so that neither can
// drift without the type check failing here.
const schemaOutputIsContextPack: Exactly<
  v.InferOutput<typeof ContextPackSchema>,
  ContextPack
> = true;
const sourceOutputIsSource: Exactly<v.InferOutput<typeof SourceSchema>, Source> = true;
const counterpointOutputIsCounterpoint: Exactly<
  v.InferOutput<typeof CounterpointSchema>,
  Counterpoint
> = true;
const quoteOutputIsClaimQuote: Exactly<v.InferOutput<typeof ClaimQuoteSchema>, ClaimQuote> = true;
const claimOutputIsClaim: Exactly<v.InferOutput<typeof ClaimSchema>, Claim> = true;
const aboutOutputIsAboutEntry: Exactly<v.InferOutput<typeof AboutEntrySchema>, AboutEntry> = true;
const articleOutputIsPackArticle: Exactly<
  v.InferOutput<typeof PackArticleSchema>,
  PackArticle
> = true;
void [
  schemaOutputIsContextPack,
  sourceOutputIsSource,
  counterpointOutputIsCounterpoint,
  quoteOutputIsClaimQuote,
  claimOutputIsClaim,
  aboutOutputIsAboutEntry,
  articleOutputIsPackArticle,
];

/** The result of `validatePack`: the typed pack, or every problem found, one message each. */
export type PackValidationResult =
  | { ok: true; pack: ContextPack }
  | { ok: false; errors: string[] };

/** At most this many messages are returned; past that, one more line says how many were left out. */
const MAX_ERRORS = 50;

/** The messages of a failed parse, deduplicated and capped. */
function messagesOf(issues: readonly v.BaseIssue<unknown>[], migrated = false): string[] {
  const errors = issues.map((issue) => {
    const line = t('packschema_line', [formatPath(issue.path), issue.message]);
    return migrated ? t('packschema_after_migration', [line]) : line;
  });
  const unique = [...new Set(errors)];
  if (unique.length <= MAX_ERRORS) return unique;
  const left = unique.length - MAX_ERRORS;
  return [...unique.slice(0, MAX_ERRORS), plural('packschema_more_problems', left)];
}

/** Whether `input` says it is written in format version 1. */
function isFormat1(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { formatVersion?: unknown }).formatVersion === 1
  );
}

/**
 * Checks that `input` is a valid context pack of format version 2, or of format version 1, which
 * is validated by format 1's rules, migrated, and then checked again as format 2.
 * Never throws: any failure, even an exotic input, comes back as `{ ok: false, errors }`.
 */
export function validatePack(input: unknown): PackValidationResult {
  try {
    if (isFormat1(input)) {
      const old = v.safeParse(Format1ContextPackSchema, input);
      if (!old.success) return { ok: false, errors: messagesOf(old.issues) };
      const migrated = v.safeParse(ContextPackSchema, migrateFormat1(old.output));
      if (migrated.success) return { ok: true, pack: migrated.output };
      return { ok: false, errors: messagesOf(migrated.issues, true) };
    }
    const result = v.safeParse(ContextPackSchema, input);
    if (result.success) return { ok: true, pack: result.output };
    return { ok: false, errors: messagesOf(result.issues) };
  } catch (error) {
    // A throwing getter or a proxy can make reading the input itself fail.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [t('packschema_unreadable', [reason])] };
  }
}
