// The official Socket.IO v2 client's browser bundle (socket.io-client 2.x, dist/socket.io.js from node_modules) in
// headless Chromium with forceJSONP: Engine.IO v3's JSONP polling (GETs as <script> tags calling ___eio[j], POSTs as
// a hidden form into an iframe), from a page of another origin, against a deployment with tidewire.allowEIO3=true
// (TIDEWIRE_URL, set by Eio3JsonpBrowserIT).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchChromium } from '../browser/chromium.mjs';

const require = createRequire(import.meta.url);
const BUNDLE = path.join(path.dirname(require.resolve('socket.io-client-v2/package.json')), 'dist/socket.io.js');
const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
const SIO_PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io';
// The page: whatever the server answers at an unknown path, from http://localhost:<port> rather than the client's
// http://127.0.0.1:<port>, so the JSONP requests are cross-origin; a page of a routed, non-loopback origin would have
// its requests to loopback blocked by Chromium's Private Network Access rules.
const PAGE = Object.assign(new URL(BASE), { hostname: 'localhost', pathname: '/eio3-jsonp-test-page' }).toString();

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a v2 client in Chromium with forceJSONP: events, acks both ways, binary as base64', { timeout: 60000 },
  async (t) => {
    const started = Date.now();
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => {
      if (r.url().startsWith(BASE.origin)) requests.push({ method: r.method(), url: r.url(), type: r.resourceType() });
    });
    const network = []; // for the failure messages
    const t0 = Date.now();
    page.on('request', (r) => network.push(`+${Date.now() - t0} ms request ${r.method()} ${r.url()}`));
    page.on('requestfailed', (r) => network.push(`+${Date.now() - t0} ms failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => network.push(`+${Date.now() - t0} ms ${r.status()} ${r.request().method()} ${r.url()} ` +
      `${r.headers()['content-type']}`));
    // what the network layer saw, even of a response the page was not given
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.responseReceived', ({ response: r }) => {
      if (r.url.startsWith(BASE.origin)) {
        network.push(`+${Date.now() - t0} ms cdp ${r.status} ${r.url} ${JSON.stringify(r.headers)}`);
      }
    });
    cdp.on('Network.loadingFailed', (e) => network.push(`+${Date.now() - t0} ms cdp failed ${JSON.stringify(e)}`));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => network.push(`+${Date.now() - t0} ms console ${m.type()}: ${m.text()}`));
    await page.goto(PAGE);
    assert.equal(new URL(page.url()).hostname, 'localhost');
    // the bundle's own debug log (engine.io-client's), shown with the network log when the test fails
    await page.evaluate(() => localStorage.setItem('debug', 'engine.io-client:*'));
    await page.addScriptTag({ path: BUNDLE });
    const pageReady = Date.now() - started;

    const outcome = await page.evaluate(async ({ origin, path: sioPath }) => {
      const within = (p, what) => Promise.race([p, new Promise((_, reject) => setTimeout(
        () => reject(new Error(`${what}: nothing within 10 s`)), 10000))]);
      const toBytes = async (v) => [...new Uint8Array(v instanceof Blob ? await v.arrayBuffer() : v)];
      const mgr = new io.Manager(origin, {
        path: sioPath, transports: ['polling'], forceJSONP: true, reconnection: false,
      });
      const main = mgr.socket('/');
      const interop = mgr.socket('/interop');
      const connect = (s) => new Promise((resolve, reject) => {
        s.once('connect', resolve);
        s.once('connect_error', (e) => reject(new Error(`connect_error: ${e}`)));
        s.once('error', (e) => reject(new Error(`error: ${JSON.stringify(e)}`)));
      });
      await within(Promise.all([connect(main), connect(interop)]), 'connect');
      const transport = mgr.engine.transport;
      const ack = (s, ...args) => within(new Promise((resolve) => s.emit(...args, (...r) => resolve(r))), args[0]);
      const event = (s, name) => within(new Promise((resolve) => s.once(name, (...a) => resolve(a))), name);

      const back = event(main, 'message-back');
      main.emit('message', 'héllo 🌍', { n: [1, null, true] });
      const echoed = await back;
      const acked = await ack(main, 'message-with-ack', 1, 'two');
      const binBack = event(main, 'message-back');
      main.emit('message', new Uint8Array([1, 2, 255]).buffer);
      const [bin] = await binBack;
      interop.on('question', (a, cb) => cb('answer', a * 2));
      const [asked] = await ack(interop, 'request-ack', { timeout: 5000, event: 'question', args: [21] });
      // the v3 heartbeat over JSONP: the client's ping (a form POST) answered by a pong (in a script)
      await within(new Promise((resolve) => mgr.once('pong', resolve)), 'pong');
      const stillAcked = await ack(main, 'message-with-ack', 'after a ping');
      return {
        transport: transport.name,
        jsonpIndex: transport.query.j,
        supportsBinary: transport.supportsBinary,
        id: main.id,
        engineId: mgr.engine.id,
        echoed,
        acked,
        bin: await toBytes(bin),
        asked,
        stillAcked,
      };
    }, { origin: BASE.origin, path: `${SIO_PATH}/` }).catch((e) => {
      throw new Error(`${e.message}\n${network.join('\n')}`);
    });

    t.diagnostic(`page ready after ${pageReady} ms, the client's exchanges done after ${Date.now() - started} ms`);
    assert.deepEqual(errors, []);
    assert.equal(outcome.transport, 'polling');
    assert.equal(typeof outcome.jsonpIndex, 'number', 'the JSONP transport (its j= index)');
    assert.equal(outcome.supportsBinary, false);
    assert.equal(outcome.id, outcome.engineId);
    assert.deepEqual(outcome.echoed, ['héllo 🌍', { n: [1, null, true] }]);
    assert.deepEqual(outcome.acked, [1, 'two']);
    assert.deepEqual(outcome.bin, [1, 2, 255]);
    assert.deepEqual(outcome.asked, { ok: true, args: ['answer', 42] });
    assert.deepEqual(outcome.stillAcked, ['after a ping']);
    // what went over the wire: script GETs and form POSTs, all with j=
    const polls = requests.filter((r) => r.url.includes('transport=polling'));
    assert.ok(polls.some((r) => r.method === 'GET' && r.type === 'script'), JSON.stringify(polls));
    assert.ok(polls.some((r) => r.method === 'POST'), JSON.stringify(polls));
    assert.ok(polls.every((r) => /[?&]j=\d+/.test(r.url)), JSON.stringify(polls));
    assert.ok(!requests.some((r) => r.type === 'xhr' || r.type === 'fetch' || r.type === 'websocket'),
      JSON.stringify(requests));
    await context.close();
  });
