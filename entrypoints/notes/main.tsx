import { render } from 'preact';
import { NotesManagerApp } from '@/components/popup/NotesManagerApp';
import { extensionApi } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { createPopupData } from '@/utils/popup/popup-data';

document.documentElement.lang = uiLanguage();
document.title = t('manager_title');
const root = document.getElementById('app');
if (root) render(<NotesManagerApp data={createPopupData({ browser: extensionApi })} />, root);
