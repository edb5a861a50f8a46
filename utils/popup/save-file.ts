/**
 * Saving an export as a download from an extension page: an object URL and a clicked
 * `<a download>`. No `downloads` permission is needed for this, and nothing leaves the browser.
 */
import type { ExportFile } from './notes-transfer';

/** Starts the download of a file; the object URL is released once the click has been handled. */
export function saveFileWithLink(doc: Document, file: ExportFile): void {
  const view = doc.defaultView ?? window;
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const address = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = address;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  view.setTimeout(() => view.URL.revokeObjectURL(address), 60_000);
}
