/**
 * Format version 1 of context packs: its shapes, its schema, and the one migration step that turns
 * a valid format-1 pack into a format-2 pack.
 *
 * Format 1 repeated a counterpoint's sources in full, had no `contradicted` verdict, and did not say
 * whether a source's title was its headline. The migration lists each address once per claim (the
 * claim's own sources first, then those only counterpoints cited), gives every source an id the
 * counterpoints point to, and calls every title a description, since format 1 never promised a
 * headline as published. Verdicts carry over unchanged: every format-1 verdict exists in format 2.
 */
import * as v from 'valibot';
import { t } from '../i18n';
import {
  ABOUT_ROLES,
  CLAIM_KINDS,
  type Exactly,
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
  ClaimKind,
  ClaimQuote,
  ContextPack,
  PackArticle,
  Source,
} from './types';

/** The verdicts of format 1. */
export type Format1Verdict =
  | 'supported'
  | 'partly-supported'
  | 'misleading'
  | 'unsupported'
  | 'opinion';

const FORMAT_1_VERDICTS = [
  'supported',
  'partly-supported',
  'misleading',
  'unsupported',
  'opinion',
] as const satisfies readonly Format1Verdict[];

/** A source in format 1: no id, no title kind. */
export interface Format1Source {
  title: string;
  publisher: string;
  date: string;
  url: string;
}

/** A counterpoint in format 1, with its sources written out in full. */
export interface Format1Counterpoint {
  text: string;
  sources: Format1Source[];
}

/** A claim in format 1. */
export interface Format1Claim {
  id: string;
  quote: ClaimQuote;
  kind: ClaimKind;
  verdict: Format1Verdict;
  summary: string;
  context: string;
  counterpoints: Format1Counterpoint[];
  sources: Format1Source[];
}

/** An about entry in format 1. */
export interface Format1AboutEntry {
  id: string;
  name: string;
  role: AboutEntry['role'];
  summary: string;
  details: string[];
  unverified: string[];
  sources: Format1Source[];
}

/** A whole pack in format 1. */
export interface Format1ContextPack {
  format: 'counterpoint-context-pack';
  formatVersion: 1;
  packVersion: number;
  lastReviewed: string;
  article: PackArticle;
  about: Format1AboutEntry[];
  claims: Format1Claim[];
}

const Format1SourceSchema = record({
  title: text(PACK_LIMITS.titleLength),
  publisher: text(PACK_LIMITS.nameLength),
  date: partialDateSchema,
  url: urlSchema,
});

const format1Sources = (min: number) =>
  list(Format1SourceSchema, min, PACK_LIMITS.maxSources, 'sources');

const Format1ClaimSchema = v.pipe(
  record({
    id: slugSchema,
    quote: record({
      exact: text(PACK_LIMITS.quoteLength),
      prefix: v.pipe(
        v.string(say('packschema_string')),
        v.maxLength(PACK_LIMITS.affixLength, tooLong(PACK_LIMITS.affixLength)),
      ),
      suffix: v.pipe(
        v.string(say('packschema_string')),
        v.maxLength(PACK_LIMITS.affixLength, tooLong(PACK_LIMITS.affixLength)),
      ),
    }),
    kind: v.picklist(CLAIM_KINDS, oneOf(CLAIM_KINDS)),
    verdict: v.picklist(FORMAT_1_VERDICTS, oneOf(FORMAT_1_VERDICTS)),
    summary: sentences(1, 1, PACK_LIMITS.sentenceLength),
    context: sentences(
      PACK_LIMITS.minContextSentences,
      PACK_LIMITS.maxContextSentences,
      PACK_LIMITS.paragraphLength,
    ),
    counterpoints: list(
      record({ text: text(PACK_LIMITS.paragraphLength), sources: format1Sources(1) }),
      PACK_LIMITS.minCounterpoints,
      PACK_LIMITS.maxCounterpoints,
      'counterpoints',
    ),
    sources: format1Sources(0),
  }),
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
);

/** Schema of a whole format-1 pack, as format 1 defined it. */
export const Format1ContextPackSchema = record({
  format: v.literal('counterpoint-context-pack', say('packschema_format_name')),
  formatVersion: v.literal(1, say('packschema_format_1')),
  packVersion: v.pipe(
    v.number(say('packschema_number')),
    v.safeInteger(say('packschema_whole_number')),
    v.minValue(1, say('packschema_positive')),
  ),
  lastReviewed: fullDateSchema,
  article: PackArticleSchema,
  about: v.pipe(
    list(
      record({
        id: slugSchema,
        name: text(PACK_LIMITS.nameLength),
        role: v.picklist(ABOUT_ROLES, oneOf(ABOUT_ROLES)),
        summary: sentences(1, 1, PACK_LIMITS.sentenceLength),
        details: list(text(PACK_LIMITS.paragraphLength), 0, PACK_LIMITS.maxListItems, 'details'),
        unverified: list(text(PACK_LIMITS.paragraphLength), 0, PACK_LIMITS.maxListItems, 'items'),
        sources: format1Sources(0),
      }),
      0,
      PACK_LIMITS.maxAboutEntries,
      'entries',
    ),
    uniqueIds<Format1AboutEntry>('about'),
  ),
  claims: v.pipe(
    list(Format1ClaimSchema, PACK_LIMITS.minClaims, PACK_LIMITS.maxClaims, 'claims'),
    uniqueIds<Format1Claim>('claims'),
  ),
});

const format1OutputIsFormat1Pack: Exactly<
  v.InferOutput<typeof Format1ContextPackSchema>,
  Format1ContextPack
> = true;
void format1OutputIsFormat1Pack;

/** Gives each distinct address an id, in first-seen order; later copies of an address are dropped. */
function numberSources(sources: readonly Format1Source[]): {
  listed: Source[];
  idOf: Map<string, string>;
} {
  const listed: Source[] = [];
  const idOf = new Map<string, string>();
  for (const source of sources) {
    if (idOf.has(source.url)) continue;
    const id = `source-${listed.length + 1}`;
    idOf.set(source.url, id);
    listed.push({
      id,
      title: source.title,
      titleKind: 'description',
      publisher: source.publisher,
      date: source.date,
      url: source.url,
    });
  }
  return { listed, idOf };
}

/** One format-1 claim in format 2: sources listed once, counterpoints pointing at them. */
function migrateClaim(claim: Format1Claim): Claim {
  const { listed, idOf } = numberSources([
    ...claim.sources,
    ...claim.counterpoints.flatMap((counterpoint) => counterpoint.sources),
  ]);
  return {
    id: claim.id,
    quote: { ...claim.quote },
    kind: claim.kind,
    verdict: claim.verdict,
    summary: claim.summary,
    context: claim.context,
    counterpoints: claim.counterpoints.map((counterpoint) => ({
      text: counterpoint.text,
      sources: [
        ...new Set(
          // Every counterpoint address was numbered above, so the lookup always finds an id.
          counterpoint.sources.map((source) => idOf.get(source.url) ?? ''),
        ),
      ],
    })),
    sources: listed,
  };
}

/**
 * The migration step from format 1 to format 2. Pure: the input is not changed. `validatePack`
 * checks the result against the format-2 schema before anything may use it.
 */
export function migrateFormat1(pack: Format1ContextPack): ContextPack {
  return {
    format: pack.format,
    formatVersion: 2,
    packVersion: pack.packVersion,
    lastReviewed: pack.lastReviewed,
    article: structuredClone(pack.article),
    about: pack.about.map((entry) => ({
      ...entry,
      details: [...entry.details],
      unverified: [...entry.unverified],
      sources: numberSources(entry.sources).listed,
    })),
    claims: pack.claims.map(migrateClaim),
  };
}
