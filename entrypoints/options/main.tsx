import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsPage, type ShortcutInfo } from '../../components/options/OptionsPage';
import '../../components/options/options.css';
import { settingsStore } from '../../extension/settings';

async function shortcuts(): Promise<ShortcutInfo[] | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '', description: c.description }));
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root');
if (root) {
  void shortcuts().then((list) =>
    createRoot(root).render(
      <OptionsPage
        store={settingsStore}
        browserLanguage={navigator.language}
        shortcuts={list}
        confirm={(message) => window.confirm(message)}
      />,
    ),
  );
}
