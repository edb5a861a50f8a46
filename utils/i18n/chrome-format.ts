/**
 * How a browser fills in a `messages.json` entry, for the messages the tests read from the files:
 * `$name$` is the placeholder of that name (any case), whose `content` may refer to the
 * substitutions as `$1` … `$9`; `$$` is a dollar sign.
 */

/** One entry of a `messages.json` file. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A `messages.json` file. */
export type MessagesFile = Record<string, MessageEntry>;

/** The entry's message with its placeholders and substitutions filled in, as a browser does. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      value.content,
    ]),
  );
  const fill = (content: string): string =>
    content.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}

/** The placeholder names a message uses, lower-cased and sorted, to compare languages. */
export function placeholdersOf(entry: MessageEntry): string[] {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
  return [...new Set(used)].sort();
}
