/**
 * Suite-wide: no e2e session may see the extension make a network request.
 * Wired as a vitest setup file (vitest.e2e.config.ts), it watches every
 * session launchWithExtension() opens (tests/e2e/network.ts) and fails the
 * file's teardown, listing the requests, when the extension's service worker,
 * pages or content scripts requested anything outside the extension.
 * A test that loads a deliberately leaky extension exempts its session with
 * allowNetwork().
 */
import { type ExtensionSession, sessionHooks } from '../../scripts/browser';
import { watchExtensionNetwork } from './network';

const exempt = new WeakSet<ExtensionSession>();

/** For tests of the check itself: this session's requests are expected. */
export function allowNetwork(session: ExtensionSession): void {
  exempt.add(session);
}

const INSTALLED = Symbol.for('yuanwen.e2e.no-network');
const registry = globalThis as { [INSTALLED]?: boolean };
if (!registry[INSTALLED]) {
  registry[INSTALLED] = true;
  sessionHooks.push((session) => {
    const watch = watchExtensionNetwork(session.context);
    const close = session.close;
    session.close = async () => {
      const offending = watch.offending();
      await watch.stop().catch(() => undefined);
      await close();
      if (offending.length > 0 && !exempt.has(session))
        throw new Error(
          `The extension made ${offending.length} network request(s) during this file:\n${offending.map((r) => `  ${r.url} (from ${r.from})`).join('\n')}`,
        );
    };
  });
}
