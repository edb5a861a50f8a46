import { render } from 'preact';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { extensionApi } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { createSidePanelData } from '@/utils/sidepanel/sidepanel-data';

document.documentElement.lang = uiLanguage();
document.title = t('sidepanel_title');

const root = document.getElementById('app');
if (root) render(<SidePanelApp data={createSidePanelData({ browser: extensionApi })} />, root);
