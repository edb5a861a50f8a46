/**
 * The notes manager (notes.html): the popup's notes area at full width, for reading, searching,
 * editing and exporting many notes at once.
 */
import type { NotesData } from '../../utils/popup/popup-data';
import { NotesArea } from './NotesArea';
import { MANAGER_CSS } from './styles';

/** Props: the data source (real or fake). */
export interface NotesManagerAppProps {
  data: NotesData;
}

/** The manager page's root component. */
export function NotesManagerApp({ data }: NotesManagerAppProps) {
  return (
    <div class="cp-theme cp-view cp-manager">
      <style>{MANAGER_CSS}</style>
      <div class="cp-manager-main">
        <header class="cp-header">
          <h1>Counterpoint notes</h1>
          <p class="cp-muted">
            Every note you have written, on every article. They are kept in this browser only.
          </p>
        </header>
        <main>
          <NotesArea data={data} />
        </main>
      </div>
    </div>
  );
}
