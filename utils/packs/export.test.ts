/**
 * The ClaimReview and assessing-annotation exports, validated against their shapes: the fields
 * schema.org and Google's fact-check markup need, and the W3C Web Annotation model's.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import raw from './amlo-harris-2021.pack.json';
import {
  assessingAnnotations,
  claimReviews,
  packExportFile,
  RATING_SCALE,
  VERDICT_RATINGS,
} from './export';
import { validatePack } from './schema';
import type { ContextPack } from './types';
import { VERDICT_LABELS } from './verdicts';

const ARTICLE_URL =
  'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/0000000';

function bundled(): ContextPack {
  const result = validatePack(structuredClone(raw));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/));
const httpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:/));
const organization = v.strictObject({
  '@type': v.literal('Organization'),
  name: v.pipe(v.string(), v.minLength(1)),
});

/** The shape of a ClaimReview as schema.org defines it and fact-check tools read it. */
const ClaimReviewShape = v.strictObject({
  '@context': v.literal('https://schema.org'),
  '@type': v.literal('ClaimReview'),
  claimReviewed: v.pipe(v.string(), v.minLength(1)),
  reviewBody: v.pipe(v.string(), v.minLength(1)),
  datePublished: isoDate,
  dateModified: isoDate,
  author: organization,
  reviewRating: v.strictObject({
    '@type': v.literal('Rating'),
    alternateName: v.pipe(v.string(), v.minLength(1)),
    ratingValue: v.optional(v.pipe(v.number(), v.integer())),
    worstRating: v.number(),
    bestRating: v.number(),
    ratingExplanation: v.string(),
  }),
  itemReviewed: v.strictObject({
    '@type': v.literal('Claim'),
    author: v.strictObject({ '@type': v.literal('Person'), name: v.string() }),
    datePublished: isoDate,
    appearance: v.strictObject({
      '@type': v.literal('CreativeWork'),
      url: v.optional(httpUrl),
      headline: v.string(),
      datePublished: isoDate,
      publisher: organization,
    }),
  }),
  citation: v.pipe(
    v.array(
      v.strictObject({
        '@type': v.literal('CreativeWork'),
        name: v.string(),
        headline: v.optional(v.string()),
        url: httpUrl,
        datePublished: isoDate,
        publisher: organization,
      }),
    ),
  ),
});

/** The shape of a W3C Web Annotation with a textual body and a text-quote selector. */
const AnnotationShape = v.strictObject({
  '@context': v.literal('http://www.w3.org/ns/anno.jsonld'),
  id: v.pipe(v.string(), v.regex(/^urn:counterpoint:[a-z0-9-]+:[a-z0-9-]+:\d+$/)),
  type: v.literal('Annotation'),
  motivation: v.literal('assessing'),
  created: isoDate,
  creator: v.strictObject({
    type: v.picklist(['Software', 'Organization']),
    name: v.pipe(v.string(), v.minLength(1)),
  }),
  generator: v.strictObject({ type: v.literal('Software'), name: v.literal('Counterpoint') }),
  body: v.pipe(
    v.array(
      v.strictObject({
        type: v.literal('TextualBody'),
        purpose: v.picklist(['assessing', 'describing']),
        value: v.pipe(v.string(), v.minLength(1)),
        format: v.literal('text/plain'),
        language: v.literal('en'),
      }),
    ),
    v.minLength(1),
  ),
  target: v.strictObject({
    source: v.union([
      httpUrl,
      v.pipe(v.string(), v.regex(/^urn:counterpoint:article:[a-z0-9-]+$/)),
    ]),
    selector: v.strictObject({
      type: v.literal('TextQuoteSelector'),
      exact: v.pipe(v.string(), v.minLength(1)),
      prefix: v.string(),
      suffix: v.string(),
    }),
  }),
});

/** The problems valibot finds in `value` against `shape`, as readable lines. */
function problemsOf(shape: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(shape, value);
  return result.success
    ? []
    : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

describe('claimReviews', () => {
  const pack = bundled();
  const reviews = claimReviews(pack, { articleUrl: ARTICLE_URL });

  it('gives one ClaimReview per claim, each of the right shape and serialisable', () => {
    expect(reviews).toHaveLength(pack.claims.length);
    for (const review of reviews) {
      expect(problemsOf(ClaimReviewShape, review), review.claimReviewed).toEqual([]);
      expect(JSON.parse(JSON.stringify(review))).toEqual(review);
    }
  });

  it('reviews the claim text, dated by the review date, written by Counterpoint', () => {
    pack.claims.forEach((claim, index) => {
      const review = reviews[index];
      expect(review?.claimReviewed).toBe(claim.quote.exact);
      expect(review?.datePublished).toBe(pack.lastReviewed);
      expect(review?.dateModified).toBe(pack.lastReviewed);
      expect(review?.author.name).toBe('Counterpoint');
      expect(review?.itemReviewed.appearance.url).toBe(ARTICLE_URL);
      expect(review?.itemReviewed.author.name).toBe('Lucas Leiroz de Almeida');
      expect(review?.citation.map((work) => work.url)).toEqual(claim.sources.map((s) => s.url));
    });
  });

  it('rates each verdict on the scale, with its label; opinions carry a label but no rating', () => {
    pack.claims.forEach((claim, index) => {
      const rating = reviews[index]?.reviewRating;
      expect(rating?.alternateName).toBe(VERDICT_LABELS[claim.verdict]);
      expect(rating?.bestRating).toBe(RATING_SCALE.bestRating);
      expect(rating?.worstRating).toBe(RATING_SCALE.worstRating);
      if (claim.verdict === 'opinion') expect(rating?.ratingValue).toBeUndefined();
      else {
        expect(rating?.ratingValue).toBe(VERDICT_RATINGS[claim.verdict]);
        expect(rating?.ratingValue).toBeGreaterThanOrEqual(RATING_SCALE.worstRating);
        expect(rating?.ratingValue).toBeLessThanOrEqual(RATING_SCALE.bestRating);
      }
    });
    expect(VERDICT_RATINGS.contradicted).toBe(RATING_SCALE.worstRating);
    expect(VERDICT_RATINGS.supported).toBe(RATING_SCALE.bestRating);
  });

  it('names a headline only where the source has one as published', () => {
    const headlines = reviews.flatMap((review) => review.citation).filter((work) => work.headline);
    expect(headlines.length).toBeGreaterThan(0);
    for (const work of headlines) expect(work.headline).toBe(work.name);
  });
});

describe('assessingAnnotations', () => {
  const pack = bundled();
  const annotations = assessingAnnotations(pack, { articleUrl: ARTICLE_URL });

  it('gives one assessing annotation per claim, each of the Web Annotation shape', () => {
    expect(annotations).toHaveLength(pack.claims.length);
    for (const annotation of annotations) {
      expect(problemsOf(AnnotationShape, annotation), annotation.id).toEqual([]);
    }
    expect(new Set(annotations.map((annotation) => annotation.id)).size).toBe(annotations.length);
  });

  it('targets each claim by its text-quote selector and assesses it with its verdict', () => {
    pack.claims.forEach((claim, index) => {
      const annotation = annotations[index];
      expect(annotation?.target).toEqual({
        source: ARTICLE_URL,
        selector: { type: 'TextQuoteSelector', ...claim.quote },
      });
      expect(annotation?.body.find((body) => body.purpose === 'assessing')?.value).toBe(
        VERDICT_LABELS[claim.verdict],
      );
      expect(annotation?.body.find((body) => body.purpose === 'describing')?.value).toBe(
        claim.summary,
      );
    });
  });
});

describe('a pack from another publisher, and an article whose address is not known', () => {
  const pack = { ...bundled(), publisher: 'Example Fact Desk' };

  it('credits the pack’s publisher, not Counterpoint', () => {
    const reviews = claimReviews(pack, { articleUrl: ARTICLE_URL });
    for (const review of reviews) {
      expect(problemsOf(ClaimReviewShape, review)).toEqual([]);
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Desk' });
    }
    for (const annotation of assessingAnnotations(pack, { articleUrl: ARTICLE_URL })) {
      expect(annotation.creator).toEqual({ type: 'Organization', name: 'Example Fact Desk' });
      expect(annotation.generator).toEqual({ type: 'Software', name: 'Counterpoint' });
    }
  });

  it('names no address it does not know: the annotations target the article by its id', () => {
    const [review] = claimReviews(pack, {});
    expect(problemsOf(ClaimReviewShape, review)).toEqual([]);
    expect(review?.itemReviewed.appearance).not.toHaveProperty('url');
    const [annotation] = assessingAnnotations(pack, {});
    expect(problemsOf(AnnotationShape, annotation)).toEqual([]);
    expect(annotation?.target.source).toBe(`urn:counterpoint:article:${pack.article.id}`);
  });
});

describe('packExportFile', () => {
  const pack = bundled();

  it('saves the ClaimReviews as a JSON-LD list named by article and edition', () => {
    const file = packExportFile(pack, 'claim-review', { articleUrl: ARTICLE_URL });
    expect(file.filename).toBe(
      `counterpoint-${pack.article.id}-edition-${pack.packVersion}-claimreview.jsonld`,
    );
    expect(file.mimeType).toBe('application/ld+json');
    const parsed: unknown[] = JSON.parse(file.content);
    expect(parsed).toHaveLength(pack.claims.length);
    for (const review of parsed) expect(problemsOf(ClaimReviewShape, review)).toEqual([]);
  });

  it('saves the assessing annotations as an AnnotationCollection', () => {
    const file = packExportFile(pack, 'assessing-annotations', {});
    const parsed = JSON.parse(file.content);
    expect(parsed).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: pack.claims.length,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(parsed.first.items).toHaveLength(pack.claims.length);
    for (const item of parsed.first.items) {
      expect(problemsOf(AnnotationShape, item)).toEqual([]);
      expect(item.motivation).toBe('assessing');
      expect(item.target.selector.type).toBe('TextQuoteSelector');
    }
  });
});
