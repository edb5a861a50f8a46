/**
 * The pack's verdicts in two open formats, so fact-check tools and annotation tools can read them:
 * schema.org `ClaimReview` (JSON-LD), one per claim, and W3C Web Annotations with the motivation
 * `assessing`, anchored by their text-quote selectors. Pure functions of the pack.
 *
 * The article's address on Global Research is not known for certain (its numeric id was never
 * verified), so callers pass the address where the reader found the article when they know one;
 * without it the reviews name no address and the annotations target the article by its id.
 *
 * The reviews are the pack publisher's: Counterpoint's for the bundled packs, the named publisher
 * for a pack loaded from a file.
 */
import type { Claim, ContextPack, Source, Verdict } from './types';
import { VERDICT_DEFINITIONS } from './verdict-definitions';
import { VERDICT_LABELS } from './verdicts';

/** Who writes the bundled packs' reviews, and makes every export. */
const COUNTERPOINT = 'Counterpoint';

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
  author: { '@type': 'Organization'; name: string };
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
      url?: string;
      headline: string;
      datePublished: string;
      publisher: { '@type': 'Organization'; name: string };
    };
  };
  citation: CitedWork[];
}

/** Where the article was read, and whose reviews these are. */
export interface ExportOptions {
  /** The article's address as the reader found it (http or https), when one is known. */
  articleUrl?: string;
  /** Who wrote the verdicts; by default the pack's publisher, else Counterpoint. */
  reviewer?: string;
}

/** Who wrote a pack's verdicts, for the exports. */
function reviewerOf(pack: ContextPack, options: ExportOptions): string {
  return options.reviewer ?? pack.publisher ?? COUNTERPOINT;
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
  const author = { '@type': 'Organization', name: reviewerOf(pack, options) } as const;
  return pack.claims.map((claim) => {
    const rating = VERDICT_RATINGS[claim.verdict];
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.quote.exact,
      reviewBody: claim.summary,
      datePublished: pack.lastReviewed,
      dateModified: pack.lastReviewed,
      author,
      reviewRating: {
        '@type': 'Rating',
        alternateName: VERDICT_LABELS[claim.verdict],
        ...(rating === null ? {} : { ratingValue: rating }),
        ...RATING_SCALE,
        ratingExplanation: VERDICT_DEFINITIONS[claim.verdict],
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: article.author },
        datePublished: article.published,
        appearance: {
          '@type': 'CreativeWork',
          ...(options.articleUrl === undefined ? {} : { url: options.articleUrl }),
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
  /** Who assessed the claim: Counterpoint for the bundled packs, else the pack's publisher. */
  creator: { type: 'Software' | 'Organization'; name: string };
  /** The software that wrote the annotation. */
  generator: { type: 'Software'; name: 'Counterpoint' };
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
  const reviewer = reviewerOf(pack, options);
  const creator =
    reviewer === COUNTERPOINT
      ? ({ type: 'Software', name: COUNTERPOINT } as const)
      : ({ type: 'Organization', name: reviewer } as const);
  const source = options.articleUrl ?? `urn:counterpoint:article:${pack.article.id}`;
  return pack.claims.map((claim) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: annotationId(pack, claim),
    type: 'Annotation',
    motivation: 'assessing',
    created: pack.lastReviewed,
    creator,
    generator: { type: 'Software', name: COUNTERPOINT },
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
      source,
      selector: {
        type: 'TextQuoteSelector',
        exact: claim.quote.exact,
        prefix: claim.quote.prefix,
        suffix: claim.quote.suffix,
      },
    },
  }));
}

/** A file to save: what the pack list's download buttons hand to the browser. */
export interface PackExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The two exports a reader can download. */
export type PackExportFormat = 'claim-review' | 'assessing-annotations';

/**
 * One export of a pack as a file: every ClaimReview as a JSON-LD list, or the assessing
 * annotations as a W3C AnnotationCollection. The name says the article and the edition.
 */
export function packExportFile(
  pack: ContextPack,
  format: PackExportFormat,
  options: ExportOptions,
): PackExportFile {
  const stem = `counterpoint-${pack.article.id}-edition-${pack.packVersion}`;
  if (format === 'claim-review') {
    return {
      filename: `${stem}-claimreview.jsonld`,
      mimeType: 'application/ld+json',
      content: `${JSON.stringify(claimReviews(pack, options), null, 2)}\n`,
    };
  }
  const items = assessingAnnotations(pack, options);
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: `Claims of “${pack.article.title}”, edition ${pack.packVersion}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return {
    filename: `${stem}-annotations.jsonld`,
    mimeType: 'application/ld+json',
    content: `${JSON.stringify(collection, null, 2)}\n`,
  };
}
