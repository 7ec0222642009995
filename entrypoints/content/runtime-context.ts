/**
 * Replaces WXT's ContentScriptContext for the content script (aliased in
 * wxt.config.ts). WXT's context announces each start with a document event
 * named after the extension id, and invalidates itself when it sees that
 * event from "another copy": a page can read the first (and learn the
 * extension is installed) and dispatch the second (and switch the script
 * off). This one dispatches and listens to nothing the page shares: it is
 * invalid only when the extension's runtime is gone (reloaded, updated,
 * removed), which the content script checks itself.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!browser.runtime?.id) this.notifyInvalidated();
    return this.controller.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }

  notifyInvalidated(): void {
    if (!this.controller.signal.aborted) this.controller.abort('Content script context invalidated');
  }
}
