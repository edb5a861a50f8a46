/**
 * The shapes of a context pack: what Counterpoint knows about one article, claim by claim.
 * The valibot schema in `schema.ts` validates packs against exactly these types.
 */

/** What kind of statement a claim is. */
export type ClaimKind = 'factual' | 'opinion' | 'prediction' | 'attribution';

/** The verdict on a claim, from the research notes. */
export type Verdict = 'supported' | 'partly-supported' | 'misleading' | 'unsupported' | 'opinion';

/** Every verdict, in the order the reading guide lists them. */
export const VERDICTS: readonly Verdict[] = [
  'supported',
  'partly-supported',
  'misleading',
  'unsupported',
  'opinion',
];

/** A published source that a fact rests on. */
export interface Source {
  title: string;
  publisher: string;
  /** ISO date, as precise as the research gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** http or https only. */
  url: string;
}

/** A correction or other side of a claim, with the sources that state it. */
export interface Counterpoint {
  text: string;
  sources: Source[];
}

/** The exact words of a claim in the article, with context to find them again. */
export interface ClaimQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One key claim of the article and what the research found about it. */
export interface Claim {
  id: string;
  quote: ClaimQuote;
  kind: ClaimKind;
  verdict: Verdict;
  /** One sentence. */
  summary: string;
  /** Two to four sentences. */
  context: string;
  counterpoints: Counterpoint[];
  sources: Source[];
}

/** Context about who published or wrote the article. */
export interface AboutEntry {
  id: string;
  /** e.g. "Global Research (Centre for Research on Globalization)". */
  name: string;
  role: 'publisher' | 'original-publisher' | 'author';
  summary: string;
  details: string[];
  /** What the research could not verify, said plainly. */
  unverified: string[];
  sources: Source[];
}

/** How to recognise the article and what it is. */
export interface PackArticle {
  /** Stable key of the article, used as the notes' articleKey. */
  id: string;
  title: string;
  author: string;
  /** YYYY-MM-DD. */
  published: string;
  publisher: string;
  originalPublisher: string;
  recognise: {
    /** Hosts the article lives on, without "www.". */
    hosts: string[];
    /** The headline as printed. */
    headline: string;
    /** A sketch of the article text from `textFingerprint` in utils/page/fingerprint.ts. */
    fingerprint: string[];
  };
}

/** A versioned context pack for one article. */
export interface ContextPack {
  format: 'counterpoint-context-pack';
  formatVersion: 1;
  /** Increases with every edit of the pack; a higher version replaces a lower one. */
  packVersion: number;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  article: PackArticle;
  about: AboutEntry[];
  claims: Claim[];
}
