// End-to-end tests of the chat demo (src/main/webapp, ChatNamespace, NewsFeed) in headless Chromium, driven by
// playwright-core, against the WAR in fixture mode (TIDEWIRE_URL, set by ChatBrowserIT). Each test opens two or
// three browser contexts (separate users). Screenshots of the main views go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchChromium, SHOTS } from './chromium.mjs';

const BASE = process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/';
const WAIT = { timeout: 15000 };

let browser;
const contexts = new Set();

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** A page of its own browser context (its own user), with the app loaded and the /chat socket connected. */
async function openUser(viewport = { width: 1100, height: 720 }) {
  const context = await browser.newContext({ viewport });
  contexts.add(context);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e));
  await page.goto(BASE);
  await page.waitForFunction(() => window.tidewireChat && window.tidewireChat.chat.connected, null, WAIT);
  page.on('console', (m) => { if (m.text().startsWith('[diag]')) console.log(m.text()); });
  await page.evaluate(() => {
    const { chat } = window.tidewireChat;
    chat.on('disconnect', (reason) => console.log('[diag] disconnect', chat.id, reason, new Date().toISOString()));
  });
  return page;
}

async function closeAll() {
  for (const c of contexts) await c.close();
  contexts.clear();
}

async function login(page, nick, room) {
  await page.fill('#nick-input', nick);
  if (room) await page.fill('#login-room', room);
  await page.click('#login-button');
  await page.waitForSelector('#chat-view:not([hidden])', WAIT);
  await page.waitForFunction((n) => document.querySelector('#me-nick').textContent === n, nick, WAIT);
}

async function send(page, text) {
  await page.fill('#message-input', text);
  await page.press('#message-input', 'Enter');
}

const members = (page) => page.$$eval('#member-list .member', (bs) => bs.map((b) => b.dataset.nick));
const bodies = (page) => page.$$eval('#messages .msg .body', (ps) => ps.map((p) => p.textContent));
const systemLines = (page) => page.$$eval('#messages .system', (ls) => ls.map((l) => l.querySelector('.system-text').textContent));

function waitForText(page, selector, text) {
  return page.waitForFunction(([s, t]) => [...document.querySelectorAll(s)].some((n) => n.textContent.includes(t)),
    [selector, text], WAIT);
}

async function waitForMembers(page, expected) {
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('#member-list .member')].map((b) => b.dataset.nick);
    return JSON.stringify(got) === JSON.stringify(want);
  }, expected, WAIT);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png') });
}

test('an invalid or taken nickname gets a clear message and a retry', async (t) => {
  t.after(closeAll);
  const first = await openUser();
  const second = await openUser();
  await shot(second, 'login');
  await login(first, 'Grace');

  await second.click('#login-button');
  await waitForText(second, '#login-error', 'Please choose a nickname.');
  await second.fill('#nick-input', 'a'.repeat(21));
  await second.click('#login-button');
  await waitForText(second, '#login-error', 'at most 20 characters');
  await second.fill('#nick-input', 'gr@ce!');
  await second.click('#login-button');
  await waitForText(second, '#login-error', "Use letters, digits");

  await second.fill('#nick-input', 'grace'); // the first user's name in another case: taken
  await second.click('#login-button');
  await waitForText(second, '#login-error', 'already taken');
  assert.equal(await second.isVisible('#login-view'), true);
  await shot(second, 'login-nickname-taken');

  await login(second, 'Grace2'); // the retry works
  await waitForMembers(first, ['Grace', 'Grace2']);
});

test('join notices, room chat, live member list and the online count', async (t) => {
  t.after(closeAll);
  const alice = await openUser();
  const bob = await openUser();
  await login(alice, 'alice');
  await waitForMembers(alice, ['alice']);
  await login(bob, 'bob');

  await waitForText(alice, '#messages .notice', 'bob has joined');
  await waitForMembers(alice, ['alice', 'bob']);
  await waitForMembers(bob, ['alice', 'bob']);
  await alice.waitForFunction(() => /^[2-9]\d* online$/.test(document.querySelector('#online-count').textContent), null, WAIT);

  await send(alice, 'Hi bob! How is the tide today?');
  // at once in the sender's own panel, and delivered to the other member by the server
  await waitForText(alice, '#messages .msg.mine .body', 'Hi bob!');
  await waitForText(bob, '#messages .msg .body', 'Hi bob!');
  assert.equal(await bob.textContent('#messages .msg:last-child .author'), 'alice');
  await send(bob, 'High and rising — ça monte!');
  await waitForText(alice, '#messages .msg .body', 'High and rising');
  await alice.waitForSelector('#messages .msg.mine:not(.pending)', WAIT);

  // the room directory and switching rooms
  await bob.fill('#room-input', 'Harbour');
  await bob.press('#room-input', 'Enter');
  await bob.waitForFunction(() => document.querySelector('#room-title').textContent === '#harbour', null, WAIT);
  await waitForText(alice, '#messages .notice', 'bob has left');
  await waitForMembers(alice, ['alice']);
  await waitForMembers(bob, ['bob']);
  await waitForText(alice, '#room-list .room', '#harbour');
  await send(alice, 'only the lobby hears this');
  await bob.click('#room-list .room[data-room="lobby"]');
  await waitForText(alice, '#messages .notice', 'bob has joined');
  await waitForMembers(alice, ['alice', 'bob']);
  assert.ok(!(await bodies(bob)).includes('only the lobby hears this'), 'a room message reached a non-member');
  await send(bob, 'Back in the lobby.');
  await waitForText(alice, '#messages .msg .body', 'Back in the lobby.');
  await shot(alice, 'chat-room');
  assert.deepEqual([...alice.errors, ...bob.errors], []);
});

test('a private message reaches only its target', async (t) => {
  t.after(closeAll);
  const ann = await openUser();
  const ben = await openUser();
  const cy = await openUser();
  await login(ann, 'ann');
  await login(ben, 'ben');
  await login(cy, 'cy');
  await waitForMembers(ann, ['ann', 'ben', 'cy']);

  await ann.click('#member-list .member[data-nick="ben"]'); // private mode by clicking a name
  assert.equal(await ann.textContent('#pm-target'), 'ben');
  await send(ann, 'psst, ben: the cake is in the fridge');
  await waitForText(ben, '#messages .msg.private .body', 'the cake is in the fridge');
  await waitForText(ann, '#messages .msg.mine.private .body', 'the cake is in the fridge');
  await send(cy, '/msg ANN hello from cy'); // the command form; nicknames match in any case
  await waitForText(ann, '#messages .msg.private .body', 'hello from cy');
  await send(ann, '/msg nobody are you there?');
  await waitForText(ann, '#messages .msg.failed .failure', 'Nobody called "nobody" is online.');
  await send(cy, 'a public line after the private ones');
  await waitForText(ben, '#messages .msg .body', 'a public line after the private ones');
  await waitForText(ann, '#messages .msg .body', 'a public line after the private ones');
  assert.ok(!(await bodies(cy)).some((b) => b.includes('the cake')), 'a private message reached a third user');
  assert.ok(!(await bodies(ben)).some((b) => b.includes('hello from cy')), 'a private message reached a third user');
  await shot(ben, 'chat-private-message');
});

test('who is typing is shown to the others in the room', async (t) => {
  t.after(closeAll);
  const dora = await openUser();
  const eli = await openUser();
  await login(dora, 'dora');
  await login(eli, 'eli');
  await waitForMembers(dora, ['dora', 'eli']);
  await eli.click('#message-input');
  await eli.keyboard.type('I am writing a long', { delay: 20 });
  await dora.waitForFunction(() => document.querySelector('#typing').textContent === 'eli is typing…', null, WAIT);
  assert.equal(await eli.textContent('#typing'), '');
  await shot(dora, 'chat-typing');
  await eli.press('#message-input', 'Enter'); // sending ends typing
  await waitForText(dora, '#messages .msg .body', 'I am writing a long');
  await dora.waitForFunction(() => document.querySelector('#typing').textContent === '', null, WAIT);
});

test('user text is shown as text, never run as HTML', async (t) => {
  t.after(closeAll);
  const mal = await openUser();
  const vic = await openUser();
  await login(mal, 'mallory');
  await login(vic, 'victor');
  await waitForMembers(vic, ['mallory', 'victor']);
  const attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>bold?</b>';
  await send(mal, attack);
  await send(mal, `/msg victor ${attack}`);
  await vic.waitForFunction((a) => [...document.querySelectorAll('#messages .msg .body')]
    .filter((p) => p.textContent === a).length === 2, attack, WAIT);
  await mal.waitForFunction((a) => [...document.querySelectorAll('#messages .msg .body')]
    .some((p) => p.textContent === a), attack, WAIT);
  // no element made from the text, so no script and no onerror handler can ever run: nothing to wait for
  assert.equal(await vic.$$eval('#messages script, #messages img, #messages .body b', (n) => n.length), 0);
  assert.equal(await mal.$$eval('#messages script, #messages img, #messages .body b', (n) => n.length), 0);
  assert.equal(await vic.evaluate(() => window.__pwned), undefined);
  assert.equal(await mal.evaluate(() => window.__pwned), undefined);
  // the room field of the login form is checked on the server too: markup is no room name
  await mal.fill('#room-input', '<img src=x>');
  await mal.press('#room-input', 'Enter');
  await waitForText(mal, '#join-error', 'Room names use letters');
  await shot(vic, 'chat-escaped-html');
});

test('a flood of messages hits the rate limit, shown as an error', async (t) => {
  t.after(closeAll);
  const fast = await openUser();
  await login(fast, 'speedy');
  for (let i = 1; i <= 25; i++) await send(fast, `message ${i}`);
  await fast.waitForSelector('#error-banner:not([hidden])', WAIT);
  assert.match(await fast.textContent('#error-banner'), /too fast/);
  await fast.waitForSelector('#messages .msg.failed', WAIT);
  await shot(fast, 'chat-rate-limited');
});

test('after a server-side disconnect the client reconnects and rejoins its room with its nickname', async (t) => {
  t.after(closeAll);
  const fay = await openUser();
  const gus = await openUser();
  await login(fay, 'fay', 'Reconnect Room');
  await login(gus, 'gus', 'Reconnect Room');
  await waitForMembers(fay, ['fay', 'gus']);
  const firstSocket = await fay.evaluate(() => window.tidewireChat.chat.id);

  // the fixture-only hook closes fay's Engine.IO transport on the server (as socket.conn.close())
  const response = await fetch(new URL('fixture/chat/drop?nick=fay', BASE), { method: 'POST' });
  assert.equal(response.status, 204);

  await waitForText(fay, '#messages .system', 'Connection lost. Reconnecting…');
  await waitForText(fay, '#messages .system', 'Reconnected. You are back in #reconnect room as fay.');
  await fay.waitForFunction(() => document.querySelector('#connection').dataset.state === 'connected', null, WAIT);
  assert.notEqual(await fay.evaluate(() => window.tidewireChat.chat.id), firstSocket);
  await waitForText(gus, '#messages .notice', 'fay has left');
  await waitForText(gus, '#messages .notice', 'fay has joined');
  await waitForMembers(gus, ['fay', 'gus']);
  assert.equal(await fay.textContent('#room-title'), '#reconnect room');
  await send(fay, 'still here');
  await waitForText(gus, '#messages .msg .body', 'still here');
  await shot(fay, 'chat-reconnected');
});

test('news: items only for subscribed topics; unsubscribing stops them', async (t) => {
  t.after(closeAll);
  const reader = await openUser();
  const other = await openUser();
  for (const page of [reader, other]) {
    await page.click('#tab-news');
    await page.waitForSelector('#topic-list .topic[data-topic="ACME"]', WAIT);
  }
  await reader.click('.topic[data-topic="ACME"]');
  await reader.click('.topic[data-topic="GLOBX"]');
  await other.click('.topic[data-topic="WAYNE"]');
  await reader.waitForSelector('.topic[data-topic="GLOBX"][aria-pressed="true"]', WAIT);
  const feed = (page) => page.$$eval('#news-feed .news-item', (ls) => ls.map((l) => l.dataset.topic));
  // every item the socket receives, whatever the page shows
  for (const page of [reader, other]) {
    await page.evaluate(() => {
      window.received = [];
      window.tidewireChat.news.on('item', (item) => window.received.push(item.topic));
    });
  }
  const receivedCount = (page, topic) => page.evaluate((tp) => window.received.filter((x) => x === tp).length, topic);
  await reader.waitForFunction(() => ['ACME', 'GLOBX'].every((tp) => window.received.filter((x) => x === tp).length >= 2), null, WAIT);
  await other.waitForFunction(() => window.received.filter((x) => x === 'WAYNE').length >= 2, null, WAIT);
  await shot(reader, 'news');
  assert.deepEqual(new Set(await feed(reader)), new Set(['ACME', 'GLOBX']));
  assert.deepEqual(new Set(await other.evaluate(() => window.received)), new Set(['WAYNE']));

  await reader.click('.topic[data-topic="ACME"]'); // unsubscribe
  await reader.waitForSelector('.topic[data-topic="ACME"][aria-pressed="false"]', WAIT);
  const acmeAfterUnsubscribe = await receivedCount(reader, 'ACME');
  const globx = await receivedCount(reader, 'GLOBX');
  await reader.waitForFunction((n) => window.received.filter((x) => x === 'GLOBX').length >= n + 3, globx, WAIT);
  assert.equal(await receivedCount(reader, 'ACME'), acmeAfterUnsubscribe, 'ACME items after unsubscribing');
  assert.deepEqual(new Set(await reader.evaluate(() => window.received)), new Set(['ACME', 'GLOBX']));
  assert.deepEqual(new Set(await other.evaluate(() => window.received)), new Set(['WAYNE']));
});

test('narrow screens: the layout fits and the sidebar is a drawer', async (t) => {
  t.after(closeAll);
  const phone = { width: 390, height: 780 };
  const hana = await openUser(phone);
  const ivo = await openUser(phone);
  await shot(hana, 'mobile-login');
  await login(hana, 'hana');
  await login(ivo, 'ivo');
  await send(ivo, 'Hello from a small screen, with a message long enough to wrap onto a second line.');
  await waitForText(hana, '#messages .msg .body', 'small screen');
  await send(hana, 'Looks good here.');
  const overflow = await hana.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'the page scrolls sideways on a narrow screen');
  const drawer = await hana.locator('#sidebar').boundingBox();
  assert.ok(drawer.x + drawer.width <= 1, 'the sidebar is not tucked away on a narrow screen');
  await shot(hana, 'mobile-chat');
  await hana.click('#menu-toggle');
  await hana.waitForSelector('#member-list .member[data-nick="ivo"]', { state: 'visible', ...WAIT });
  // the drawer's slide-in transition has ended once its left edge is at the screen's
  await hana.waitForFunction(() => document.querySelector('#sidebar').getBoundingClientRect().left >= 0, null, WAIT);
  await shot(hana, 'mobile-drawer');
});
