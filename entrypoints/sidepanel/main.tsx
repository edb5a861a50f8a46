import { render } from 'preact';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { extensionApi } from '@/utils/browser';
import { createSidePanelData } from '@/utils/sidepanel/sidepanel-data';

const root = document.getElementById('app');
if (root) render(<SidePanelApp data={createSidePanelData({ browser: extensionApi })} />, root);
