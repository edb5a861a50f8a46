import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type BoundCommand, HelpPage, strings } from '@/components/help/HelpPage';
import { readCommands, shortcutSettingsFor } from '@/components/help/help-wiring';
import { extensionApi as browser } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('help_title');

const settings = shortcutSettingsFor(browser, import.meta.env.BROWSER === 'firefox');

function App() {
  const [commands, setCommands] = useState<BoundCommand[] | null | 'unreadable'>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    readCommands(browser).then(setCommands, () => setCommands('unreadable'));
  }, []);
  return (
    <HelpPage
      commands={commands}
      settings={settings}
      settingsError={error}
      onOpenSettings={() => {
        setError('');
        if (settings.kind === 'open') settings.open().catch(() => setError(strings.settingsFailed));
      }}
      methodUrl={browser.runtime.getURL('/method.html')}
      aboutUrl={browser.runtime.getURL('/about.html')}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
