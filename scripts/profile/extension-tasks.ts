/**
 * What the extension's content script cost a page's main thread, from a
 * Chromium trace: the tasks it ran in, its CPU time in each, and the style
 * and layout passes it caused. Used by the browser benchmark only (through
 * probed-page.ts); the tests read the scanner's own slice timings instead.
 *
 * CPU time, not wall time: on a shared two-core machine a task's wall time
 * includes time the renderer waited for a core, and `longtask` entries carry
 * no attribution for extension scripts. A trace names the script of every
 * call, and its sampling profiler the script of every sample.
 */
import type { CDPSession } from 'playwright-core';

const CATEGORIES = [
  'extensions', // ScriptInjection::InjectJs: a content script's injection, its isolated world's creation included
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-devtools.timeline.stack',
];

export interface Trace {
  /** Ends the trace (once; later calls return the same events). */
  stop(): Promise<TraceEvent[]>;
}

/** Starts tracing the browser of this CDP session. One trace at a time per browser: stop it before the next. */
export async function startTrace(cdp: CDPSession): Promise<Trace> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value) events.push(ev as unknown as TraceEvent);
  });
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' },
    transferMode: 'ReportEvents',
  });
  let stopped: Promise<TraceEvent[]> | undefined;
  return {
    stop() {
      stopped ??= cdp.send('Tracing.end').then(async () => {
        await done;
        return events;
      });
      return stopped;
    },
  };
}

/** The CDP ids of a page's frames, its own and every iframe's. */
export async function frameIdsOf(cdp: CDPSession): Promise<string[]> {
  interface FrameTree {
    frame: { id: string };
    childFrames?: FrameTree[];
  }
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
  const ids: string[] = [];
  const collect = (t: FrameTree) => {
    ids.push(t.frame.id);
    for (const child of t.childFrames ?? []) collect(child);
  };
  collect(frameTree);
  return ids;
}

/** Whose work to look for in a trace. */
export interface ExtensionTrace {
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** The frames (CDP frame ids) whose content scripts count, the top frame first. */
  frameIds: readonly string[];
  /** Script URLs, besides the page's http(s) ones, whose work is not the extension's (a probe's sourceURL). */
  otherScripts?: readonly string[];
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; frame?: string; stackTrace?: { url: string; functionName?: string }[] };
    beginData?: { frame?: string; stackTrace?: { url: string; functionName?: string }[] };
    elementCount?: number;
  };
}

/**
 * One piece of main-thread work of the extension: a task in which the content
 * script ran ('script'), or a style recalculation / layout the content script
 * caused and the browser ran later on its own ('rendering', e.g. after
 * adopting a stylesheet).
 */
export interface ExtensionTask {
  kind: 'script' | 'rendering';
  /** For rendering work: the trace event (UpdateLayoutTree, Layout) and the function that caused it. */
  what?: string;
  /** Start, ms on the page's performance.now() clock. */
  start: number;
  /** Wall time of the whole task (ms). */
  taskWallMs: number;
  /** Wall time of the content script's own calls in it (ms). */
  scriptWallMs: number;
  /** CPU time of the content script's own calls in it (ms): the figure checked against 50 ms. */
  scriptCpuMs: number;
}

interface Sample {
  ts: number;
  node: number;
}

/**
 * The V8 sampling profiler's view of one thread, from the trace's Profile and
 * ProfileChunk events: which samples ran code of the extension. Needed because
 * an async function resumed by a native promise resolver (await, a
 * scheduler.postTask slice) runs as a microtask with no FunctionCall event
 * naming its script; its samples still carry the script's URL.
 */
function extensionSamples(
  events: TraceEvent[],
  extensionOrigin: string,
  isOtherCode: (url: string) => boolean,
): Map<string, { samples: Sample[]; origin: (node: number) => SampleOrigin }> {
  type Node = { url: string; parent?: number };
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, Node>; samples: Sample[] }>();
  for (const e of events as (TraceEvent & { id?: string; args?: { data?: ProfileData } })[]) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        time: e.args?.data?.startTime ?? e.ts,
        nodes: new Map(),
        samples: [],
      });
    } else if (e.name === 'ProfileChunk' && e.id) {
      const profile = profiles.get(`${e.pid}:${e.id}`);
      const data = e.args?.data;
      if (!profile || !data) continue;
      for (const n of data.cpuProfile?.nodes ?? [])
        profile.nodes.set(n.id, { url: n.callFrame?.url ?? '', parent: n.parent });
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i += 1) {
        profile.time += deltas[i] ?? 0;
        profile.samples.push({ ts: profile.time, node: samples[i] as number });
      }
    }
  }
  const byThread = new Map<string, { samples: Sample[]; origin: (node: number) => SampleOrigin }>();
  for (const profile of profiles.values()) {
    const memo = new Map<number, SampleOrigin>();
    // The outermost script with a URL on the stack decides: the extension's or the page's code.
    const origin = (id: number): SampleOrigin => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const node = profile.nodes.get(id);
      let result: SampleOrigin = 'other';
      if (node) {
        const parent = node.parent !== undefined ? origin(node.parent) : 'other';
        if (parent !== 'other') result = parent;
        else if (node.url.startsWith(extensionOrigin)) result = 'extension';
        else if (isOtherCode(node.url)) result = 'page';
      }
      memo.set(id, result);
      return result;
    };
    byThread.set(profile.thread, { samples: profile.samples.sort((a, b) => a.ts - b.ts), origin });
  }
  return byThread;
}

/** 'page' stands for any code that is not the extension's: the page's scripts, and a test probe's. */
type SampleOrigin = 'extension' | 'page' | 'other';

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: { id: number; parent?: number; callFrame?: { url?: string } }[]; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * The main-thread tasks in which the content script ran, each with the
 * content script's share of it. A task counts when it holds a call of the
 * content script (FunctionCall / EvaluateScript naming its URL, in the page's
 * frame) or profiler samples inside its code. When no code of the page ran in
 * it (no page or probe sample or call), the task is the extension's (GC and
 * style or layout it forced included) except for the browser's own work in it:
 * parsing, and style, layout and paint that no code of the extension forced.
 * Otherwise its share is the task's time × the fraction of the task's samples
 * spent in extension code. Never less than its own calls.
 */
export function extensionTasksIn(events: TraceEvent[], where: ExtensionTrace): ExtensionTask[] {
  const { extensionOrigin, frameIds } = where;
  const isOtherCode = (url: string) => /^https?:/.test(url) || (where.otherScripts?.includes(url) ?? false);
  const calls = events.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
      e.args?.data?.url?.startsWith(extensionOrigin) &&
      (e.args.data.frame === undefined || frameIds.includes(e.args.data.frame)),
  );
  // The top frame's thread (an iframe of another site may run in a process of its own).
  const first = calls.find((c) => c.args?.data?.frame === frameIds[0]) ?? calls[0];
  if (!first) return [];
  const thread = `${first.pid}:${first.tid}`;
  const runTasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts);
  const taskAt = (ts: number): TraceEvent | undefined => {
    let lo = 0;
    let hi = runTasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = runTasks[mid] as TraceEvent;
      if (t.ts > ts) hi = mid - 1;
      else if (t.ts + (t.dur ?? 0) < ts) lo = mid + 1;
      else return t;
    }
    return undefined;
  };

  interface Acc {
    task: TraceEvent;
    callWall: number;
    callCpu: number;
    /** The extension's outermost calls in the task, [start, end] in trace µs. */
    calls: [number, number][];
    sampled: number;
    sampledExtension: number;
    /** The browser's own work in the task (BROWSER_WORK), and where the last of it ends. */
    browserWall: number;
    browserCpu: number;
    browserEnd: number;
  }
  const acc = new Map<TraceEvent, Acc>();
  const get = (task: TraceEvent): Acc => {
    let a = acc.get(task);
    if (!a) {
      a = {
        task,
        callWall: 0,
        callCpu: 0,
        calls: [],
        sampled: 0,
        sampledExtension: 0,
        browserWall: 0,
        browserCpu: 0,
        browserEnd: -1,
      };
      acc.set(task, a);
    }
    return a;
  };

  const ours = calls.filter((c) => `${c.pid}:${c.tid}` === thread);
  // An injection of a content script creates its isolated world before evaluating it: the injection
  // that holds one of our evaluations is ours, the world's creation included.
  const evaluations = ours.filter((c) => c.name === 'EvaluateScript');
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ScriptInjection::InjectJs' || `${e.pid}:${e.tid}` !== thread) continue;
    const end = e.ts + (e.dur ?? 0);
    if (evaluations.some((c) => c.ts >= e.ts && c.ts + (c.dur ?? 0) <= end)) ours.push(e);
  }
  // Outermost calls only: a call nested in another one is already counted.
  let lastEnd = -1;
  for (const e of ours.sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= lastEnd) continue;
    lastEnd = end;
    const task = taskAt(e.ts);
    if (!task) continue;
    const a = get(task);
    a.calls.push([e.ts, end]);
    a.callWall += (e.dur ?? 0) / 1000;
    a.callCpu += (e.tdur ?? e.dur ?? 0) / 1000;
  }

  const profile = extensionSamples(events, extensionOrigin, isOtherCode).get(thread);
  const pageTasks = new Set<TraceEvent>();
  if (profile) {
    const { samples, origin } = profile;
    const sampledTotal = new Map<TraceEvent, number>();
    for (let i = 0; i < samples.length; i += 1) {
      const sample = samples[i] as Sample;
      const next = samples[i + 1];
      const span = next ? Math.min(next.ts - sample.ts, 10_000) : 0;
      const task = taskAt(sample.ts);
      if (!task) continue;
      sampledTotal.set(task, (sampledTotal.get(task) ?? 0) + span);
      const from = origin(sample.node);
      if (from === 'extension') get(task).sampledExtension += span;
      else if (from === 'page') pageTasks.add(task);
    }
    for (const [task, total] of sampledTotal) {
      const a = acc.get(task);
      if (a) a.sampled = total;
    }
  }
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript')) continue;
    if (!isOtherCode(e.args?.data?.url ?? '') || `${e.pid}:${e.tid}` !== thread) continue;
    const task = taskAt(e.ts);
    if (task) pageTasks.add(task);
  }
  // The browser's own work in the extension's tasks: a content script's document_start code and its
  // DOMContentLoaded listener run inside the parser's tasks, which on a large page also lay it out.
  for (const e of events) {
    if (e.ph !== 'X' || !BROWSER_WORK.has(e.name) || `${e.pid}:${e.tid}` !== thread) continue;
    const task = taskAt(e.ts);
    const a = task && acc.get(task);
    if (!a || pageTasks.has(a.task) || forcedBy(e, extensionOrigin)) continue;
    const end = e.ts + (e.dur ?? 0);
    if (a.calls.some(([from, to]) => e.ts >= from && end <= to)) continue; // inside a call: the call's own cost
    if (e.ts < a.browserEnd) continue; // nested in browser work already counted
    a.browserEnd = end;
    a.browserWall += (e.dur ?? 0) / 1000;
    a.browserCpu += (e.tdur ?? e.dur ?? 0) / 1000;
  }

  const scripts = [...acc.values()]
    .map((a): ExtensionTask => {
      const taskCpu = (a.task.tdur ?? a.task.dur ?? 0) / 1000;
      const taskWall = (a.task.dur ?? 0) / 1000;
      // With the page's code in the task, the samples tell the shares apart; without it, the task is the
      // extension's but for the browser's own work.
      const share = a.sampled > 0 ? a.sampledExtension / a.sampled : 0;
      const [wall, cpu] = pageTasks.has(a.task)
        ? [taskWall * share, taskCpu * share]
        : [taskWall - a.browserWall, taskCpu - a.browserCpu];
      return {
        kind: 'script',
        start: a.task.ts / 1000,
        taskWallMs: taskWall,
        scriptWallMs: Math.max(a.callWall, wall),
        scriptCpuMs: Math.max(a.callCpu, cpu),
      };
    })
    .filter((t) => t.scriptWallMs > 0 || t.scriptCpuMs > 0);
  return [...scripts, ...extensionRenderingIn(events, extensionOrigin, thread, runTasks, new Set(acc.keys()))].sort(
    (a, b) => a.start - b.start,
  );
}

/** Work of the browser's own in a task: parsing and the rendering steps. */
const BROWSER_WORK = new Set(['ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/** Whether a style or layout pass was forced by the extension's code (its stack names the extension). */
function forcedBy(e: TraceEvent, extensionOrigin: string): boolean {
  const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
  return stack.some((f) => f.url.startsWith(extensionOrigin));
}

const SCHEDULES: Record<string, string> = {
  ScheduleStyleRecalculation: 'UpdateLayoutTree',
  InvalidateLayout: 'Layout',
};

/**
 * Style recalculations and layouts the content script scheduled (the trace's
 * schedule event carries its stack) that the browser ran later, outside the
 * script's own tasks: the first such pass after each schedule.
 */
function extensionRenderingIn(
  events: TraceEvent[],
  extensionOrigin: string,
  thread: string,
  runTasks: TraceEvent[],
  scriptTasks: Set<TraceEvent>,
): ExtensionTask[] {
  const onThread = (e: TraceEvent) => `${e.pid}:${e.tid}` === thread;
  const passes = events.filter(
    (e) => e.ph === 'X' && onThread(e) && (e.name === 'UpdateLayoutTree' || e.name === 'Layout'),
  );
  passes.sort((a, b) => a.ts - b.ts);
  const out = new Map<TraceEvent, ExtensionTask>();
  for (const e of events) {
    const target = SCHEDULES[e.name];
    if (!target || !onThread(e)) continue;
    const caller = e.args?.data?.stackTrace?.find((f) => f.url.startsWith(extensionOrigin));
    if (!caller) continue;
    const pass = passes.find((p) => p.name === target && p.ts >= e.ts);
    if (!pass || out.has(pass)) continue;
    const inScriptTask = [...scriptTasks].some((t) => t.ts <= pass.ts && t.ts + (t.dur ?? 0) >= pass.ts);
    if (inScriptTask) continue; // forced inside the script's own task: already counted there
    const task = runTasks.find((t) => t.ts <= pass.ts && t.ts + (t.dur ?? 0) >= pass.ts);
    out.set(pass, {
      kind: 'rendering',
      what: `${pass.name}${pass.args?.elementCount ? ` of ${pass.args.elementCount} elements` : ''} caused by ${caller.functionName || '(anonymous)'}()`,
      start: pass.ts / 1000,
      taskWallMs: (task?.dur ?? pass.dur ?? 0) / 1000,
      scriptWallMs: (pass.dur ?? 0) / 1000,
      scriptCpuMs: (pass.tdur ?? pass.dur ?? 0) / 1000,
    });
  }
  return [...out.values()];
}
