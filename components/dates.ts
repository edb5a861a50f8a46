/**
 * Dates as readers expect to see them. Research dates are partial ISO strings ("2021",
 * "2021-06", "2021-06-08") and are formatted by hand, not through `Date`, because parsing
 * "2021-06-08" gives UTC midnight, which shows as 7 June west of Greenwich.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Formats a source date: "2021" → "2021", "2021-06" → "June 2021", "2021-06-08" → "8 June 2021". Anything else is returned as given. */
export function formatPartialDate(isoDate: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(isoDate.trim());
  const year = match?.[1];
  if (!match || year === undefined) return isoDate;
  const month = match[2];
  if (month === undefined) return year;
  const monthName = MONTHS[Number(month) - 1];
  if (monthName === undefined) return isoDate;
  const day = match[3];
  if (day === undefined) return `${monthName} ${year}`;
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > 31) return isoDate;
  return `${dayNumber} ${monthName} ${year}`;
}

/** Formats an ISO 8601 time in the reader's time zone, e.g. "8 June 2021, 14:05". Unparseable input is returned as given. */
export function formatTimestamp(isoTime: string): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return isoTime;
  const hours = String(date.getHours()).padStart(2, '0');
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${hours}:${minutes}`;
}
