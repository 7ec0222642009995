import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/Popup';
import '../../components/popup/popup.css';
import { createBrowserPlatform, pinnedTabId } from './browser-platform';

// Pinned in a tab (?tab=<id>) the popup lays out as a page column.
if (pinnedTabId(location.search) !== null) document.body.classList.add('pinned');

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup platform={createBrowserPlatform(location.search)} />);
