import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Selector } from '../anchoring/types';
import type { Note } from '../store/types';
import {
  CONTENT_REQUESTS,
  type ContentToBackground,
  EXTENSION_PAGE_REQUESTS,
  type ExtensionPageToBackground,
  FRAME_REQUESTS,
  type FrameToBackground,
  type MessageType,
  type NoteAnchor,
  type Protocol,
  type TabMessage,
} from './protocol';
import { requestSchemas, type tabMessageSchema, type targetSchema } from './schemas';

type SchemaOutput<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;
type SchemaInput<K extends MessageType> = v.InferInput<(typeof requestSchemas)[K]>;

// These are checked by the type checker (`npx tsc --noEmit`, part of `npm test`): a payload
// type written apart from its schema, or a schema changed without its senders, fails there.
describe('the message types are the schemas', () => {
  it('every request payload is exactly what its schema outputs, and accepts what it takes', () => {
    expectTypeOf<{ [K in MessageType]: Protocol[K]['request'] }>().toEqualTypeOf<{
      [K in MessageType]: SchemaOutput<K>;
    }>();
    expectTypeOf<{ [K in MessageType]: Protocol[K]['request'] }>().toEqualTypeOf<{
      [K in MessageType]: SchemaInput<K>;
    }>();
  });

  it('the anchoring engine’s selectors and the target schema describe one shape', () => {
    type Target = v.InferOutput<typeof targetSchema>;
    expectTypeOf<{ selectors: Selector[] }>().toExtend<Target>();
    expectTypeOf<Target>().toExtend<NoteAnchor['target']>();
    expectTypeOf<Note['target']>().toExtend<Target>();
  });

  it('the direction maps are slices of the one protocol', () => {
    expectTypeOf<ContentToBackground['page.opened']>().toEqualTypeOf<Protocol['page.opened']>();
    expectTypeOf<FrameToBackground['note.create']>().toEqualTypeOf<Protocol['note.create']>();
    expectTypeOf<ExtensionPageToBackground['notes.changed']>().toEqualTypeOf<
      Protocol['notes.changed']
    >();
    // The page-side layer never sends a request that carries note text.
    expectTypeOf<'note.create' | 'note.update' | 'panel.notes'>().not.toExtend<
      keyof ContentToBackground
    >();
    expectTypeOf<TabMessage>().toEqualTypeOf<v.InferOutput<typeof tabMessageSchema>>();
  });

  it('every request has a sender, and every listed request has a schema', () => {
    const sent = new Set<string>([
      ...CONTENT_REQUESTS,
      ...FRAME_REQUESTS,
      ...EXTENSION_PAGE_REQUESTS,
    ]);
    expect([...sent].sort()).toEqual(Object.keys(requestSchemas).sort());
  });
});
