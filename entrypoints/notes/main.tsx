import { render } from 'preact';
import { NotesManagerApp } from '@/components/popup/NotesManagerApp';
import { extensionApi } from '@/utils/browser';
import { createPopupData } from '@/utils/popup/popup-data';

const root = document.getElementById('app');
if (root) render(<NotesManagerApp data={createPopupData({ browser: extensionApi })} />, root);
