/**
 * The pack's verdicts in two open formats, so fact-check tools and annotation tools can read them:
 * schema.org `ClaimReview` (JSON-LD), one per claim, and W3C Web Annotations with the motivation
 * `assessing`, anchored by their text-quote selectors. Pure functions of the pack.
 *
 * The article's address on Global Research is not known for certain (its numeric id was never
 * verified), so callers pass the address where the reader found the article.
 */
import type { Claim, ContextPack, Source, Verdict } from './types';
import { VERDICT_LABELS, VERDICT_TABLE } from './verdicts';

/** Who wrote the reviews. */
const COUNTERPOINT = { '@type': 'Organization', name: 'Counterpoint' } as const;

/** The rating scale: 1 (the record contradicts it) to 5 (supported). Opinions are not rated. */
export const RATING_SCALE = { worstRating: 1, bestRating: 5 } as const;

/** A verdict's place on the rating scale, or null for opinion, which is labelled, not rated. */
export const VERDICT_RATINGS: Readonly<Record<Verdict, number | null>> = {
  supported: 5,
  'partly-supported': 4,
  unsupported: 3,
  misleading: 2,
  contradicted: 1,
  opinion: null,
};

/** A source as a schema.org CreativeWork. */
export interface CitedWork {
  '@type': 'CreativeWork';
  /** The headline as published, or the pack's plain description of the page. */
  name: string;
  headline?: string;
  url: string;
  datePublished: string;
  publisher: { '@type': 'Organization'; name: string };
}

/** One schema.org ClaimReview. */
export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  reviewBody: string;
  datePublished: string;
  dateModified: string;
  author: typeof COUNTERPOINT;
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    ratingValue?: number;
    worstRating: number;
    bestRating: number;
    ratingExplanation: string;
  };
  itemReviewed: {
    '@type': 'Claim';
    author: { '@type': 'Person'; name: string };
    datePublished: string;
    appearance: {
      '@type': 'CreativeWork';
      url: string;
      headline: string;
      datePublished: string;
      publisher: { '@type': 'Organization'; name: string };
    };
  };
  citation: CitedWork[];
}

/** Where the article was read, for the reviews' `appearance` and the annotations' `source`. */
export interface ExportOptions {
  /** The article's address as the reader found it (http or https). */
  articleUrl: string;
}

function citedWork(source: Source): CitedWork {
  return {
    '@type': 'CreativeWork',
    name: source.title,
    ...(source.titleKind === 'headline' ? { headline: source.title } : {}),
    url: source.url,
    datePublished: source.date,
    publisher: { '@type': 'Organization', name: source.publisher },
  };
}

/** One ClaimReview per claim of the pack, dated by the pack's review date. */
export function claimReviews(pack: ContextPack, options: ExportOptions): ClaimReviewJsonLd[] {
  const { article } = pack;
  return pack.claims.map((claim) => {
    const rating = VERDICT_RATINGS[claim.verdict];
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.quote.exact,
      reviewBody: claim.summary,
      datePublished: pack.lastReviewed,
      dateModified: pack.lastReviewed,
      author: COUNTERPOINT,
      reviewRating: {
        '@type': 'Rating',
        alternateName: VERDICT_LABELS[claim.verdict],
        ...(rating === null ? {} : { ratingValue: rating }),
        ...RATING_SCALE,
        ratingExplanation: VERDICT_TABLE[claim.verdict].definition,
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: article.author },
        datePublished: article.published,
        appearance: {
          '@type': 'CreativeWork',
          url: options.articleUrl,
          headline: article.title,
          datePublished: article.published,
          publisher: { '@type': 'Organization', name: article.publisher },
        },
      },
      citation: claim.sources.map(citedWork),
    };
  });
}

/** One W3C Web Annotation that assesses a claim. */
export interface AssessingAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  creator: { type: 'Software'; name: 'Counterpoint' };
  body: {
    type: 'TextualBody';
    purpose: 'assessing' | 'describing';
    value: string;
    format: 'text/plain';
    language: 'en';
  }[];
  target: {
    source: string;
    selector: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  };
}

/** A stable id for a claim's annotation: the pack's article id, the claim id and the edition. */
function annotationId(pack: ContextPack, claim: Claim): string {
  return `urn:counterpoint:${pack.article.id}:${claim.id}:${pack.packVersion}`;
}

/** One assessing annotation per claim: the verdict and the summary, on the claim's quote. */
export function assessingAnnotations(
  pack: ContextPack,
  options: ExportOptions,
): AssessingAnnotation[] {
  return pack.claims.map((claim) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: annotationId(pack, claim),
    type: 'Annotation',
    motivation: 'assessing',
    created: pack.lastReviewed,
    creator: { type: 'Software', name: 'Counterpoint' },
    body: [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: VERDICT_LABELS[claim.verdict],
        format: 'text/plain',
        language: 'en',
      },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: claim.summary,
        format: 'text/plain',
        language: 'en',
      },
    ],
    target: {
      source: options.articleUrl,
      selector: {
        type: 'TextQuoteSelector',
        exact: claim.quote.exact,
        prefix: claim.quote.prefix,
        suffix: claim.quote.suffix,
      },
    },
  }));
}
