/* global document, window, fetch, EventSource, URLSearchParams, setTimeout, clearTimeout */
// The sandbox page: who am I (from #u=… so each tab is its own person), the chat stream, sending.
import { ChatView } from './chat-view.js';
import { renderPeople } from './people-view.js';
import { initTimeControl } from './time-view.js';

const $ = (id) => document.getElementById(id);
const chat = new ChatView($('messages'), $('empty'));
const input = $('composer-input');
const sendButton = $('send');
const state = { staff: [], me: null, stream: null, lastSeq: 0, unread: new Map() };

function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 4000);
}

const time = initTimeControl($('time-label'), [...document.querySelectorAll('[data-time]')], toast);

async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

function currentUserid() {
  return new URLSearchParams(window.location.hash.slice(1)).get('u');
}

function drawPeople() {
  renderPeople($('people'), state.staff, state.me?.userid, state.unread, (userid) => {
    window.location.hash = `u=${encodeURIComponent(userid)}`;
  });
}

function choose() {
  const userid = currentUserid();
  const me = state.staff.find((p) => p.userid === userid) ?? null;
  state.stream?.close();
  state.stream = null;
  state.me = me;
  state.lastSeq = 0;
  input.disabled = sendButton.disabled = !me;
  drawPeople();
  if (!me) {
    $('whoami').textContent = '请先在左侧选择你的身份';
    chat.showEmpty();
    return;
  }
  state.unread.delete(me.userid);
  document.title = `${me.name} · 效能助手沙盒`;
  $('whoami').textContent = `当前身份：${me.name} · ${me.department}${me.roles.length ? ' · ' + me.roles.join('、') : ''}`;
  chat.reset(me);
  connect(me.userid);
  input.focus();
}

function connect(userid) {
  // EventSource reconnects by itself and sends Last-Event-ID, so the server replays only what we missed.
  const stream = new EventSource(`/sandbox/api/events?userid=${encodeURIComponent(userid)}`);
  state.stream = stream;
  for (const kind of ['said', 'message', 'card-update', 'time']) {
    stream.addEventListener(kind, (e) => {
      const event = JSON.parse(e.data);
      if (event.seq <= state.lastSeq) return;
      state.lastSeq = event.seq;
      chat.add(event);
      if (kind === 'time') time.adopt(event.now);
    });
  }
  stream.addEventListener('activity', (e) => {
    const { touser } = JSON.parse(e.data);
    for (const u of touser) if (u !== userid) state.unread.set(u, (state.unread.get(u) ?? 0) + 1);
    drawPeople();
  });
  stream.addEventListener('ready', () => document.body.classList.add('stream-ready'));
}

async function say(text) {
  const me = state.me;
  if (!me || text.trim() === '') return;
  chat.setPending(true);
  try {
    await post('/sandbox/api/say', { userid: me.userid, text });
  } catch (err) {
    chat.note(`发送失败（${err.message}），请重试`);
  } finally {
    chat.setPending(false);
  }
}

chat.onCardClick = async (taskId, button, undo) => {
  if (!state.me) return;
  try {
    await post('/sandbox/api/click', { userid: state.me.userid, taskId, eventKey: button.key });
  } catch (err) {
    toast(`点击未送达（${err.message}）`);
    undo();
  }
};

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value;
  input.value = '';
  void say(text);
});
input.addEventListener('keydown', (e) => {
  // isComposing: Enter that confirms a Chinese IME candidate must not send the message.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});
for (const chip of document.querySelectorAll('.chip')) {
  chip.addEventListener('click', () => {
    if (chip.dataset.send) void say(chip.dataset.send);
    else {
      input.value = chip.dataset.fill ?? '';
      input.focus();
    }
  });
}

window.addEventListener('hashchange', choose);
fetch('/sandbox/api/staff')
  .then((res) => res.json())
  .then((body) => {
    state.staff = body.staff;
    choose();
  })
  .catch(() => toast('读取人员名单失败'));
