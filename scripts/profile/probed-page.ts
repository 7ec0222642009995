/**
 * The page probe (scripts/page-probe.ts) with a Chromium trace on top, for the
 * browser benchmark: every main-thread task is attributed to the scripts that
 * ran in it (extension-tasks.ts). A task of the extension is one that runs its
 * content script; its cost is the CPU time (trace `tdur`) of the content
 * script's share of that task. `longtask` entries and LoAF cannot do this:
 * they carry no attribution for extension scripts, and wall-clock durations on
 * a shared two-core machine include time the renderer was descheduled.
 */
import type { ExtensionSession } from '../browser';
import { openPageProbe, type PageProbe, type PageProbeReport, PROBE_URL } from '../page-probe';
import { type ExtensionTask, extensionTasksIn, frameIdsOf, startTrace } from './extension-tasks';

export interface ProbeReport extends PageProbeReport {
  /** Tasks that ran the content script (trace clock); empty means it never ran on this page. */
  extensionTasks: ExtensionTask[];
}

export interface ProbedPage extends Omit<PageProbe, 'finish'> {
  /** Stops tracing and gathers everything. Call once, when the extension has finished. */
  finish(): Promise<ProbeReport>;
}

export async function openProbedPage(session: ExtensionSession): Promise<ProbedPage> {
  const probe = await openPageProbe(session);
  const trace = await startTrace(probe.cdp);
  return {
    ...probe,
    async dispose() {
      await trace.stop().catch(() => undefined);
      await probe.dispose();
    },
    async finish() {
      const report = await probe.finish();
      const frameIds = await frameIdsOf(probe.cdp); // the iframes' content scripts work on the same thread
      const events = await trace.stop();
      const extensionTasks = extensionTasksIn(events, {
        extensionOrigin: `chrome-extension://${session.extensionId}/`,
        frameIds,
        otherScripts: [PROBE_URL],
      });
      return { ...report, extensionTasks };
    },
  };
}
