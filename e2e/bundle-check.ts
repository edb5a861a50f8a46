/**
 * `npm test`, after the builds: the content script runs on every article page, so nothing ships
 * in it that nothing uses, and it stays within its size budget. So does the extras bundle the
 * background injects on the pages that need it (the full matcher, the wrapping fallback).
 *
 * - WXT's auto-import (still active despite `imports: false`) pulls `@wxt-dev/storage` into a
 *   bundle whenever a function parameter is named `storage`.
 * - webextension-polyfill serves the background and the extension pages; the content script
 *   and the in-page UI bundle injected into its world take the browser's own promise-based API
 *   (`wxt.config.ts`, `vite:build:extendConfig`).
 *
 * The check fails if either library's code is in a built in-page script, if a script ships a
 * comment inside a string, if a script is over its gzip budget, or if the in-page UI bundle
 * carries the anchoring text model (a second copy: the extras bundle has it), and prints the
 * scripts' sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import english from '../public/_locales/en/messages.json';
import { uiMessageKeys } from '../utils/i18n/ui-words';
import { CHROME_BUILD } from './harness/paths';

/**
 * The content script's budget, in KB (1000 bytes) of gzip: the goal of 20. It was 24.7 before
 * the full matcher and the wrapping fallback moved to the extras bundle (19.5 after); the
 * translated marker names and the split of the layers into modules (whose property names the
 * minifier keeps) brought it to 20.1, and taking the notes out of the marker and note-shade
 * style sheets (comments inside a string ship as they are) to 19.7. Anchoring's plain spans
 * (20.05) and each note's place held without a live range (`text-place.ts`, and the layers, the
 * shade and the change scope reading places) took it to 20.7, and are worth more than they weigh:
 * with 100,000 notes the page's own 300 removals went from 5.7 s to 0.5 ms (docs/benchmarks.md).
 * The bounded first read of the notes brought it to 20.8, and timers the page cannot cancel
 * (`utils/annotator/page-clock.ts`) to 21.2. The bound is 25.
 */
export const CONTENT_SCRIPT_BUDGET_KB = 21.5;

/**
 * The extras bundle's budget, in KB of gzip: 10.2 when it was split off, 10.6 since it also
 * describes a reader's selection for a new note (the in-page UI bundle lost 2.8 by it).
 */
export const EXTRAS_SCRIPT_BUDGET_KB = 11;

/** Code that must not be in the content script, each known by strings found only in it. */
export const DEAD_CODE_MARKERS: Readonly<Record<string, readonly string[]>> = {
  '@wxt-dev/storage': ['@wxt-dev/storage', "'wxt/storage'", 'Storage migration'],
  'webextension-polyfill': [
    'This script should only be loaded in a browser extension',
    'webextension-polyfill',
  ],
};

/**
 * A CSS comment inside a style sheet's string: the minifier drops script comments, never the
 * text of a string, so a note there ships in the bundle (it was 0.4 KB gzip of the content
 * script). The notes belong in script comments beside the rules.
 */
export const COMMENT_IN_STRING = /\/\*[\s*]/;

/**
 * The anchoring text model (the normalised text with its map back to the page, `normalise.ts`,
 * and the model that excludes hidden and own nodes, `text-model.ts`), known by names the
 * minifier keeps. The extras bundle carries it for the full matcher and for `describe`; the
 * in-page UI bundle is given `describe` by the content-script layer and must carry no copy.
 */
export const TEXT_MODEL_MARKERS: readonly string[] = [
  'indexAtSource',
  'addCluster',
  '\\p{M}',
  'isExcluded',
];

/**
 * The message keys a bundle names as string literals, a plural base standing for each of its
 * keys (`guide_checked` for `guide_checked_one` and `guide_checked_other`).
 */
export function messageKeysIn(code: string, keys: readonly string[]): string[] {
  const named = (word: string) => new RegExp(`[\`"']${word}[\`"'_]`).test(code);
  return keys.filter((key) => named(key) || named(key.replace(/_(one|other)$/, '')));
}

/** The libraries whose markers a bundle's code contains, with the markers found. */
export function deadCodeIn(code: string): { library: string; markers: string[] }[] {
  return Object.entries(DEAD_CODE_MARKERS).flatMap(([library, markers]) => {
    const found = markers.filter((marker) => code.includes(marker));
    return found.length > 0 ? [{ library, markers: found }] : [];
  });
}

const scripts = [
  {
    name: 'content script',
    path: join(CHROME_BUILD, 'content-scripts', 'content.js'),
    budgetKb: CONTENT_SCRIPT_BUDGET_KB,
  },
  {
    name: 'extras bundle',
    path: join(CHROME_BUILD, 'content-extras.js'),
    budgetKb: EXTRAS_SCRIPT_BUDGET_KB,
  },
];
let failed = false;
for (const script of scripts) {
  if (!existsSync(script.path)) {
    console.error(`No ${script.name} at ${script.path}: build first (npx wxt build).`);
    process.exit(1);
  }
  const code = readFileSync(script.path, 'utf8');
  const gzipKb = gzipSync(code).length / 1000;
  console.log(
    `${script.name}: ${(code.length / 1000).toFixed(1)} KB, ${gzipKb.toFixed(1)} KB gzip`,
  );
  for (const { library, markers } of deadCodeIn(code)) {
    failed = true;
    console.error(
      `The ${script.name} contains ${library} code (found ${markers.map((m) => JSON.stringify(m)).join(', ')}). ` +
        (library === '@wxt-dev/storage'
          ? 'A function parameter named `storage` somewhere in its imports makes WXT auto-import it; rename the parameter.'
          : 'Something in its imports reads the polyfill (`utils/browser.ts` at run time); pass the API in instead.'),
    );
  }
  const comment = COMMENT_IN_STRING.exec(code);
  if (comment) {
    failed = true;
    console.error(
      `The ${script.name} ships a comment inside a string (at ${JSON.stringify(code.slice(comment.index, comment.index + 60))}…): move it out of the style sheet, into a script comment.`,
    );
  }
  if (gzipKb > script.budgetKb) {
    failed = true;
    console.error(
      `The ${script.name} is ${gzipKb.toFixed(1)} KB gzip, over its ${script.budgetKb} KB budget.`,
    );
  }
}

// The text model is in the extras bundle (which proves the markers still name it) and not in
// the in-page UI bundle.
const uiPath = join(CHROME_BUILD, 'content-ui.js');
if (!existsSync(uiPath)) {
  console.error(`No in-page UI bundle at ${uiPath}: build first (npx wxt build).`);
  process.exit(1);
}
const ui = readFileSync(uiPath, 'utf8');
console.log(
  `in-page UI bundle: ${(ui.length / 1000).toFixed(1)} KB, ${(gzipSync(ui).length / 1000).toFixed(1)} KB gzip`,
);
const extras = readFileSync(join(CHROME_BUILD, 'content-extras.js'), 'utf8');
const unnamed = TEXT_MODEL_MARKERS.filter((marker) => !extras.includes(marker));
if (unnamed.length > 0) {
  failed = true;
  console.error(
    `The extras bundle lacks the text model's markers ${unnamed.map((m) => JSON.stringify(m)).join(', ')}: update TEXT_MODEL_MARKERS to names the text model still has.`,
  );
}
for (const { library, markers } of deadCodeIn(ui)) {
  failed = true;
  console.error(
    `The in-page UI bundle contains ${library} code (found ${markers.map((m) => JSON.stringify(m)).join(', ')}): it runs in the content script's world and takes the browser's own API (\`wxt.config.ts\`, \`vite:build:extendConfig\`).`,
  );
}
const copied = TEXT_MODEL_MARKERS.filter((marker) => ui.includes(marker));
if (copied.length > 0) {
  failed = true;
  console.error(
    `The in-page UI bundle carries the anchoring text model (found ${copied.map((m) => JSON.stringify(m)).join(', ')}): something it imports reaches utils/anchoring at run time; have the content-script layer pass the function in (as \`InteractionDependencies.describe\`).`,
  );
}
// The UI's words come from the background with the bundle (`utils/i18n/ui-words.ts`); a key
// missing there is read from the browser's catalogue, which blocks a new tab for milliseconds.
const sent = new Set(uiMessageKeys());
const unsent = messageKeysIn(ui, Object.keys(english)).filter((key) => !sent.has(key));
if (unsent.length > 0) {
  failed = true;
  console.error(
    `The in-page UI bundle names messages the background does not send with it: ${unsent.join(', ')}. Add them to UI_MESSAGE_KEYS (or a plural base to UI_PLURAL_BASES) in utils/i18n/ui-words.ts.`,
  );
}
if (failed) process.exit(1);
console.log(
  `content script, extras and in-page UI bundles: no @wxt-dev/storage or webextension-polyfill code; content script and extras within ${CONTENT_SCRIPT_BUDGET_KB} and ${EXTRAS_SCRIPT_BUDGET_KB} KB gzip; no text model in the UI bundle`,
);
