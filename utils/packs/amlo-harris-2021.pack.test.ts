/**
 * The bundled pack for "Mexico: President AMLO Meets Vice President Kamala Harris": it validates,
 * every quote is found once in the article's offline copy, every source is one the research notes
 * list, and the documentation's claim table agrees with the pack.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import raw from './amlo-harris-2021.pack.json';
import { validatePack } from './schema';
import { countWords, PACK_LIMITS } from './schema-parts';
import type { ContextPack, Source } from './types';

// happy-dom replaces the global URL, so resolve paths from the module's file path instead.
const HERE = dirname(fileURLToPath(import.meta.url));
const ARTICLE_FIXTURE = resolve(HERE, '../../e2e/fixtures/article.html');
const PACK_DOC = resolve(HERE, '../../docs/context-pack.md');
const RESEARCH_NOTES = resolve(HERE, '../../../shared/research/article-claims.md');

/** A source as the research notes give it: its address, its headline if known, and whether it is a repost. */
interface ResearchedSource {
  url: string;
  /** The headline exactly as the notes quote it for this address (absent: none is known). */
  headline?: string;
  /** The notes call this page a repost of another outlet's report. */
  repost?: true;
}

/**
 * Every source the pack cites, copied from the research notes (../shared/research/article-claims.md)
 * with the headline the notes give for that address. A source outside this list would be an
 * invented source; a headline other than this one would be a title the research does not show.
 */
const RESEARCHED_SOURCES: readonly ResearchedSource[] = [
  {
    url: 'https://www.aljazeera.com/news/2021/6/8/harris-hails-new-era-with-mexico-during-lopez-obrador-meeting',
    headline: 'Harris hails ‘new era’ with Mexico during Lopez Obrador meeting',
  },
  {
    url: 'http://www.latinxtoday.com/309_english-news/7618105_kamala-harris-says-mexico-us-are-entering-new-era.html',
    headline: 'Kamala Harris says Mexico, US are entering new era',
    repost: true,
  },
  {
    url: 'https://www.arkansasonline.com/news/2021/jun/09/new-era-touted-in-mexico-visit/',
    headline: '‘New era’ touted in Mexico visit',
  },
  {
    url: 'https://www.theyucatantimes.com/2021/05/amlo-holds-virtual-meeting-with-us-vice-president-kamala-harris-on-immigration-issues/',
    headline:
      'AMLO holds virtual meeting with US Vice President Kamala Harris on immigration issues',
  },
  {
    url: 'https://pulsenewsmexico.com/2021/05/10/amlo-and-us-vice-president-kamala-harris-discuss-immigration/',
  },
  {
    url: 'https://www.whitehouse.gov/briefing-room/statements-releases/2021/06/08/fact-sheet-u-s-mexico-bilateral-cooperation-2/',
  },
  {
    url: 'https://www.usaid.gov/mexico/news/mou-between-gom-and-usg',
    headline: 'MOU between GOM and USG',
  },
  {
    url: 'https://www.proceso.com.mx/nacional/2021/6/8/asi-fue-el-encuentro-amlo-kamala-durante-la-firma-del-memorandum-de-entendimiento-265543.html',
  },
  {
    url: 'https://www.riotimesonline.com/brazil-news/mercosur/mexico/mexico-and-the-u-s-seal-a-memorandum-on-immigration-cooperation/',
    headline: 'Mexico and U.S. agree memorandum of understanding on immigration cooperation',
  },
  {
    url: 'https://www.telesurenglish.net/news/US-Mexico-to-Work-Jointly-to-Address-Root-Causes-of-Migration-20210609-0013.html',
  },
  {
    url: 'https://www.dw.com/en/coronavirus-digest-us-to-send-first-vaccine-exports-to-mexico-canada/a-56908883',
    headline: 'US to send first vaccine exports to Mexico, Canada',
  },
  {
    url: 'https://www.13abc.com/2021/03/18/biden-to-send-covid-shots-to-mexico-canada-in-first-exports/',
    headline: 'Biden to send COVID shots to Mexico, Canada in first exports',
  },
  {
    url: 'https://www.nbcnews.com/politics/white-house/u-s-sending-1-35-million-doses-j-j-vaccine-n1270820',
    headline: 'U.S. sending 1.35 million doses of J&J vaccine to Mexico overnight',
  },
  {
    url: 'https://www.reuters.com/world/americas/mexico-says-us-send-it-1-mln-jj-covid-19-vaccines-2021-06-03/',
    headline: 'Mexico says U.S. to send it 1 mln J&J COVID-19 vaccines',
  },
  {
    url: 'https://nationalpost.com/pmn/health-pmn/mexico-to-receive-first-jj-covid-19-vaccines-on-tuesday',
    headline: 'Mexico to receive first J&J COVID-19 vaccines on Tuesday',
  },
  { url: 'https://www.explica.co/first-flight-of-johnson-johnson-vaccines-arrives.html' },
  { url: 'https://threadreaderapp.com/thread/1386668885064228865.html' },
  {
    url: 'https://www.deccanherald.com/national/biden-administration-diverts-pending-orders-with-us-firms-for-vaccine-raw-material-to-india-979282.html',
  },
  {
    url: 'https://indiatoday.in/amp/coronavirus-outbreak/story/india-covid19-spike-us-export-ban-on-vaccine-raw-materials-continues-1793158-2021-04-20',
    headline:
      "India's Covid-19 cases mount but uncertainty over US export ban on vaccine raw materials continues",
  },
  {
    url: 'https://www.business-standard.com/article/economy-policy/raw-material-imports-from-us-to-produce-vaccines-may-take-a-month-121042200067_1.html',
  },
  {
    url: 'https://lacrossetribune.com/business/biden-plans-to-send-covid-shots-to-mexico-canada/article_40dbb9d5-c969-5aa6-8198-cc3fea207f9c.html',
  },
  { url: 'https://www.upr.org/post/us-sending-least-80-million-surplus-covid-19-vaccines-abroad' },
  {
    url: 'https://www.scrippsnews.com/health/coronavirus/white-house-pledges-25-million-covid-vaccines-globally',
    headline: 'White House Pledges To Share 25 Million COVID Vaccines Globally',
  },
  {
    url: 'https://www.mlo-online.com/disease/infectious-disease/article/21225480/biden-administration-releases-plan-on-sharing-25-million-vaccine-doses',
  },
  {
    url: 'https://www.reuters.com/world/americas/guatemala-says-us-send-half-million-covid-19-vaccine-doses-2021-06-03/',
    headline: 'Guatemala says U.S. to send half a million COVID-19 vaccine doses',
  },
  {
    url: 'https://www.publinews.gt/gt/noticias/2021/06/03/guatemala-covid-giammattei-donativo.html',
  },
  {
    url: 'https://www.urdupoint.com/en/world/us-to-make-first-donation-of-500000-covid-19-1271501.html',
    repost: true,
  },
  {
    url: 'https://www.politifact.com/truth-o-meter/promises/biden-promise-tracker/promise/1614/provide-assistance-northern-triangle-countries/',
    headline:
      'Biden found compromise in promise to invest $4 billion in Central American to mitigate immigration',
  },
  {
    url: 'https://www.onenewspage.us/n/Business/1zn1cp7wzv/AP-FACT-CHECK-Claims-from-Biden-joint.htm',
    headline: "AP FACT CHECK: Claims from Biden's joint address to Congress",
    repost: true,
  },
  {
    url: 'https://ktar.com/story/5476313/us-canada-migration-deal-could-end-walk-around-crossings/',
    headline: 'US, Canada end loophole that let asylum-seekers cross border',
  },
  {
    url: 'https://www.thestar.com.my/news/world/2023/03/23/us-flies-migrants-caught-at-canada-border-to-texas-in-deterrence-effort',
    headline: 'U.S. flies migrants caught at Canada border to Texas in deterrence effort',
  },
  {
    url: 'https://commonsensewonder.blogspot.com/2019/04/in-twist-canada-asks-us-for-help.html',
    headline:
      'In a twist, Canada asks U.S. for help cracking down on migrants at its southern border',
    repost: true,
  },
  {
    url: 'https://www.kxnet.com/news/state-news/cramer-armstrong-criticize-possibility-of-biden-administration-flying-migrants-to-north-dakota/',
  },
  {
    url: 'https://www.kxnet.com/news/state-news/burgum-joins-cramer-armstrong-in-criticizing-possibility-of-flying-migrants-to-north-dakota-for-processing/',
  },
  {
    url: 'https://www.menendez.senate.gov/newsroom/press/menendez-joined-by-25-senators-in-officially-introducing-the-us-citizenship-act-of-2021',
  },
  {
    url: 'https://jurist.org/news/2021/02/us-lawmakers-introduce-immigration-bill-creating-pathway-to-citizenship',
  },
  { url: 'https://aila.org/library/house-bill-us-citizenship-act' },
  { url: 'https://www.newvision.co.ug/news/1521823/mexican-president-won-meet-biden-us-trip' },
  {
    url: 'https://cbsnews.com/amp/news/trump-hosts-mexican-president-andres-manuel-lopez-obrador-first-visit-white-house-watch-live-stream-today-2020-07-08',
    headline: 'Trump hosts Mexican president for first visit at White House',
  },
  {
    url: 'https://nationalpost.com/pmn/news-pmn/crime-pmn/mexicos-president-wont-congratulate-biden-until-legal-challenges-resolved',
    headline: "Mexico's president won't congratulate Biden until legal challenges resolved",
  },
  {
    url: 'https://www.devdiscourse.com/article/politics/1371545-mexicos-lopez-obrador-congratulates-biden-on-us-election-win',
    headline: "Mexico's Lopez Obrador congratulates Biden on U.S. election win",
    repost: true,
  },
  {
    url: 'https://www.infobae.com/america/agencias/2021/01/23/biden-destinara-4000-millones-de-dolares-a-centroamerica-dice-lopez-obrador/',
  },
  {
    url: 'https://www.pressreader.com/usa/dayton-daily-news/20210124/281586653259346',
    headline: 'Mexican leader says Biden offers $4B for Central America',
  },
  {
    url: 'https://www.explica.co/they-reinforce-work-in-development-and-security-migration-and-economy-other-topics-on-the-agenda.html',
  },
  {
    url: 'https://www.reuters.com/article/us-usa-immigration-mexico/mexico-president-hails-extraordinary-harris-after-visit-sees-ties-in-new-phase-idUSKCN2DL1QY',
  },
  {
    url: 'https://www.theyucatantimes.com/2021/05/amlo-sends-diplomatic-note-to-the-us-government-via-marcelo-ebrard/',
  },
  {
    url: 'https://www.anews.com.tr/world/2021/05/07/mexico-asks-us-to-stop-funding-of-opposition-group',
  },
  {
    url: 'https://docslib.org/doc/10072591/pillars-of-russias-disinformation-and-propaganda-ecosystem-state-gov',
  },
  {
    url: 'https://ena-news.com/international/tech/canadian-professors-website-helps-russia-spread-disinformation-says-u-s-state-department/',
    headline:
      'Canadian professor’s website helps Russia spread disinformation, says U.S. State Department',
    repost: true,
  },
  {
    url: 'https://www.theglobeandmail.com/news/world/nato-research-centre-sets-sights-on-canadian-website-over-pro-russian-disinformation/article37015521/',
  },
  {
    url: 'http://leaderpost.com/news/canada/pro-russia-global-research-website/wcm/771d04ed-c84f-4b17-9b7f-8bb4a7027731',
    headline:
      "Canadian website criticized as Kremlin mouthpiece depicts Russian invasion as 'peacekeeping mission'",
  },
  { url: 'https://news.alayham.com/index.php/tags/brazil?page=18' },
];

const RESEARCHED: ReadonlyMap<string, ResearchedSource> = new Map(
  RESEARCHED_SOURCES.map((source) => [source.url, source]),
);

/**
 * The pack's content hash for each pack version, oldest first. Any edit of the pack changes the
 * hash: raise `packVersion` and add the new version's hash here (the test prints it).
 */
const PACK_EDITIONS: Readonly<Record<number, string>> = {
  2: '48410b2eec95b41ea84cbe26532741a6242d5122d616b7c27f7c3a206197ca27',
};

/** The sha-256 of the pack's content, everything but `packVersion`. */
function contentHash(data: object): string {
  const { packVersion: _version, ...content } = data as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Lowercase words of three letters or more, for comparing a title with an address. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3);
}

/** Collapses runs of whitespace, as a browser's rendering of the text does. */
function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** How many times `needle` occurs in `haystack`, overlapping occurrences included. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
    count += 1;
  return count;
}

/** The article's body text from the offline copy of the page, as the reader sees it. */
function articleBodyText(): string {
  const html = readFileSync(ARTICLE_FIXTURE, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.querySelector('[itemprop=articleBody]');
  if (!body?.textContent) throw new Error('the fixture has no [itemprop=articleBody] text');
  return normaliseSpace(body.textContent);
}

/** The article's paragraphs from the offline copy, whitespace collapsed. */
function articleParagraphs(): string[] {
  const html = readFileSync(ARTICLE_FIXTURE, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('[itemprop=articleBody] p')].map((p) =>
    normaliseSpace(p.textContent ?? ''),
  );
}

/** Every source in the pack, with where it sits, for messages that say which one is wrong. */
function allSources(pack: ContextPack): { where: string; source: Source }[] {
  const found: { where: string; source: Source }[] = [];
  pack.claims.forEach((claim) => {
    claim.sources.forEach((source, i) => {
      found.push({ where: `${claim.id}.sources[${i}]`, source });
    });
  });
  for (const entry of pack.about) {
    entry.sources.forEach((source, i) => {
      found.push({ where: `about.${entry.id}.sources[${i}]`, source });
    });
  }
  return found;
}

const validation = validatePack(raw);
/** The validated pack; the first test reports why if there is none. */
const pack: ContextPack | undefined = validation.ok ? validation.pack : undefined;

/** The pack, or a thrown error with the validator's messages. */
function thePack(): ContextPack {
  if (!pack) throw new Error(validation.ok ? 'unreachable' : validation.errors.join('\n'));
  return pack;
}

describe('the AMLO–Harris pack', () => {
  it('passes validation', () => {
    expect(validation.ok ? [] : validation.errors).toEqual([]);
  });

  it('identifies the article as printed', () => {
    const { article } = thePack();
    expect(article.id).toBe('globalresearch-2021-06-09-amlo-meets-harris');
    expect(article.recognise.headline).toBe(
      'Mexico: President AMLO Meets Vice President Kamala Harris',
    );
    expect(article.recognise.hosts).toEqual(['globalresearch.ca']);
    expect(article.published).toBe('2021-06-09');
  });

  it('has a new packVersion for every change of content', () => {
    const { packVersion } = thePack();
    const versions = Object.keys(PACK_EDITIONS).map(Number);
    expect(packVersion, 'the newest edition listed in PACK_EDITIONS').toBe(Math.max(...versions));
    const hash = contentHash(raw);
    expect(
      hash,
      `the pack changed: raise packVersion and record ${packVersion + 1}: '${hash}' in PACK_EDITIONS`,
    ).toBe(PACK_EDITIONS[packVersion]);
    expect(new Set(Object.values(PACK_EDITIONS)).size).toBe(versions.length);
  });

  it('keeps every summary and context short enough to read at a glance', () => {
    const tooLong: string[] = [];
    for (const claim of thePack().claims) {
      const summary = countWords(claim.summary);
      const context = countWords(claim.context);
      if (summary > PACK_LIMITS.maxSummaryWords)
        tooLong.push(`${claim.id}.summary: ${summary} words`);
      if (context > PACK_LIMITS.maxContextWords)
        tooLong.push(`${claim.id}.context: ${context} words`);
    }
    expect(tooLong).toEqual([]);
  });

  it('speaks to readers in plain words, not about "the pack" or "the research"', () => {
    const jargon = /\b(?:the pack|the research|COVAX|AMEXCID|H\.R\. 1177|DPA|MOU)\b/i;
    const texts = thePack().claims.flatMap((claim) => [
      claim.summary,
      claim.context,
      ...claim.counterpoints.map((counterpoint) => counterpoint.text),
    ]);
    for (const entry of thePack().about)
      texts.push(entry.summary, ...entry.details, ...entry.unverified);
    expect(texts.filter((text) => jargon.test(text))).toEqual([]);
  });

  it('cites only sources listed in the research notes', () => {
    const invented = allSources(thePack())
      .filter(({ source }) => !RESEARCHED.has(source.url))
      .map(({ where, source }) => `${where}: ${source.url}`);
    expect(invented).toEqual([]);
  });

  it('gives each source the headline the research notes give it, or a plain description', () => {
    const problems: string[] = [];
    for (const { where, source } of allSources(thePack())) {
      const researched = RESEARCHED.get(source.url);
      if (source.titleKind === 'headline' && researched?.headline !== source.title)
        problems.push(`${where}: "${source.title}" is not the headline the notes give`);
      if (source.titleKind === 'description') {
        // A description rebuilt from the address ("Pro-Russia Global Research website") is not one.
        const slug = new Set(wordsOf(new URL(source.url).pathname));
        const words = wordsOf(source.title);
        const fromSlug = words.filter((word) => slug.has(word)).length;
        if (words.length > 0 && fromSlug / words.length >= 0.7)
          problems.push(`${where}: "${source.title}" reads like the address, not a description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('labels reposts as reposts', () => {
    const unlabelled = allSources(thePack())
      .filter(({ source }) => RESEARCHED.get(source.url)?.repost === true)
      .filter(({ source }) => !source.publisher.includes('reposted by'))
      .map(({ where, source }) => `${where}: ${source.publisher}`);
    expect(unlabelled).toEqual([]);
  });

  it('lists each source once per claim, and cites every listed source somewhere', () => {
    const problems: string[] = [];
    for (const claim of thePack().claims) {
      const urls = claim.sources.map((source) => source.url);
      if (new Set(urls).size !== urls.length)
        problems.push(`${claim.id}: a source is listed twice`);
      if (claim.verdict !== 'opinion') continue;
      const cited = new Set(claim.counterpoints.flatMap((counterpoint) => counterpoint.sources));
      for (const source of claim.sources)
        if (!cited.has(source.id))
          problems.push(`${claim.id}: ${source.id} is listed but not cited`);
    }
    expect(problems).toEqual([]);
  });

  it('gives one date, title and publisher to each address wherever it is cited', () => {
    const byUrl = new Map<string, string>();
    const conflicts: string[] = [];
    for (const { where, source } of allSources(thePack())) {
      const described = `${source.title} | ${source.publisher} | ${source.date}`;
      const earlier = byUrl.get(source.url);
      if (earlier === undefined) byUrl.set(source.url, described);
      else if (earlier !== described) conflicts.push(`${where}: ${described} ≠ ${earlier}`);
    }
    expect(conflicts).toEqual([]);
  });

  it('keeps claim quotes with enough context on each side to find them again', () => {
    const paragraphStarts = articleParagraphs().map((paragraph) => paragraph.trimStart());
    for (const claim of thePack().claims) {
      // A quote that opens a paragraph has no text before it in that paragraph.
      const opensParagraph = paragraphStarts.some((paragraph) =>
        paragraph.startsWith(normaliseSpace(claim.quote.exact)),
      );
      if (claim.quote.prefix === '') expect(opensParagraph, claim.id).toBe(true);
      else expect(claim.quote.prefix.length, claim.id).toBeGreaterThanOrEqual(10);
      expect(claim.quote.suffix.length, claim.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('labels opinions as opinion and keeps a factual verdict on every other claim', () => {
    for (const claim of thePack().claims) {
      if (claim.kind === 'opinion') expect(claim.verdict, claim.id).toBe('opinion');
      else expect(claim.verdict, claim.id).not.toBe('opinion');
    }
  });
});

describe('the AMLO–Harris pack against the article text', () => {
  // The offline copy of the page is the article as a reader sees it; the pack's quotes must match
  // it character for character (after whitespace is collapsed, as rendering does).
  it('has the offline copy of the article to check against', () => {
    expect(existsSync(ARTICLE_FIXTURE), ARTICLE_FIXTURE).toBe(true);
  });

  it('finds every quote exactly once, and exactly once with its prefix and its suffix', () => {
    const text = articleBodyText();
    const problems: string[] = [];
    for (const { id, quote } of thePack().claims) {
      const exact = normaliseSpace(quote.exact);
      const prefix = normaliseSpace(quote.prefix);
      const suffix = normaliseSpace(quote.suffix);
      const counts = {
        exact: occurrences(text, exact),
        'prefix+exact': occurrences(text, prefix + exact),
        'exact+suffix': occurrences(text, exact + suffix),
        'prefix+exact+suffix': occurrences(text, prefix + exact + suffix),
      };
      for (const [part, count] of Object.entries(counts)) {
        if (count !== 1) problems.push(`${id}: ${part} occurs ${count} times`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the list of researched sources', () => {
  // The list above is copied from the notes; this checks the copy against the notes themselves.
  const notes = existsSync(RESEARCH_NOTES) ? readFileSync(RESEARCH_NOTES, 'utf8') : '';

  it('has the research notes to check against', () => {
    expect(notes.length, RESEARCH_NOTES).toBeGreaterThan(0);
  });

  it('copies every address and headline from the notes, each headline beside its address', () => {
    const problems: string[] = [];
    for (const { url, headline } of RESEARCHED_SOURCES) {
      const positions: number[] = [];
      for (let at = notes.indexOf(url); at !== -1; at = notes.indexOf(url, at + 1))
        positions.push(at);
      if (positions.length === 0) problems.push(`not in the notes: ${url}`);
      if (headline === undefined) continue;
      const quoted = `"${headline}"`;
      const beside = positions.some((at) =>
        notes.slice(Math.max(0, at - 2000), at + 2000).includes(quoted),
      );
      if (!beside) problems.push(`headline not given for ${url} in the notes: ${quoted}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('docs/context-pack.md', () => {
  it('lists every claim of the pack with its verdict', () => {
    const doc = readFileSync(PACK_DOC, 'utf8');
    const missing = thePack()
      .claims.filter(
        (claim) => !doc.includes(`| \`${claim.id}\` | ${claim.kind} | ${claim.verdict} |`),
      )
      .map((claim) => claim.id);
    expect(missing).toEqual([]);
  });
});

describe('the order of the claims', () => {
  it('is the order in which a reader meets them in the article, which the popup lists them in', () => {
    const page = readFileSync(ARTICLE_FIXTURE, 'utf8')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ')
      .replace(/\s+/g, ' ');
    const words = (text: string) =>
      text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ');
    const positions = (raw as ContextPack).claims.map((claim) =>
      page.indexOf(words(claim.quote.exact)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
