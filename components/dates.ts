/**
 * Dates as readers expect to see them, in the interface language (`Intl.DateTimeFormat` of
 * `browser.i18n.getUILanguage()`). Research dates are partial ISO strings ("2021", "2021-06",
 * "2021-06-08") and are read as calendar days, never through the local time zone, because
 * parsing "2021-06-08" gives UTC midnight, which shows as 7 June west of Greenwich.
 */
import { translator } from '../utils/i18n';

/** Formats a source date: "2021" → "2021", "2021-06" → "June 2021", "2021-06-08" → "8 June 2021" (British English). Anything else is returned as given. */
export function formatPartialDate(isoDate: string): string {
  return translator().formatPartialDate(isoDate);
}

/** Formats an ISO 8601 time in the reader's time zone, e.g. "8 June 2021, 14:05". Unparseable input is returned as given. */
export function formatTimestamp(isoTime: string): string {
  return translator().formatTimestamp(isoTime);
}
