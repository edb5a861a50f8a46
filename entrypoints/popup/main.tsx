import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { extensionApi } from '@/utils/browser';
import { createHostAccess } from '@/utils/popup/host-access';
import { createPopupData } from '@/utils/popup/popup-data';

const root = document.getElementById('app');
if (root) {
  render(
    <PopupApp
      data={createPopupData({ browser: extensionApi })}
      hostAccess={createHostAccess(extensionApi.permissions)}
    />,
    root,
  );
}
