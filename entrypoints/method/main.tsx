import { render } from 'preact';
import { MethodPage } from '@/components/method/MethodPage';
import { extensionApi } from '@/utils/browser';
import { bundledPacks } from '@/utils/packs';
import { packFilesDataForPage } from '@/utils/popup/pack-files';

const root = document.getElementById('app');
if (root) {
  render(
    <MethodPage packs={bundledPacks} packFiles={packFilesDataForPage(extensionApi, document)} />,
    root,
  );
}
