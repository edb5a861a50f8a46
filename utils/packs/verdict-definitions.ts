/**
 * What each verdict means, in one plain English sentence: the definitions that exported reviews
 * carry (the method page shows them in the reader's language, `utils/i18n/verdicts.ts`). Apart
 * from the verdict table so the content script, which draws verdicts, does not carry them.
 */
import type { Verdict } from './types';

/** One plain sentence per verdict saying what it means. */
export const VERDICT_DEFINITIONS: Readonly<Record<Verdict, string>> = {
  supported: 'Dated, independent sources confirm what the article says.',
  'partly-supported':
    'Part of the statement is confirmed by sources, but part is wrong, overstated or cannot be checked.',
  misleading:
    'The statement has a factual core, but leaves out or distorts facts in a way that gives a false impression.',
  contradicted:
    'The documented record at the time says the opposite, and no source supports the statement.',
  unsupported:
    'No evidence for the statement was found; that is not the same as showing it is false.',
  opinion:
    'A view or interpretation rather than a statement of fact; it is labelled, not rated, and the other side is given with sources.',
};
