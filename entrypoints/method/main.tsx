import { render } from 'preact';
import { MethodPage } from '@/components/method/MethodPage';
import { extensionApi } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { bundledPacks } from '@/utils/packs';
import { packFilesDataForPage } from '@/utils/popup/pack-files';

document.documentElement.lang = uiLanguage();
document.title = t('common_how_checks');

const root = document.getElementById('app');
if (root) {
  render(
    <MethodPage packs={bundledPacks} packFiles={packFilesDataForPage(extensionApi, document)} />,
    root,
  );
}
