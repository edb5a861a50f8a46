/**
 * The notes manager (notes.html): the popup's notes area at full width, for reading, searching,
 * editing and exporting many notes at once.
 */
import { t } from '../../utils/i18n';
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
          <h1>{t('manager_title')}</h1>
          <p class="cp-muted">{t('manager_intro')}</p>
        </header>
        <main>
          <NotesArea data={data} />
        </main>
      </div>
    </div>
  );
}
