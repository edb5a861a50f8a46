/**
 * The bundled pack for "Mexico: President AMLO Meets Vice President Kamala Harris": it validates,
 * every quote is found once in the article's offline copy, every source is one the research notes
 * list, and the documentation's claim table agrees with the pack.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import raw from './amlo-harris-2021.pack.json';
import { validatePack } from './schema';
import type { ContextPack, Source } from './types';

// happy-dom replaces the global URL, so resolve paths from the module's file path instead.
const HERE = dirname(fileURLToPath(import.meta.url));
const ARTICLE_FIXTURE = resolve(HERE, '../../e2e/fixtures/article.html');
const PACK_DOC = resolve(HERE, '../../docs/context-pack.md');

/**
 * Every source address in the research notes for this article, copied as written there.
 * A pack source outside this list would be an invented source.
 */
const RESEARCHED_URLS: ReadonlySet<string> = new Set([
  // (a) the meeting and "a new era"
  'https://www.aljazeera.com/news/2021/6/8/harris-hails-new-era-with-mexico-during-lopez-obrador-meeting',
  'http://www.latinxtoday.com/309_english-news/7618105_kamala-harris-says-mexico-us-are-entering-new-era.html',
  'https://www.arkansasonline.com/news/2021/jun/09/new-era-touted-in-mexico-visit/',
  'https://www.theyucatantimes.com/2021/05/amlo-holds-virtual-meeting-with-us-vice-president-kamala-harris-on-immigration-issues/',
  'https://pulsenewsmexico.com/2021/05/10/amlo-and-us-vice-president-kamala-harris-discuss-immigration/',
  'https://www.pressreader.com/usa/los-angeles-times/20210508/281513639028007',
  // (b) the memorandum of understanding
  'https://www.whitehouse.gov/briefing-room/statements-releases/2021/06/08/fact-sheet-u-s-mexico-bilateral-cooperation-2/',
  'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/06/08/statement-by-senior-advisor-and-chief-spokesperson-symone-sanders-on-vice-president-kamala-harriss-bilateral-meeting-with-president-andres-manuel-lopez-obrador-of-mexico',
  'https://www.usaid.gov/mexico/news/mou-between-gom-and-usg',
  'https://www.proceso.com.mx/nacional/2021/6/8/asi-fue-el-encuentro-amlo-kamala-durante-la-firma-del-memorandum-de-entendimiento-265543.html',
  'https://www.riotimesonline.com/brazil-news/mercosur/mexico/mexico-and-the-u-s-seal-a-memorandum-on-immigration-cooperation/',
  // (c) vaccine doses for Mexico
  'https://www.dw.com/en/coronavirus-digest-us-to-send-first-vaccine-exports-to-mexico-canada/a-56908883',
  'https://wkow.com/2021/03/18/biden-to-send-covid-shots-to-mexico-canada-in-first-exports/',
  'https://www.nbcnews.com/politics/white-house/u-s-sending-1-35-million-doses-j-j-vaccine-n1270820',
  'https://www.reuters.com/world/americas/mexico-says-us-send-it-1-mln-jj-covid-19-vaccines-2021-06-03/',
  'https://nationalpost.com/pmn/health-pmn/mexico-to-receive-first-jj-covid-19-vaccines-on-tuesday',
  // (d) export rules and dose sharing
  'https://www.devdiscourse.com/article/international/1550252-us-defense-production-act-does-not-mean-export-ban-clarifies-white-house',
  'https://www.deccanherald.com/national/biden-administration-diverts-pending-orders-with-us-firms-for-vaccine-raw-material-to-india-979282.html',
  'https://indiatoday.in/amp/coronavirus-outbreak/story/india-covid19-spike-us-export-ban-on-vaccine-raw-materials-continues-1793158-2021-04-20',
  'https://www.mlo-online.com/disease/infectious-disease/article/21225480/biden-administration-releases-plan-on-sharing-25-million-vaccine-doses',
  'https://www.scrippsnews.com/health/coronavirus/white-house-pledges-25-million-covid-vaccines-globally',
  'https://tt.usembassy.gov/tag/vaccines/',
  'https://reliefweb.int/report/world/fact-sheet-biden-harris-administration-announces-allocation-plan-55-million-doses-be',
  'https://newsviews.online/2021/06/07/vp-harris-in-guatemala-tells-migrants-do-not-come',
  // (e) the northern border
  'https://www.gulf-times.com/article/658194/international/biden-trudeau-strike-deal-on-asylum-seekers',
  'https://www.oleantimesherald.com/news/us-canada-end-loophole-at-new-york-border/article_5d3df336-825a-5ac4-adec-fa296e2215e9.html',
  'https://megalifetime.com/u-s-flies-migrants-caught-at-canada-border-to-texas-in-deterrence-effort/',
  // (f) the immigration bill
  'https://en.wikipedia.org/wiki/U.S._Citizenship_Act_of_2021',
  'https://www.menendez.senate.gov/newsroom/press/menendez-joined-by-25-senators-in-officially-introducing-the-us-citizenship-act-of-2021',
  'https://jurist.org/news/2021/02/us-lawmakers-introduce-immigration-bill-creating-pathway-to-citizenship',
  // (g) aid for the Northern Triangle
  'https://www.politifact.com/truth-o-meter/promises/biden-promise-tracker/promise/1614/provide-assistance-northern-triangle-countries/',
  // (h) "Do not come"
  'https://jimbakkershow.morningsidechurchinc.com/tag/honduras',
  'https://www.dailymail.co.uk/news/article-9670815/Harris-Biden-blasted-Guatemalas-president-sending-mixed-messages-migrants.html',
  // (i) the publisher and the author
  'https://mediabiasfactcheck.com/global-research/',
  'https://thecrri.ca/review/canadian-website-deeply-enmeshed-in-russian-propaganda-efforts/',
  'https://docslib.org/doc/10072591/pillars-of-russias-disinformation-and-propaganda-ecosystem-state-gov',
  'https://www.fr24news.com/a/2020/10/canadian-professors-website-helps-russia-spread-disinformation-says-us-state-department.html',
  'https://ena-news.com/international/tech/canadian-professors-website-helps-russia-spread-disinformation-says-u-s-state-department/',
  'https://www.theglobeandmail.com/news/world/nato-research-centre-sets-sights-on-canadian-website-over-pro-russian-disinformation/article37015521/',
  'http://leaderpost.com/news/canada/pro-russia-global-research-website/wcm/771d04ed-c84f-4b17-9b7f-8bb4a7027731',
  'http://rationalwiki.org/wiki/Globalresearch.ca',
  'https://news.alayham.com/index.php/tags/brazil?page=18',
]);

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

/** Every source in the pack, with where it sits, for messages that say which one is wrong. */
function allSources(pack: ContextPack): { where: string; source: Source }[] {
  const found: { where: string; source: Source }[] = [];
  pack.claims.forEach((claim) => {
    claim.sources.forEach((source, i) => {
      found.push({ where: `${claim.id}.sources[${i}]`, source });
    });
    claim.counterpoints.forEach((counterpoint, c) => {
      counterpoint.sources.forEach((source, i) => {
        found.push({ where: `${claim.id}.counterpoints[${c}].sources[${i}]`, source });
      });
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
    expect(thePack().packVersion).toBe(1);
  });

  it('cites only sources listed in the research notes', () => {
    const invented = allSources(thePack())
      .filter(({ source }) => !RESEARCHED_URLS.has(source.url))
      .map(({ where, source }) => `${where}: ${source.url}`);
    expect(invented).toEqual([]);
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
    for (const claim of thePack().claims) {
      expect(claim.quote.prefix.length, claim.id).toBeGreaterThanOrEqual(10);
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
