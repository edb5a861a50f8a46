/**
 * The interface's message keys, as types. The English messages file is the reference: its keys
 * are the only ones `t` accepts, so a misspelt key fails the typecheck. The file is imported for
 * its type only; at run time the browser reads `_locales/<lang>/messages.json` itself.
 */
import type english from '../../public/_locales/en/messages.json';

/** The English messages file's shape. */
export type EnglishMessages = typeof english;

/** Every message key. */
export type MessageKey = keyof EnglishMessages;

/** A key whose message takes substitutions (it has `placeholders`). */
export type KeyWithPlaceholders = {
  [K in MessageKey]: EnglishMessages[K] extends { placeholders: object } ? K : never;
}[MessageKey];

/** The arguments after the key: substitutions for keys with placeholders, nothing otherwise. */
export type SubstitutionArgs<K extends MessageKey> = K extends KeyWithPlaceholders
  ? [substitutions: readonly (string | number)[]]
  : [];

/**
 * The base of a plural message: `notes_count` when both `notes_count_one` and
 * `notes_count_other` exist (other CLDR categories fall back to `_other`).
 */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}_other`
    ? `${Base}_one` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/** True for a union of two or more members. */
type IsUnion<T, All = T> = T extends unknown ? ([All] extends [T] ? false : true) : never;

/**
 * The arguments after a plural base's count (always substitution $1): more substitutions when
 * its `_other` message has placeholders besides the count.
 */
export type PluralArgs<B extends PluralBase> = EnglishMessages[`${B}_other`] extends {
  placeholders: infer P;
}
  ? true extends IsUnion<keyof P>
    ? [substitutions: readonly (string | number)[]]
    : []
  : [];

/** The plural categories `Intl.PluralRules` can answer; the files hold `_one` and `_other`. */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
