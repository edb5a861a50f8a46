/**
 * `npm run icons`: renders the icon's SVG source (docs/icon/icon.svg) to the PNG sizes the
 * stores and toolbars use. WXT finds `public/icon/<size>.png` and lists them in the manifest.
 * The PNGs are committed, so a build needs neither this script nor the renderer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The sizes Chrome and Firefox ask for: toolbar (16, 32), extensions page (48), store (128). */
const SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'docs', 'icon', 'icon.svg'), 'utf8');
const outDir = join(ROOT, 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(outDir, `${size}.png`), png);
  console.log(`public/icon/${size}.png (${png.length} bytes)`);
}
