import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Extension pages load jieba-wasm at run time (selection lookup), so they need
// 'wasm-unsafe-eval'; content scripts never do. Nothing else is allowed off the extension.
export default defineConfig({
  // Parallel builds (several e2e runs, the benchmark) can each use their own folder.
  outDir: process.env.YUANWEN_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader can follow the arrows.
  imports: false,
  // jieba-wasm's exports hide its .wasm; extension pages import it as `jieba-wasm-web-wasm?url` (an asset).
  vite: () => ({
    // Readable function names in profiles: YUANWEN_NO_MINIFY=1 npx wxt build.
    ...(process.env.YUANWEN_NO_MINIFY ? { build: { minify: false } } : {}),
    resolve: {
      alias: [
        // WXT's content-script context announces each start with a document event named after the extension
        // id and stops on that event: a page could read it, or forge it. See entrypoints/content/runtime-context.ts.
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./entrypoints/content/runtime-context.ts', import.meta.url)),
        },
        {
          find: /^jieba-wasm-web-wasm/,
          replacement: fileURLToPath(
            new URL('./node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm', import.meta.url),
          ),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: '原文 Yuanwen',
    description: 'Finds the passages a Chinese page quotes from a reference speech, and cites them.',
    // No clipboardWrite: every copy runs on the reader's click in an extension page, which the clipboard API
    // allows without it. webNavigation: each frame's committed document (documentId, to drop a superseded
    // page's reports), single-page route changes, and the frames of open tabs when the extension restarts.
    permissions: ['storage', 'tabs', 'contextMenus', 'webNavigation', 'scripting'],
    // The content script runs on every http(s) page already (its manifest entry asks for the same sites, with
    // the same install warning); scripting there lets a reloaded or updated extension restart it in open tabs.
    host_permissions: ['http://*/*', 'https://*/*'],
    // default-src and connect-src 'self': the browser itself refuses any request of an extension page to the
    // network, so "no network" is enforced, not only promised. jieba's wasm is fetched from the extension.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self';",
    },
    action: { default_title: '原文 Yuanwen' },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Toggle highlights on this page / 开关本页高亮',
      },
      _execute_action: { suggested_key: { default: 'Alt+Shift+Y' } },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'yuanwen@yuanwen.example',
              // 140: data_collection_permissions (and the CSS Custom Highlight API) on desktop; 142 on Android.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
