import { normaliseHostname } from './hostname';
import type { Settings } from './types';

/** Whether Yuanwen is off on this host: switched off everywhere, or paused for the site. */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return true;
  const host = normaliseHostname(hostname);
  return host !== null && settings.pausedSites.includes(host);
}
