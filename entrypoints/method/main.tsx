import { render } from 'preact';
import { MethodPage } from '@/components/method/MethodPage';
import { bundledPacks } from '@/utils/packs';

const root = document.getElementById('app');
if (root) render(<MethodPage packs={bundledPacks} />, root);
