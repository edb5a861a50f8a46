/**
 * The words for a background that never answered, in the interface language, for the extension
 * pages' requesters (the content script keeps the English default of `client.ts`).
 */
import { t } from '../i18n';
import type { DescribeUnanswered } from './client';

/** "Counterpoint's background did not answer (…). Nothing was lost; please try again." */
export const unansweredInLanguage: DescribeUnanswered = (detail) =>
  t('messaging_no_answer', [detail]);
