/**
 * Reading what the attacker (`attacker.ts`) collected, the same way in every browser: which of
 * its channels hold any trace of a note's text, and a one-line report of the attacks.
 */
import type { AttackLog } from './attacker';

/** The channels of the log that hold text matching `secret`, by name (none: an empty list). */
export function leakingChannels(log: AttackLog, secret: RegExp): string[] {
  const haul: Record<string, string[]> = {
    keys: [log.keys.join('')],
    inputs: log.inputs,
    selections: log.selections,
    clipboard: log.clipboard,
    focus: log.focus,
    highlights: log.highlights,
    scanned: log.scanned,
    internals: log.internalsTexts,
  };
  return Object.entries(haul)
    .filter(([, texts]) => texts.some((text) => secret.test(text)))
    .map(([name]) => name);
}

/** "Hostile page (Firefox): 11 attacks tried (…); 935 forged events; …; channels leaking: none". */
export function attackReport(browser: string, log: AttackLog, leaks: readonly string[]): string {
  return (
    `Hostile page (${browser}): ${log.tried.length} attacks tried (${log.tried.join('; ')}); ` +
    `${log.forgedEvents} forged events; ${log.keys.length} keys and ${log.inputs.length} inputs heard; ` +
    `channels leaking note text: ${leaks.length === 0 ? 'none' : leaks.join(', ')}`
  );
}
