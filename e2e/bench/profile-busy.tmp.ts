import { chromium } from 'playwright-core';
import { ARTICLE_URL } from '../fixtures';
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS, launchChromium } from '../harness/chromium';
import { defaultSite, isSiteAddress, pageFor } from '../harness/offline-site';

async function busy(page: import('playwright-core').Page) {
  await page.evaluate(async () => {
    const body = document.querySelector('[itemprop="articleBody"]');
    if (!body) throw new Error('no body');
    const teaser = document.createElement('aside');
    body.querySelectorAll('p')[1]?.after(teaser);
    let tick = 0;
    const rotate = setInterval(() => {
      tick += 1;
      teaser.innerHTML = `<h4>Read next</h4><a href="#t${tick}">Story ${tick}: what happened at the border today</a>`;
    }, 200);
    const append = setInterval(() => {
      const p = document.createElement('p');
      p.textContent = `Update ${tick}: more reporting on the meeting arrived, with reactions from officials in both capitals.`;
      body.append(p);
    }, 1000);
    await new Promise((r) => setTimeout(r, 5000));
    clearInterval(rotate);
    clearInterval(append);
  });
}

async function trace(page: import('playwright-core').Page, label: string) {
  const cdp = await page.context().newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await busy(page);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  // main thread of renderer: find thread with CrRendererMain
  const names = new Map<string, number>();
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.tid !== mainTid || e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    names.set(e.name, (names.get(e.name) ?? 0) + 1);
  }
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`== ${label}`);
  for (const [n, ms] of top) console.log(`${n.padEnd(40)} ${ms.toFixed(1)} ms  x${names.get(n)}`);
  // function calls by url
  const byUrl = new Map<string, number>();
  for (const e of events) {
    if (e.tid !== mainTid || e.ph !== 'X' || e.name !== 'FunctionCall') continue;
    const url = e.args?.data?.url ?? '?';
    byUrl.set(url + ' ' + (e.args?.data?.functionName ?? ''), (byUrl.get(url + ' ' + (e.args?.data?.functionName ?? '')) ?? 0) + e.dur / 1000);
  }
  for (const [n, ms] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  fn ${n.slice(-90)} ${ms.toFixed(1)}`);
}

const session = await launchChromium();
const page = await session.open(ARTICLE_URL);
await page.waitForTimeout(2000);
await trace(page, 'with');
// CPU profile of our JS
{
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await busy(page);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const self = new Map<string, number>();
  const dt = profile.timeDeltas as number[];
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  profile.samples.forEach((id: number, i: number) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log('== cpu self time');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${k.padEnd(60)} ${v.toFixed(1)}`);
}
// only one highlight range left
await page.evaluate(() => {
  const reg = (CSS as any).highlights as Map<string, Set<Range>>;
  let kept = false;
  for (const [, h] of reg) for (const r of [...h]) { if (kept) h.delete(r); else kept = true; }
});
await trace(page, 'with, one range left');
await page.evaluate(() => (CSS as any).highlights.clear());
await trace(page, 'with, registry cleared');
await session.close();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_QUIET_FLAGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await ctx.route('**/*', async (route) => {
  const a = route.request().url();
  const html = isSiteAddress(a) ? pageFor(defaultSite, a) : undefined;
  if (html === undefined) return route.abort('blockedbyclient');
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
});
const p2 = await ctx.newPage();
await p2.goto(ARTICLE_URL);
await p2.waitForTimeout(2000);
await trace(p2, 'without');
await browser.close();
