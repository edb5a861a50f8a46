/**
 * The popup's switches: claim highlights, note highlights, and pausing Counterpoint on the
 * current site. A change is written at once and applies to every open tab; changes made
 * elsewhere (the toggle command, another window's popup) show here as they happen.
 */

import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { useUniqueId } from '../unique-id';
import { Switch } from './Switch';

/** What the panel reads and writes (a slice of PopupData). */
export interface SettingsSource {
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
}

/** Props of {@link SettingsPanel}. */
export interface SettingsPanelProps {
  data: SettingsSource;
  /** The current tab's host without "www.", when it is a web page that can be paused. */
  host: string | undefined;
}

/** The "Highlights" section. */
export function SettingsPanel({ data, host }: SettingsPanelProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const headingId = useUniqueId('cp-settings');

  useEffect(() => {
    let live = true;
    const stop = data.watchSettings((next) => {
      if (live) setSettings(next);
    });
    data
      .readSettings()
      .then((read) => {
        // A change that arrived while reading is newer than what was read.
        if (live) setSettings((current) => current ?? read);
      })
      .catch((thrown: unknown) => {
        if (live) setError(t('settings_unreadable', [messageOf(thrown)]));
      });
    return () => {
      live = false;
      stop();
    };
  }, [data]);

  function change(update: (current: Settings) => Partial<Settings>) {
    if (settings === null) return;
    const previous = settings;
    // Shown at once; undone if the write fails.
    setSettings({ ...settings, ...update(settings) });
    setError('');
    data.updateSettings(update).then(setSettings, (thrown: unknown) => {
      setSettings(previous);
      setError(t('settings_not_saved', [messageOf(thrown)]));
    });
  }

  const paused = settings !== null && host !== undefined && settings.pausedHosts.includes(host);
  return (
    <section class="cp-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings_heading')}</h2>
      {settings === null ? (
        error === '' ? (
          <p class="cp-muted">{t('settings_loading')}</p>
        ) : null
      ) : (
        <div class="cp-switches">
          <Switch
            label={t('settings_claim_highlights')}
            checked={settings.claimHighlights}
            onChange={(on) => change(() => ({ claimHighlights: on }))}
          />
          <Switch
            label={t('settings_note_highlights')}
            checked={settings.noteHighlights}
            onChange={(on) => change(() => ({ noteHighlights: on }))}
          />
          {host === undefined ? null : (
            <Switch
              label={t('settings_pause_site')}
              checked={paused}
              hint={paused ? t('settings_paused_hint', [host]) : t('settings_pause_hint', [host])}
              onChange={(on) =>
                change((current) => ({
                  pausedHosts: on
                    ? [...current.pausedHosts.filter((known) => known !== host), host]
                    : current.pausedHosts.filter((known) => known !== host),
                }))
              }
            />
          )}
        </div>
      )}
      <p role="alert" class="cp-error-box">
        {error}
      </p>
    </section>
  );
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
