/** Comparing screenshots pixel by pixel, decoded by the browser itself (no image library). */
import type { BrowserContext } from 'playwright-core';

/** How many pixels of two same-sized PNG screenshots differ in any colour channel. */
export async function differingPixels(
  context: BrowserContext,
  a: Buffer,
  b: Buffer,
): Promise<{ differing: number; total: number }> {
  const page = await context.newPage();
  try {
    const urls = [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`);
    return await page.evaluate(async ([first, second]) => {
      const pixels = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context2d = canvas.getContext('2d');
        if (!context2d) throw new Error('no 2d canvas');
        context2d.drawImage(image, 0, 0);
        return context2d.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await pixels(first!), await pixels(second!)];
      if (x.length !== y.length) throw new Error('the screenshots differ in size');
      let differing = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) differing++;
      }
      return { differing, total: x.length / 4 };
    }, urls);
  } finally {
    await page.close();
  }
}
