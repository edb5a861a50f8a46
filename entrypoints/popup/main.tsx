import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { extensionApi } from '@/utils/browser';
import { createPopupData } from '@/utils/popup/popup-data';

const root = document.getElementById('app');
if (root) render(<PopupApp data={createPopupData({ browser: extensionApi })} />, root);
