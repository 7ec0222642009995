/**
 * The popup's results port (extension/results-port.ts), both ends, against
 * fakeBrowser with hand-made ports (fakeBrowser has no runtime ports).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  type ResultsSource,
  resultsPortName,
  serveTabResults,
  tabOfPortName,
  watchTabResults,
} from '../../extension/results-port';
import type { TabResults } from '../../lib/messages';

type Listener = (...args: unknown[]) => void;

function fakePort(name: string, sender: { id?: string; url?: string }) {
  const onMessage = new Set<Listener>();
  const onDisconnect = new Set<Listener>();
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage: (m: unknown) => port.posted.push(m),
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage: { addListener: (l: Listener) => onMessage.add(l) },
    onDisconnect: { addListener: (l: Listener) => onDisconnect.add(l) },
    /** The other end sends `m`. */
    receive: (m: unknown) => {
      for (const l of onMessage) l(m);
    },
    /** The other end goes away. */
    close: () => {
      for (const l of onDisconnect) l(port);
    },
  };
  return port;
}

const results = (tabId: number, n: number): TabResults => ({
  tabId,
  url: 'https://news.example.cn/a.html',
  title: '标题',
  status: 'done',
  matches: [],
  frames: [{ frameId: 0, url: 'https://news.example.cn/a.html', status: 'done', count: n }],
});

/** The background's side: counts, per tab, and the change listeners it was given. */
function fakeSource() {
  const counts = new Map<number, number>();
  const listeners = new Set<(tabId: number) => void>();
  const source: ResultsSource = {
    resultsOf: async (tabId) => results(tabId, counts.get(tabId) ?? 0),
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    source,
    listeners,
    change(tabId: number, n: number) {
      counts.set(tabId, n);
      for (const l of listeners) l(tabId);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** runtime.onConnect, which fakeBrowser does not implement: the listeners the background added. */
let onConnect: ((port: unknown) => void)[] = [];
function connectPort(port: unknown): void {
  for (const l of onConnect) l(port);
}

beforeEach(() => {
  fakeBrowser.reset();
  onConnect = [];
  vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: (port: unknown) => void) => {
    onConnect.push(l);
  }) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('port names', () => {
  it('carry the tab id, and nothing else is a results port', () => {
    expect(tabOfPortName(resultsPortName(42))).toBe(42);
    for (const name of ['', 'yuanwen-tab-results:', 'yuanwen-tab-results:-1', 'yuanwen-tab-results:4x', 'other:4']) {
      expect(tabOfPortName(name), name).toBeNull();
    }
  });
});

describe('serveTabResults', () => {
  const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

  it('posts the tab results at once and after each change of that tab only, until the popup closes', async () => {
    const bg = fakeSource();
    serveTabResults(bg.source);
    const port = fakePort(resultsPortName(7), page());
    connectPort(port);
    await settle();
    expect(port.posted).toEqual([results(7, 0)]);
    bg.change(7, 3);
    bg.change(8, 5);
    await settle();
    expect(port.posted).toEqual([results(7, 0), results(7, 3)]);
    port.close();
    expect(bg.listeners.size).toBe(0);
    bg.change(7, 4);
    await settle();
    expect(port.posted).toHaveLength(2);
  });

  it('refuses a port opened by a content script or another extension', async () => {
    const bg = fakeSource();
    serveTabResults(bg.source);
    const senders = [
      { id: browser.runtime.id, url: 'https://evil.example/' },
      { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' },
      {},
    ];
    for (const sender of senders) {
      const port = fakePort(resultsPortName(7), sender);
      connectPort(port);
      await settle();
      expect(port.disconnected).toBe(true);
      expect(port.posted).toEqual([]);
    }
    expect(bg.listeners.size).toBe(0);
  });

  it('leaves other ports alone', async () => {
    serveTabResults(fakeSource().source);
    const port = fakePort('someone-else', page());
    connectPort(port);
    expect(port.disconnected).toBe(false);
    expect(port.posted).toEqual([]);
  });
});

describe('watchTabResults', () => {
  it('passes on what the background posts, connects again when the port closes, and stops when asked', async () => {
    vi.useFakeTimers();
    const ports: ReturnType<typeof fakePort>[] = [];
    const connect = vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
      const port = fakePort(info.name, {});
      ports.push(port);
      return port;
    }) as never);
    const seen: unknown[] = [];
    const stop = watchTabResults(7, (raw) => seen.push(raw));
    expect(connect).toHaveBeenCalledWith({ name: resultsPortName(7) });
    ports[0]?.receive('first');
    // The worker stopped: the port closed, and a new one opens a moment later.
    ports[0]?.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports).toHaveLength(2);
    ports[1]?.receive('second');
    expect(seen).toEqual(['first', 'second']);
    stop();
    expect(ports[1]?.disconnected).toBe(true);
    ports[1]?.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ports).toHaveLength(2);
  });
});
