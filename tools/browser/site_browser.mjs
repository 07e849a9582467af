// site_browser.mjs — a built site folder in headless Chromium, for every
// program that needs one: the build's preview images (web/previews.mjs), the
// browser tests and the soak (tests/browser/harness.mjs builds on this) and
// the benchmarks (bench/run.mjs). It serves the folder on a free 127.0.0.1
// port and launches Debian's Chromium through playwright-core, installed
// here by scripts/setup.sh (no browser download). It imports nothing from
// tests/ or bench/: they use it, not the reverse.
import { once } from 'node:events';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export { chromium };
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  return port;
}

// Served as scripts/serve.py serves it: under the page's Content-Security-
// Policy, precompressed where the site has .br/.gz copies; `args` go to
// serve.py (--plain, --embed-from ORIGIN). { csp: false }: a plain static
// server with no headers of its own, for the benchmarks' comparison pages
// (which keep their scripts inline) and for what the page promises anywhere.
const SERVE_PY = new URL('../../scripts/serve.py', import.meta.url).pathname;
export async function serve(dir, { csp = true, args = [] } = {}) {
  const port = await freePort();
  const command = csp ? [SERVE_PY, dir, String(port), ...args]
                      : ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir];
  const proc = spawn('python3', command, { stdio: 'ignore' });
  for (let i = 0; i < 100; ++i) {   // wait until it answers
    try { const r = await fetch(`http://127.0.0.1:${port}/index.html`); if (r.ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}

// extraArgs: more Chromium flags (say --disable-webgl) after the usual ones.
export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
