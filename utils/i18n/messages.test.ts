/**
 * The messages files agree with each other and with the source: every language has every
 * English key and no other, with the same placeholders; every key is used somewhere; every key
 * the source or the manifest names exists. To check more folders, add them to SOURCE_ROOTS.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MessagesFile, placeholdersOf } from './chrome-format';
import { PLURAL_SUFFIXES } from './messages';

const ROOT = join(__dirname, '..', '..');
const LOCALES = join(ROOT, 'public', '_locales');

/** Where interface strings are looked for (files and folders, from the repository's root). */
const SOURCE_ROOTS = ['components', 'entrypoints', 'utils', 'wxt.config.ts'];

function readLocale(language: string): MessagesFile {
  return JSON.parse(readFileSync(join(LOCALES, language, 'messages.json'), 'utf8')) as MessagesFile;
}

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((name) => sourceFiles(join(path, name)));
}

/** The shipped source: no tests, no test fixtures or support. */
const SOURCE = SOURCE_ROOTS.flatMap(sourceFiles)
  .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$|test-setup\.ts$/.test(file))
  .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));

const english = readLocale('en');
const languages = readdirSync(LOCALES).sort();
const others = languages.filter((language) => language !== 'en');

/** A key as the source names it: a quoted literal, or `__MSG_key__` in the manifest. */
function isNamed(name: string): boolean {
  const quoted = new RegExp(`['"\`]${name}['"\`]|__MSG_${name}__`);
  return SOURCE.some(({ text }) => quoted.test(text));
}

/** A plural key (`notes_count_one`) is used when its base (`notes_count`) is. */
function baseOf(key: string): string | null {
  const suffix = PLURAL_SUFFIXES.find((category) => key.endsWith(`_${category}`));
  return suffix === undefined ? null : key.slice(0, -(suffix.length + 1));
}

describe('messages files', () => {
  it('ships English, Spanish and French', () => {
    expect(languages).toEqual(['en', 'es', 'fr']);
  });

  it.each(others)('%s has every English key and no other', (language) => {
    const keys = Object.keys(readLocale(language));
    const missing = Object.keys(english).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s uses the same placeholders as English in every message', (language) => {
    const file = readLocale(language);
    const differing = Object.keys(english).filter((key) => {
      const theirs = file[key];
      const ours = english[key];
      return (
        theirs !== undefined &&
        ours !== undefined &&
        placeholdersOf(theirs).join() !== placeholdersOf(ours).join()
      );
    });
    expect(differing).toEqual([]);
  });

  it.each(languages)(
    '%s: every message is written and defines the placeholders it uses',
    (language) => {
      const problems = Object.entries(readLocale(language)).flatMap(([key, entry]) => {
        const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
        const undefinedNames = placeholdersOf(entry).filter((name) => !defined.includes(name));
        return [
          ...(entry.message.trim() === '' ? [`${key}: empty`] : []),
          ...(/^[A-Za-z0-9_@]+$/.test(key) ? [] : [`${key}: not a valid key`]),
          ...undefinedNames.map((name) => `${key}: $${name}$ is not defined`),
        ];
      });
      expect(problems).toEqual([]);
    },
  );

  it('every plural message has its _one and _other forms', () => {
    const bases = new Set(Object.keys(english).flatMap((key) => baseOf(key) ?? []));
    const incomplete = [...bases].filter(
      (base) => !(`${base}_one` in english && `${base}_other` in english),
    );
    expect(incomplete).toEqual([]);
  });

  it('every English key is used in the source', () => {
    const unused = Object.keys(english).filter((key) => {
      const base = baseOf(key);
      return !isNamed(key) && (base === null || !isNamed(base));
    });
    expect(unused).toEqual([]);
  });

  it('every key the manifest names exists', () => {
    const named = SOURCE.flatMap(({ text }) =>
      [...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((match) => match[1] ?? ''),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((key) => !(key in english))).toEqual([]);
  });
});
