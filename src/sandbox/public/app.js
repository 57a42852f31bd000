/* global document, window, fetch, URL, URLSearchParams, setTimeout, clearTimeout, Element */
// The sandbox page: who am I (from #u=… so each tab is its own person), the chat, sending, links.
import { ChatView } from './chat-view.js';
import { renderPeople } from './people-view.js';
import { openSharedStream } from './shared-stream.js';
import { initTimeControl } from './time-view.js';

const $ = (id) => document.getElementById(id);
const chat = new ChatView($('messages'), $('empty'));
const input = $('composer-input');
const sendButton = $('send');
const state = { staff: [], me: null, linkBase: null, unread: new Map(), buffer: null, loading: 0, live: false };
/** Phone layout: the width where people and clock move into a drawer and a sheet (as in sandbox.css). */
const narrow = window.matchMedia('(max-width: 760px)');
/** A touch keyboard: Enter makes a new line there and the 发送 button sends, as in WeCom's app. */
const touch = window.matchMedia('(pointer: coarse)');

function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 4000);
}

const time = initTimeControl($('time-label'), [...document.querySelectorAll('[data-time]')], toast, $('time-short'));

/** Why a request failed, in words for the person at the keyboard. */
class SendError extends Error {}

async function post(path, body) {
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new SendError('网络连接中断，消息未送达，请检查网络后重试');
  }
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new SendError(answer.message ?? `服务器出错（HTTP ${res.status}），请稍后重试`);
  return answer;
}

function currentUserid() {
  return new URLSearchParams(window.location.hash.slice(1)).get('u');
}

/** Extra controls per person in the list; the workbench sign-in can be added here. */
function personActions() {
  return [];
}

function drawPeople() {
  renderPeople(
    $('people'),
    state.staff,
    state.me?.userid,
    state.unread,
    (userid) => {
      window.location.hash = `u=${encodeURIComponent(userid)}`;
      closeDrawer();
    },
    personActions,
  );
}

// --- the people drawer and the clock sheet (phone) ---------------------------------------------
function openDrawer() {
  document.body.classList.add('drawer-open');
  $('people-toggle').setAttribute('aria-expanded', 'true');
  $('scrim').hidden = false;
}
function closeDrawer() {
  document.body.classList.remove('drawer-open');
  $('people-toggle').setAttribute('aria-expanded', 'false');
  $('scrim').hidden = !document.body.classList.contains('clock-open');
}
function toggleClock(open = !document.body.classList.contains('clock-open')) {
  document.body.classList.toggle('clock-open', open);
  $('clock-toggle').setAttribute('aria-expanded', String(open));
  $('scrim').hidden = !open && !document.body.classList.contains('drawer-open');
}
$('people-toggle').addEventListener('click', openDrawer);
$('people-close').addEventListener('click', closeDrawer);
$('empty-pick').addEventListener('click', () => (narrow.matches ? openDrawer() : $('people').querySelector('.person')?.focus()));
$('clock-toggle').addEventListener('click', () => toggleClock());
$('scrim').addEventListener('click', () => {
  closeDrawer();
  toggleClock(false);
});

function showHints() {
  input.placeholder = touch.matches || narrow.matches ? '输入消息，点“发送”' : 'Enter 发送，Shift+Enter 换行';
}
narrow.addEventListener('change', showHints);
showHints();

// --- the chat of the chosen person -----------------------------------------------------------
function isMine(line, userid) {
  switch (line.kind) {
    case 'said':
    case 'unsaid':
      return line.userid === userid;
    case 'message':
      return line.touser.includes(userid) || line.touser.includes('@all');
    case 'card-update':
      return line.atAll || line.userids.includes(userid);
    default:
      return true;
  }
}

function choose() {
  const userid = currentUserid();
  const me = state.staff.find((p) => p.userid === userid) ?? null;
  state.me = me;
  input.disabled = sendButton.disabled = !me;
  hideSendError();
  drawPeople();
  if (!me) {
    $('whoami').textContent = '请先选择你的身份';
    $('people-toggle').lastElementChild.textContent = '选择身份';
    chat.showEmpty();
    if (narrow.matches && state.staff.length > 0) openDrawer();
    return;
  }
  state.unread.delete(me.userid);
  document.title = `${me.name} · 效能助手沙盒`;
  $('whoami').textContent = `当前身份：${me.name} · ${me.department}${me.roles.length ? ' · ' + me.roles.join('、') : ''}`;
  $('people-toggle').lastElementChild.textContent = me.name;
  void loadHistory(me);
  if (!touch.matches) input.focus();
}

/**
 * The chat from the server's history (the database, so it survives restarts); lines that arrive on
 * the stream meanwhile wait in a buffer and go on top, each once.
 */
async function loadHistory(me) {
  const attempt = ++state.loading;
  state.buffer = [];
  chat.reset(me);
  try {
    const res = await fetch(`/sandbox/api/history?userid=${encodeURIComponent(me.userid)}`);
    if (!res.ok) throw new Error(String(res.status));
    const history = await res.json();
    if (attempt !== state.loading) return;
    for (const line of history.events) chat.add(line);
  } catch {
    if (attempt === state.loading) toast('读取聊天记录失败，显示的只是此后的新消息');
  }
  if (attempt !== state.loading) return;
  const waiting = state.buffer;
  state.buffer = null;
  for (const line of waiting) chat.add(line);
  chat.scrollToEnd();
}

function onLine(line) {
  if (line.kind === 'time') time.adopt(line.now);
  const me = state.me;
  if (me && isMine(line, me.userid)) {
    if (state.buffer) state.buffer.push(line);
    else chat.add(line);
    return;
  }
  // Lines replayed when the stream first opens are old news, not unread.
  if (line.kind === 'message' && state.live) {
    for (const u of line.touser) state.unread.set(u, (state.unread.get(u) ?? 0) + 1);
    drawPeople();
  }
}

const stream = openSharedStream({
  onEvent: onLine,
  onReady: () => {
    state.live = true;
    document.body.classList.add('stream-ready');
  },
  // The server started again: this run's memory is new, the database has the rest.
  onRestart: () => state.me && void loadHistory(state.me),
});
window.sandboxStream = stream;

// --- sending ---------------------------------------------------------------------------------
function showSendError(text) {
  const box = $('send-error');
  box.textContent = `发送失败：${text}。输入的内容已保留，可修改后重新发送。`;
  box.hidden = false;
}
function hideSendError() {
  $('send-error').hidden = true;
}

async function say(text) {
  const me = state.me;
  if (!me || text.trim() === '') return;
  hideSendError();
  chat.setPending(true);
  try {
    await post('/sandbox/api/say', { userid: me.userid, text });
  } catch (err) {
    // What was typed comes back into the box, before anything typed since.
    input.value = input.value.trim() === '' ? text : `${text}\n${input.value}`;
    showSendError(err instanceof SendError ? err.message : '未知错误');
  } finally {
    chat.setPending(false);
  }
}

// The answer comes once the bot has worked the tap, its card update included; as in WeCom, a card
// the bot did not update can be tapped again.
chat.onCardClick = async (taskId, click, done) => {
  if (!state.me) return done();
  try {
    await post('/sandbox/api/click', { userid: state.me.userid, taskId, eventKey: click.key, cardType: click.cardType, ...(click.selectedItems && { selectedItems: click.selectedItems }) });
  } catch (err) {
    toast(`操作未送达：${err instanceof SendError ? err.message : '未知错误'}`);
  } finally {
    done();
  }
};

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value;
  if (text.trim() === '') return;
  input.value = '';
  void say(text);
});
input.addEventListener('keydown', (e) => {
  // isComposing: Enter that confirms a Chinese IME candidate must not send the message.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !touch.matches) {
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

// --- links: the bot's own pages open beside the chat (a panel; full screen on a phone) ----------
/** The bot's link on this site, when it is one of the bot's pages; otherwise null. */
function ownPage(href) {
  let url;
  try {
    url = new URL(href, window.location.href);
  } catch {
    return null;
  }
  if (url.origin === window.location.origin) return url;
  if (state.linkBase && href.startsWith(state.linkBase)) return new URL(href.slice(state.linkBase.length) || '/', window.location.origin);
  return null;
}

function openBeside(url, title) {
  $('side-frame').src = url.href;
  $('side-open').href = url.href;
  $('side-title').textContent = title;
  $('side-panel').hidden = false;
  document.body.classList.add('side-open');
}
function closeBeside() {
  $('side-panel').hidden = true;
  $('side-frame').removeAttribute('src');
  document.body.classList.remove('side-open');
}
$('side-close').addEventListener('click', closeBeside);
$('messages').addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a) return;
  const url = ownPage(a.getAttribute('href'));
  if (!url) return;
  e.preventDefault();
  openBeside(url, a.textContent ?? '');
});

window.addEventListener('hashchange', choose);
fetch('/sandbox/api/staff')
  .then((res) => res.json())
  .then((body) => {
    state.staff = body.staff;
    state.linkBase = body.linkBase;
    choose();
  })
  .catch(() => toast('读取人员名单失败，请刷新页面'));
