// Tidewire chat demo: the browser side of /chat (ChatNamespace.java) and /news (NewsFeed.java).
// Plain JavaScript on the bundled client (/socket.io/socket.io.min.js). All user text goes into the page
// through textContent, never as HTML.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const chat = io('/chat');
  const news = io('/news');

  const state = {
    nick: null,          // granted nickname
    token: null,         // lets a reconnect take the nickname back from a stale connection
    room: null,          // current room
    wasConnected: false, // a 'connect' after a drop is a reconnect
    lostWhileChatting: false,
    maxLength: 500,
    pmTarget: null,
    typing: new Map(),   // nick -> timer clearing a stale indicator
    typingSent: false,
    typingTimer: null,
    localIds: 0,
    topics: [],
    subscribed: new Set(),
  };

  // ------------------------------------------------------------------ small DOM helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(ms) {
    const d = ms ? new Date(ms) : new Date();
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function showError(node, message) {
    node.textContent = message || '';
    show(node, Boolean(message));
  }

  const messages = $('messages');

  function append(item) {
    const nearBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
    messages.appendChild(item);
    while (messages.children.length > 300) messages.removeChild(messages.firstChild);
    if (nearBottom || item.classList.contains('mine')) messages.scrollTop = messages.scrollHeight;
    return item;
  }

  function systemLine(text, kind) {
    const li = el('li', 'system' + (kind ? ' ' + kind : ''));
    li.appendChild(el('span', 'system-text', text));
    li.appendChild(el('time', 'stamp', time()));
    return append(li);
  }

  function messageLine({ from, text, time: at, mine, privateTo, privateFrom }) {
    const li = el('li', 'msg' + (mine ? ' mine' : '') + (privateTo || privateFrom ? ' private' : ''));
    const head = el('div', 'msg-head');
    const who = el('span', 'author', mine ? 'You' : from);
    head.appendChild(who);
    if (privateTo) head.appendChild(el('span', 'pm-label', 'private to ' + privateTo));
    if (privateFrom) head.appendChild(el('span', 'pm-label', 'private'));
    head.appendChild(el('time', 'stamp', time(at)));
    li.appendChild(head);
    li.appendChild(el('p', 'body', text));
    li.dataset.from = mine ? state.nick : from;
    return append(li);
  }

  // ------------------------------------------------------------------ connection state

  const connection = $('connection');

  function setConnection(kind, label) {
    connection.className = 'pill pill-' + kind;
    connection.textContent = label;
    connection.dataset.state = kind;
  }

  chat.on('connect', () => {
    setConnection('connected', 'Connected');
    const reconnect = state.wasConnected;
    state.wasConnected = true;
    if (state.nick) relogin(); // back with the same nickname, in the same room
    else if (reconnect) showError($('login-error'), '');
  });

  chat.on('disconnect', (reason) => {
    setConnection('offline', reason === 'io client disconnect' ? 'Offline' : 'Reconnecting…');
    if (state.nick) {
      state.lostWhileChatting = true;
      systemLine('Connection lost. Reconnecting…', 'warn');
    }
    clearTyping();
  });

  chat.io.on('reconnect_attempt', () => setConnection('connecting', 'Reconnecting…'));
  chat.on('connect_error', () => setConnection('offline', 'Offline, retrying…'));

  function relogin() {
    const nick = state.nick;
    const room = state.room;
    chat.emit('login', nick, room, state.token, (reply) => {
      if (!reply || !reply.ok) {
        leaveChat((reply && reply.error) || 'Could not sign in again. Please pick a nickname.');
        return;
      }
      enterChat(reply);
      if (state.lostWhileChatting) {
        systemLine('Reconnected. You are back in #' + reply.room + ' as ' + reply.nick + '.', 'ok');
        state.lostWhileChatting = false;
      }
    });
  }

  // ------------------------------------------------------------------ login

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const nick = $('nick-input').value.trim();
    const room = $('login-room').value.trim();
    const problem = checkNick(nick);
    if (problem) {
      showError($('login-error'), problem);
      $('nick-input').focus();
      return;
    }
    if (!chat.connected) {
      showError($('login-error'), 'Not connected to the server yet. Please try again in a moment.');
      return;
    }
    $('login-button').disabled = true;
    chat.timeout(8000).emit('login', nick, room || null, null, (err, reply) => {
      $('login-button').disabled = false;
      if (err) {
        showError($('login-error'), 'The server did not answer. Please try again.');
        return;
      }
      if (!reply.ok) {
        showError($('login-error'), reply.error);
        $('nick-input').select();
        return;
      }
      showError($('login-error'), '');
      enterChat(reply);
      systemLine('Welcome, ' + reply.nick + '! You are in #' + reply.room + '.', 'ok');
    });
  });

  // The same rules as the server's (NicknameRegistry.validate), for a quick answer; the server decides.
  function checkNick(nick) {
    if (!nick) return 'Please choose a nickname.';
    if ([...nick].length > 20) return 'A nickname has at most 20 characters.';
    if (!/^[\p{L}\p{N}_.-]+$/u.test(nick)) return "Use letters, digits, '.', '_' or '-' only (no spaces or symbols).";
    return null;
  }

  function enterChat(reply) {
    state.nick = reply.nick;
    state.token = reply.token;
    if (reply.maxLength) state.maxLength = reply.maxLength;
    $('me-nick').textContent = reply.nick;
    setRoom(reply.room, reply.members);
    show($('login-view'), false);
    show($('chat-view'), true);
    show($('menu-toggle'), currentView === 'chat');
    $('message-input').focus();
  }

  function leaveChat(message) {
    state.nick = null;
    state.token = null;
    state.room = null;
    show($('chat-view'), false);
    show($('menu-toggle'), false);
    show($('login-view'), true);
    showError($('login-error'), message);
  }

  // ------------------------------------------------------------------ rooms and members

  function setRoom(room, members) {
    const changed = state.room !== room;
    state.room = room;
    $('room-title').textContent = '#' + room;
    $('members-room').textContent = '#' + room;
    $('message-input').placeholder = 'Message #' + room + '…';
    if (members) renderMembers(members);
    if (changed) clearTyping();
    markCurrentRoom();
  }

  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const room = $('room-input').value.trim();
    if (!room) {
      showError($('join-error'), 'Please enter a room name.');
      return;
    }
    joinRoom(room);
  });

  function joinRoom(room) {
    chat.emit('join', room, (reply) => {
      if (!reply.ok) {
        showError($('join-error'), reply.error);
        return;
      }
      showError($('join-error'), '');
      $('room-input').value = '';
      if (reply.room !== state.room) {
        const divider = el('li', 'divider');
        divider.appendChild(el('span', null, 'You are now in #' + reply.room));
        append(divider);
      }
      setRoom(reply.room, reply.members);
      closeDrawer();
      $('message-input').focus();
    });
  }

  function renderMembers(members) {
    const list = $('member-list');
    list.replaceChildren();
    for (const nick of members) {
      const li = el('li');
      const button = el('button', 'member', nick);
      button.type = 'button';
      button.dataset.nick = nick;
      if (nick === state.nick) {
        button.classList.add('self');
        button.disabled = true;
        button.appendChild(el('span', 'you-tag', ' (you)'));
      } else {
        button.title = 'Send a private message to ' + nick;
        button.addEventListener('click', () => startPrivate(nick));
      }
      li.appendChild(button);
      list.appendChild(li);
    }
    $('members-count').textContent = String(members.length);
  }

  let lastDirectory = [];

  function renderRooms(rooms) {
    lastDirectory = rooms;
    const list = $('room-list');
    list.replaceChildren();
    for (const { name, count } of rooms) {
      const li = el('li');
      const button = el('button', 'room', '#' + name);
      button.type = 'button';
      button.dataset.room = name;
      button.appendChild(el('span', 'count', String(count)));
      button.addEventListener('click', () => { if (name !== state.room) joinRoom(name); else closeDrawer(); });
      li.appendChild(button);
      list.appendChild(li);
    }
    markCurrentRoom();
  }

  function markCurrentRoom() {
    for (const b of $('room-list').querySelectorAll('button.room')) {
      b.classList.toggle('current', b.dataset.room === state.room);
      b.setAttribute('aria-current', b.dataset.room === state.room ? 'true' : 'false');
    }
  }

  chat.on('users', (count) => { $('online-count').textContent = count + ' online'; });
  chat.on('rooms', renderRooms);
  chat.on('members', ({ room, members }) => { if (room === state.room) renderMembers(members); });
  chat.on('notice', ({ room, kind, nick }) => {
    if (room !== state.room) return;
    if (kind === 'join' && nick === state.nick) return; // our own arrival has its own line
    const line = systemLine(nick + (kind === 'join' ? ' has joined' : ' has left'), 'notice ' + kind);
    line.dataset.nick = nick;
  });

  // ------------------------------------------------------------------ messages

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('message-input');
    let text = input.value;
    if (!text.trim()) return;
    let to = state.pmTarget;
    const command = /^\/msg\s+(\S+)\s+([\s\S]+)$/.exec(text);
    if (command) {
      to = command[1];
      text = command[2];
    } else if (/^\/msg\b/.test(text)) {
      banner('Usage: /msg nickname your message');
      return;
    }
    if (text.length > state.maxLength) {
      banner('Messages are limited to ' + state.maxLength + ' characters.');
      return;
    }
    input.value = '';
    updateCounter();
    stopTyping();
    const line = messageLine({ from: state.nick, text, mine: true, privateTo: to || undefined });
    line.classList.add('pending');
    const done = (reply) => {
      line.classList.remove('pending');
      if (!reply || !reply.ok) {
        line.classList.add('failed');
        line.appendChild(el('p', 'failure', 'Not sent: ' + ((reply && reply.error) || 'no answer')));
      }
    };
    if (to) chat.emit('private message', to, text, done);
    else chat.emit('message', text, done);
  });

  chat.on('message', ({ from, text, time: at, room }) => {
    if (room !== state.room) return;
    messageLine({ from, text, time: at });
    typingStopped(from);
  });

  chat.on('private message', ({ from, text, time: at }) => {
    messageLine({ from, text, time: at, privateFrom: true });
  });

  chat.on('chat error', ({ message }) => banner(message));

  // pushed by the REST API (POST /api/announcements), to everyone, to one room, or to this signed-in user
  chat.on('announcement', ({ text, room, user }) => {
    if (room && room !== state.room) return;
    systemLine((user ? 'For you: ' : 'Announcement: ') + text, 'announcement');
  });

  let bannerTimer = null;

  function banner(message) {
    const node = $('error-banner');
    node.textContent = message;
    show(node, true);
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(() => show(node, false), 5000);
  }

  function startPrivate(nick) {
    state.pmTarget = nick;
    $('pm-target').textContent = nick;
    show($('pm-chip'), true);
    closeDrawer();
    $('message-input').focus();
  }

  $('pm-cancel').addEventListener('click', () => {
    state.pmTarget = null;
    show($('pm-chip'), false);
    $('message-input').focus();
  });

  function updateCounter() {
    const length = $('message-input').value.length;
    const counter = $('char-count');
    show(counter, length > state.maxLength - 100);
    counter.textContent = length + '/' + state.maxLength;
    counter.classList.toggle('over', length > state.maxLength);
  }

  // ------------------------------------------------------------------ typing (volatile events)

  $('message-input').addEventListener('input', () => {
    updateCounter();
    if (!state.room) return;
    if (!$('message-input').value) {
      stopTyping();
      return;
    }
    if (!state.typingSent && !state.pmTarget && !$('message-input').value.startsWith('/')) {
      state.typingSent = true;
      chat.emit('typing', true);
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, 2500);
  });

  function stopTyping() {
    clearTimeout(state.typingTimer);
    if (state.typingSent) {
      state.typingSent = false;
      chat.emit('typing', false);
    }
  }

  chat.on('typing', ({ room, nick, typing }) => {
    if (room !== state.room || nick === state.nick) return;
    if (typing) {
      clearTimeout(state.typing.get(nick));
      state.typing.set(nick, setTimeout(() => typingStopped(nick), 6000));
      renderTyping();
    } else {
      typingStopped(nick);
    }
  });

  function typingStopped(nick) {
    if (!state.typing.has(nick)) return;
    clearTimeout(state.typing.get(nick));
    state.typing.delete(nick);
    renderTyping();
  }

  function clearTyping() {
    for (const timer of state.typing.values()) clearTimeout(timer);
    state.typing.clear();
    renderTyping();
  }

  function renderTyping() {
    const names = [...state.typing.keys()];
    let text = '';
    if (names.length === 1) text = names[0] + ' is typing…';
    else if (names.length === 2) text = names[0] + ' and ' + names[1] + ' are typing…';
    else if (names.length > 2) text = names.length + ' people are typing…';
    $('typing').textContent = text;
  }

  // ------------------------------------------------------------------ views (chat / news) and the narrow-screen drawer

  let currentView = 'chat';

  for (const tab of document.querySelectorAll('.tabs [role=tab]')) {
    tab.addEventListener('click', () => selectView(tab.dataset.view));
  }

  function selectView(view) {
    currentView = view;
    for (const tab of document.querySelectorAll('.tabs [role=tab]')) {
      tab.setAttribute('aria-selected', String(tab.dataset.view === view));
    }
    const chatting = Boolean(state.nick);
    show($('news-view'), view === 'news');
    show($('login-view'), view === 'chat' && !chatting);
    show($('chat-view'), view === 'chat' && chatting);
    show($('menu-toggle'), view === 'chat' && chatting);
    closeDrawer();
  }

  $('menu-toggle').addEventListener('click', () => {
    const open = !document.body.classList.contains('drawer-open');
    document.body.classList.toggle('drawer-open', open);
    $('menu-toggle').setAttribute('aria-expanded', String(open));
  });

  document.addEventListener('click', (event) => {
    if (!document.body.classList.contains('drawer-open')) return;
    if ($('sidebar').contains(event.target) || $('menu-toggle').contains(event.target)) return;
    closeDrawer();
  });

  function closeDrawer() {
    document.body.classList.remove('drawer-open');
    $('menu-toggle').setAttribute('aria-expanded', 'false');
  }

  // ------------------------------------------------------------------ news

  news.on('topics', (topics) => {
    state.topics = topics;
    const list = $('topic-list');
    list.replaceChildren();
    for (const { topic, name } of topics) {
      const button = el('button', 'topic', topic);
      button.type = 'button';
      button.title = name;
      button.dataset.topic = topic;
      button.setAttribute('aria-pressed', String(state.subscribed.has(topic)));
      button.addEventListener('click', () => toggleTopic(topic));
      list.appendChild(button);
    }
  });

  news.on('connect', () => {
    for (const topic of state.subscribed) news.emit('subscribe', topic, () => {});
  });

  function toggleTopic(topic) {
    const event = state.subscribed.has(topic) ? 'unsubscribe' : 'subscribe';
    news.emit(event, topic, (reply) => {
      if (!reply.ok) return;
      state.subscribed = new Set(reply.topics);
      for (const b of $('topic-list').querySelectorAll('button.topic')) {
        b.setAttribute('aria-pressed', String(state.subscribed.has(b.dataset.topic)));
      }
      for (const card of $('quotes').querySelectorAll('.quote')) {
        if (!state.subscribed.has(card.dataset.topic)) card.remove();
      }
      show($('news-empty'), state.subscribed.size === 0);
    });
  }

  // pushed every few seconds by an EJB timer (MarketClock)
  news.on('market', ({ time: at, watching }) => {
    $('market-clock').textContent = 'Server time ' + new Date(at).toLocaleTimeString() + ' · '
      + watching + (watching === 1 ? ' client' : ' clients') + ' watching';
  });

  news.on('item', (item) => {
    if (!state.subscribed.has(item.topic)) return;
    updateQuote(item);
    const li = el('li', 'news-item');
    li.dataset.topic = item.topic;
    li.appendChild(el('span', 'symbol', item.topic));
    li.appendChild(el('span', 'price', item.price.toFixed(2)));
    const change = el('span', 'change ' + (item.change >= 0 ? 'up' : 'down'),
      (item.change >= 0 ? '▲ +' : '▼ ') + item.change.toFixed(2));
    li.appendChild(change);
    li.appendChild(el('span', 'headline', item.headline || item.name));
    li.appendChild(el('time', 'stamp', new Date(item.time).toLocaleTimeString()));
    const feed = $('news-feed');
    feed.insertBefore(li, feed.firstChild);
    while (feed.children.length > 50) feed.removeChild(feed.lastChild);
  });

  function updateQuote(item) {
    let card = $('quotes').querySelector('.quote[data-topic="' + CSS.escape(item.topic) + '"]');
    if (!card) {
      card = el('div', 'quote');
      card.dataset.topic = item.topic;
      card.appendChild(el('span', 'symbol'));
      card.appendChild(el('span', 'name'));
      card.appendChild(el('span', 'price'));
      card.appendChild(el('span', 'change'));
      $('quotes').appendChild(card);
    }
    card.querySelector('.symbol').textContent = item.topic;
    card.querySelector('.name').textContent = item.name;
    card.querySelector('.price').textContent = item.price.toFixed(2);
    const change = card.querySelector('.change');
    change.textContent = (item.change >= 0 ? '▲ +' : '▼ ') + item.change.toFixed(2);
    change.className = 'change ' + (item.change >= 0 ? 'up' : 'down');
  }

  // exposed for the end-to-end tests and for curious readers in the console
  window.tidewireChat = { chat, news, state };
})();
