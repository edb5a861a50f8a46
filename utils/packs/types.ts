/**
 * The shapes of a context pack, format version 2: what Counterpoint knows about one article,
 * claim by claim. The valibot schema in `schema.ts` validates packs against exactly these types;
 * format-1 packs are read by `format-1.ts` and migrated to these shapes.
 */

/** What kind of statement a claim is. */
export type ClaimKind = 'factual' | 'opinion' | 'prediction' | 'attribution';

/** The verdict on a claim, from the research notes. `contradicted` is new in format 2. */
export type Verdict =
  | 'supported'
  | 'partly-supported'
  | 'misleading'
  | 'contradicted'
  | 'unsupported'
  | 'opinion';

/** Every verdict, in the order the reading guide lists them. */
export const VERDICTS: readonly Verdict[] = [
  'supported',
  'partly-supported',
  'misleading',
  'contradicted',
  'unsupported',
  'opinion',
];

/** Whether a source's title is its headline as published or a plain description of it. */
export type SourceTitleKind = 'headline' | 'description';

/** A published source that a fact rests on. */
export interface Source {
  /** A slug, unique among the sources of one claim (or one about entry); counterpoints cite it. */
  id: string;
  /** The headline as published, or, where none is known, a plain description of the page. */
  title: string;
  titleKind: SourceTitleKind;
  /** Who published it; a repost says so ("Reuters, reposted by …"). */
  publisher: string;
  /** ISO date, as precise as the research gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** http or https only. */
  url: string;
}

/** A correction or other side of a claim, pointing at the claim's sources that state it. */
export interface Counterpoint {
  text: string;
  /** Ids of sources in the claim's `sources`, so each source is listed once per claim. */
  sources: string[];
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
  /** Every source of the claim, each once: those of the verdict and those counterpoints cite. */
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

/** The format version this build writes; it also reads format 1 (see `format-1.ts`). */
export const CURRENT_FORMAT_VERSION = 2;

/** A versioned context pack for one article. */
export interface ContextPack {
  format: 'counterpoint-context-pack';
  formatVersion: typeof CURRENT_FORMAT_VERSION;
  /** Increases with every edit of the pack; a higher version replaces a lower one. */
  packVersion: number;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  /**
   * Who wrote the pack's verdicts (a person or an organisation), shown where the pack is listed.
   * Optional: the bundled packs are Counterpoint's own, and a file that names nobody says so.
   */
  publisher?: string;
  article: PackArticle;
  about: AboutEntry[];
  claims: Claim[];
}
