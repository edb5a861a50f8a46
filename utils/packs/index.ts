/**
 * The context packs shipped inside the extension, validated before anything may use them.
 *
 * Matching a page to a pack is the caller's job (it needs the page's headline and fingerprint);
 * this module only owns the list and its validation.
 */
import amloHarris2021 from './amlo-harris-2021.pack.json';
import { validatePack } from './schema';
import type { ContextPack } from './types';

/** A pack as it arrives from the bundle: unchecked data, named by its file for error messages. */
interface RawBundledPack {
  file: string;
  data: unknown;
}

/** Every pack file bundled with the extension. Add new packs here. */
const RAW_PACKS: readonly RawBundledPack[] = [
  { file: 'amlo-harris-2021.pack.json', data: amloHarris2021 },
];

/**
 * Validates every bundled pack. Never throws: a broken pack is left out and its problems are
 * returned as messages prefixed with its file name, so one bad file cannot take the others down.
 */
export function loadBundledPacks(): { packs: ContextPack[]; errors: string[] } {
  const packs: ContextPack[] = [];
  const errors: string[] = [];
  for (const { file, data } of RAW_PACKS) {
    const result = validatePack(data);
    if (result.ok) packs.push(result.pack);
    else errors.push(...result.errors.map((error) => `${file}: ${error}`));
  }
  return { packs, errors };
}

/** The bundled packs that passed validation, checked once when this module loads. */
export const bundledPacks: readonly ContextPack[] = loadBundledPacks().packs;
