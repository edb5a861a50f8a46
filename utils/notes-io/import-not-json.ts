import { t } from '../i18n';

/** The first line of Counterpoint's own Markdown export. */
const MARKDOWN_EXPORT_HEADING = '# Counterpoint notes';

/** Why a file that cannot start a JSON text is refused, or null when it might be JSON. */
export function recogniseNonJson(text: string): string | null {
  const start = text.trimStart();
  if (start.startsWith(MARKDOWN_EXPORT_HEADING)) {
    return t('import_markdown_export');
  }
  if (/^[{["\d\-tfn]/.test(start)) return null;
  const sample = start.slice(0, 1000);
  // NUL bytes or undecodable bytes (shown as U+FFFD) mean the file is not text at all.
  if (/[\0\uFFFD]/.test(sample)) {
    return t('import_binary');
  }
  if (start.startsWith('<')) {
    return t('import_html');
  }
  if (start.startsWith('#')) {
    return t('import_markdown');
  }
  return t('import_not_json');
}

/**
 * A JSON syntax error in plain words, with where it is as an editor shows it ("line 3, column
 * 5"). Browsers word the error differently (V8: "at position 12", sometimes with "(line 1
 * column 13)"; Firefox: "at line 1 column 13 of the JSON data"); only the place is taken from it.
 */
/** JSON.parse's complaint in plain words, with the line and column where it can tell. */
export function describeJsonError(text: string, message: string): string {
  const position = /position (\d+)/i.exec(message);
  // An error past the last character (whatever the engine calls it) means the text was cut off.
  const atEnd =
    /end of (JSON input|data)/i.test(message) ||
    (position !== null && Number(position[1]) >= text.trimEnd().length);
  const place = errorPlace(text, message) ?? (atEnd ? placeOfOffset(text, text.length) : null);
  const where = place === null ? '' : ` ${t('import_place', [place.line, place.column])}`;
  if (atEnd) return t('import_cut_short', [where]);
  return t('import_out_of_place', [where]);
}

function errorPlace(text: string, message: string): { line: number; column: number } | null {
  const lineColumn = /line (\d+),? column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  if (position) return placeOfOffset(text, Number(position[1]));
  return null;
}

/** The 1-based line and column of a UTF-16 offset into the text. */
function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) {
    line += 1;
  }
  return { line, column: offset - lastBreak };
}
