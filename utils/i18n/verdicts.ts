/**
 * The words readers see for each verdict, in the interface language. The verdict table
 * (utils/packs/verdicts.ts) keeps its English labels for exports, which declare English.
 */
import type { Verdict } from '../packs/types';
import { t } from './index';
import type { MessageKey } from './messages';

const VERDICT_KEYS = {
  supported: 'verdict_supported',
  'partly-supported': 'verdict_partly_supported',
  misleading: 'verdict_misleading',
  contradicted: 'verdict_contradicted',
  unsupported: 'verdict_unsupported',
  opinion: 'verdict_opinion',
} as const satisfies Record<Verdict, MessageKey>;

/** The verdict's label, e.g. "Partly supported", "En parte respaldada", "Partiellement étayée". */
export function verdictLabel(verdict: Verdict): string {
  return t(VERDICT_KEYS[verdict]);
}

const DEFINITION_KEYS = {
  supported: 'verdict_definition_supported',
  'partly-supported': 'verdict_definition_partly_supported',
  misleading: 'verdict_definition_misleading',
  contradicted: 'verdict_definition_contradicted',
  unsupported: 'verdict_definition_unsupported',
  opinion: 'verdict_definition_opinion',
} as const satisfies Record<Verdict, MessageKey>;

/**
 * What the verdict means, in one sentence of the interface language, for the method page. (The
 * ClaimReview export keeps the verdict table's English definition.)
 */
export function verdictDefinition(verdict: Verdict): string {
  return t(DEFINITION_KEYS[verdict]);
}
