/**
 * The editor for adding or editing a note: the quoted passage, the note (light Markdown), tags,
 * a live character count, Save (Ctrl/Cmd+Enter) and Cancel (Escape).
 *
 * Limits are checked here, before saving, so the reader learns about them while their text is
 * still in front of them; the store checks them again. A failed save keeps everything typed.
 */

import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import {
  checkNoteBody,
  emptyNoteMessage,
  NOTE_MAX_LENGTH,
  overLimitMessage,
} from '../utils/store/note-rules';
import { parseTags } from './tags';
import { useUniqueId } from './unique-id';

/** What the caller's save reports back; `error` is shown to the reader as it is. */
export type NoteSaveResult = { ok: true } | { ok: false; error: string };

/** Props of {@link NoteEditor}. */
export interface NoteEditorProps {
  mode: 'add' | 'edit';
  /** The passage the note is on, shown above the editor. */
  quote: string;
  initialBody?: string;
  initialTags?: readonly string[];
  /** Receives the trimmed body and parsed tags; the editor stays open until the caller closes it. */
  onSave(input: { body: string; tags: string[] }): Promise<NoteSaveResult>;
  onCancel(): void;
  /** Told of every change, so the caller can keep a draft of what is typed but not saved. */
  onDraft?(draft: { body: string; tagsField: string }): void;
  /** A draft kept from an earlier visit: it wins over `initialBody` / `initialTags`. */
  draft?: { body: string; tagsField: string } | null;
  /** The dialog element, for the controller to position. */
  dialogRef?: Ref<HTMLDivElement>;
}

/** From this length on, the count turns into a warning. */
const NEAR_LIMIT = Math.floor(NOTE_MAX_LENGTH * 0.9);

/** The editor's messages, from the note rules; re-exported for the editor's callers and tests. */
export { emptyNoteMessage, overLimitMessage };

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The note editor, as a non-modal dialog named "Add note" or "Edit note". */
export function NoteEditor({
  mode,
  quote,
  initialBody = '',
  initialTags = [],
  onSave,
  onCancel,
  onDraft,
  draft = null,
  dialogRef,
}: NoteEditorProps) {
  const [body, setBody] = useState(draft?.body ?? initialBody);
  const [tagsField, setTagsField] = useState(draft?.tagsField ?? initialTags.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ field: 'body' | 'tags' | 'save'; message: string } | null>(
    null,
  );
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  // The caller usually unmounts the editor when a save succeeds; no state updates after that.
  const mounted = useRef(true);
  const ids = {
    heading: useUniqueId(),
    count: useUniqueId(),
    tagsHint: useUniqueId(),
    error: useUniqueId(),
  };

  // The caret goes to the note's end as the editor is drawn (editing usually continues there).
  // Not in the effect below, which runs later: by then the reader may have begun (a fast Ctrl+A,
  // a click in the text), and it would move the caret from under them.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    textarea?.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  useEffect(() => {
    // Focus keeps the field's selection, whatever the reader has made of it since.
    textareaRef.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  const length = body.trim().length;
  const countState = length > NOTE_MAX_LENGTH ? 'over' : length >= NEAR_LIMIT ? 'near' : 'ok';

  async function save() {
    if (saving) return;
    const trimmed = body.trim();
    const tags = parseTags(tagsField);
    const bodyProblem = checkNoteBody(trimmed);
    if (bodyProblem) {
      setError({ field: 'body', message: bodyProblem.message });
      textareaRef.current?.focus();
      return;
    }
    if (tags.error !== null) {
      setError({ field: 'tags', message: tags.error });
      tagsRef.current?.focus();
      return;
    }
    setError(null);
    setSaving(true);
    let result: NoteSaveResult;
    try {
      result = await onSave({ body: trimmed, tags: tags.tags });
    } catch (thrown) {
      const detail = thrown instanceof Error ? thrown.message : '';
      result = { ok: false, error: t('editor_save_failed', [detail]).trim() };
    }
    if (!mounted.current) return;
    setSaving(false);
    if (!result.ok) {
      setError({ field: 'save', message: result.error });
      textareaRef.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      // The page must not also act on this Escape (closing its own menus, leaving fullscreen).
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  const title = mode === 'add' ? t('common_add_note') : t('editor_edit_title');
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-labelledby={ids.heading}
      class="cp-popover cp-editor"
      data-kind="note"
      onKeyDown={onKeyDown}
    >
      <div class="cp-popover-header">
        <h2 id={ids.heading} class="cp-popover-heading">
          {title}
        </h2>
      </div>
      <form
        class="cp-editor-form"
        aria-busy={saving}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div class="cp-popover-body">
          {quote === '' ? null : (
            <blockquote class="cp-quote" aria-label={t('common_passage')} dir="auto">
              {quote}
            </blockquote>
          )}
          {draft ? <p class="cp-muted">{t('editor_draft_back')}</p> : null}
          <div class="cp-field">
            <label for={`${ids.heading}-body`}>{t('editor_note_label')}</label>
            <textarea
              id={`${ids.heading}-body`}
              ref={textareaRef}
              value={body}
              readOnly={saving}
              aria-invalid={error?.field === 'body'}
              aria-describedby={`${ids.count} ${ids.error}`}
              dir="auto"
              onInput={(event) => {
                setBody(event.currentTarget.value);
                onDraft?.({ body: event.currentTarget.value, tagsField });
              }}
            />
            <p id={ids.count} class="cp-count" data-state={countState}>
              {countState === 'over'
                ? overLimitMessage(length)
                : countState === 'near'
                  ? t('editor_chars_left', [NOTE_MAX_LENGTH - length])
                  : t('editor_chars_count', [length, NOTE_MAX_LENGTH])}
            </p>
            {/* Announces only crossing a threshold, not every keystroke. */}
            <p role="status" class="cp-visually-hidden">
              {countState === 'over'
                ? t('editor_over_limit', [NOTE_MAX_LENGTH])
                : countState === 'near'
                  ? t('editor_near_limit', [NOTE_MAX_LENGTH])
                  : ''}
            </p>
          </div>
          <div class="cp-field">
            <label for={`${ids.heading}-tags`}>{t('common_tags')}</label>
            <input
              id={`${ids.heading}-tags`}
              ref={tagsRef}
              type="text"
              value={tagsField}
              readOnly={saving}
              autoComplete="off"
              aria-invalid={error?.field === 'tags'}
              aria-describedby={`${ids.tagsHint} ${ids.error}`}
              onInput={(event) => {
                setTagsField(event.currentTarget.value);
                onDraft?.({ body, tagsField: event.currentTarget.value });
              }}
            />
            <p id={ids.tagsHint} class="cp-hint">
              {t('editor_tags_hint')}
            </p>
          </div>
          <p id={ids.error} role="alert" class="cp-error">
            {error?.message ?? ''}
          </p>
        </div>
        <div class="cp-popover-footer">
          <span class="cp-shortcut-hint">
            {t('editor_save_shortcut', [IS_APPLE ? '⌘+Enter' : 'Ctrl+Enter'])}
          </span>
          <button type="button" class="cp-button" onClick={onCancel}>
            {t('editor_cancel')}
          </button>
          <button
            type="submit"
            class="cp-button cp-button-primary"
            disabled={saving}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {saving ? t('editor_saving') : t('editor_save')}
          </button>
        </div>
      </form>
    </div>
  );
}
