/** Serves the popup's results ports (extension/results-port.ts) from the background's per-tab record. */
import { serveTabResults } from '../../extension/results-port';
import { tabInfo } from './messages';
import { collectFrameReports } from './tab-rebuild';
import { getTabResults, onTabResultsChange } from './tab-results';

export function registerResultsPort(): void {
  serveTabResults({
    resultsOf: async (tabId) => {
      const { url, title } = await tabInfo(tabId);
      return getTabResults(tabId, url, title, collectFrameReports);
    },
    onChange: onTabResultsChange,
  });
}
