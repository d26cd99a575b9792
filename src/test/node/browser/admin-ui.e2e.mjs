// The official Socket.IO Admin UI (@socket.io/admin-ui's page, served by the WAR at /admin-ui/) in headless
// Chromium, driven by playwright-core, against the conformance fixture (TIDEWIRE_URL, set by AdminUiBrowserIT),
// whose /admin namespace has auth off. A Node socket.io-client is the application's client the UI looks at.
// The UI (0.5.1) has no emit form: its commands are join, leave and disconnect; the test runs a disconnect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchChromium, SHOTS } from './chromium.mjs';
import { io } from 'socket.io-client';

const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
const WAIT = { timeout: 15000 };
const SIO_PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io';

let browser;
let client;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  client?.close();
  await browser?.close();
});

/** The application's client: a socket of /interop in a room of its own. */
async function interopClient(room) {
  const s = io(BASE.origin + '/interop', { path: SIO_PATH + '/', transports: ['websocket'], reconnection: false });
  await new Promise((resolve, reject) => { s.once('connect', resolve); s.once('connect_error', reject); });
  await new Promise((resolve) => s.emit('join', room, resolve));
  return s;
}

test('the served Admin UI shows a socket with its room, and its disconnect reaches the client', { timeout: 60000 }, async () => {
  client = await interopClient('seen-in-ui');
  const disconnected = new Promise((resolve) => client.once('disconnect', resolve));

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // what the UI's connection form would save: it then connects on load (auth off, so no credentials)
  await context.addInitScript(({ origin, sioPath }) => {
    localStorage.setItem('server_url', origin);
    localStorage.setItem('path', sioPath);
    localStorage.setItem('namespace', '/admin');
    localStorage.setItem('ws_only', 'false');
  }, { origin: BASE.origin, sioPath: SIO_PATH });
  // the page links fonts and icons on Google Fonts and jsDelivr: refused at once here, so that an unreachable
  // network cannot hold the page's first paint
  await context.route((url) => url.origin !== BASE.origin, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await page.goto(new URL('admin-ui/', BASE).toString());
    // the dashboard lists the namespaces of the first server_stats, which the server sends after all_sockets
    await page.getByText('/interop').first().waitFor(WAIT);
    // then the socket's own page (a hash route: the UI reads the socket from what it has received)
    await page.evaluate((route) => { window.location.hash = route; },
      `#/n/${encodeURIComponent('/interop')}/sockets/${client.id}`);
    await page.getByText(client.id, { exact: true }).first().waitFor(WAIT);
    await page.getByText('seen-in-ui').first().waitFor(WAIT);
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, 'admin-ui-failed.png') });
    console.log('page errors:', errors.map(String));
    throw e;
  }
  await page.screenshot({ path: path.join(SHOTS, 'admin-ui-socket.png') });

  // the socket's disconnect button (the client's one, above it, would close the whole connection)
  await page.locator('button:has(i.mdi-logout)').last().click();
  assert.equal(await disconnected, 'io server disconnect');
  assert.deepEqual(errors, []);
  await context.close();
});
