/**
 * Elements inside a translated sentence ("choose <strong>Add note</strong>"): the sentence is
 * translated whole, with {@link SLOT} passed as the substitution where an element goes, so each
 * language puts it where its grammar wants it.
 */
import type { ComponentChild } from 'preact';

/** A character no message or reader types, marking where an element goes. */
export const SLOT = '\u0001';

/** The message split at its slots, with the elements in their places, in order. */
export function withSlots(message: string, elements: readonly ComponentChild[]): ComponentChild[] {
  return message
    .split(SLOT)
    .flatMap((text, index) => (index === 0 ? [text] : [elements[index - 1] ?? null, text]));
}
