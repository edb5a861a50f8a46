import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { extensionApi } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { createHostAccess } from '@/utils/popup/host-access';
import { packFilesDataForPage } from '@/utils/popup/pack-files';
import { createPopupData } from '@/utils/popup/popup-data';

document.documentElement.lang = uiLanguage();
document.title = t('popup_title');
const root = document.getElementById('app');
if (root) {
  render(
    <PopupApp
      data={createPopupData({ browser: extensionApi })}
      packs={packFilesDataForPage(extensionApi, document, { inPopup: true })}
      hostAccess={createHostAccess(extensionApi.permissions)}
    />,
    root,
  );
}
