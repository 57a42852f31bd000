/* global document */
// The message list: bubbles for what the person said and what the bot sent, cards, time dividers.
import { renderMarkdown, renderText } from './render-markdown.js';
import { fillCard, renderCard, replaceButtons } from './render-card.js';

const PARTS = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** "12月1日 周二 10:00" in China time, whatever the browser's own time zone. */
function chinaStamp(ms) {
  const p = Object.fromEntries(PARTS.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.month}月${p.day}日 ${p.weekday} ${p.hour}:${p.minute}`;
}
const STAMP_GAP_MS = 5 * 60_000;

export class ChatView {
  constructor(container, empty) {
    this.container = container;
    this.empty = empty;
    this.cards = new Map();
    /** Line id → its node, so a line from the history and the same line live show once. */
    this.lines = new Map();
    this.lastStampAt = 0;
    this.me = null;
    this.onCardClick = () => undefined;
  }

  reset(me) {
    this.me = me;
    this.cards.clear();
    this.lines.clear();
    this.lastStampAt = 0;
    this.container.replaceChildren();
    this.pending = null;
  }

  has(id) {
    return this.lines.has(id);
  }

  showEmpty() {
    this.container.replaceChildren(this.empty);
  }

  /** Adds one line (or applies it: card updates, take-backs); a line already shown is skipped. */
  add(event) {
    if (event.id && this.lines.has(event.id)) return;
    const node = this.draw(event);
    if (event.id) this.lines.set(event.id, node ?? null);
  }

  draw(event) {
    if (event.kind === 'unsaid') {
      this.lines.get(event.said)?.remove();
      return null;
    }
    if (event.kind === 'time') return this.append(this.divider(`⏩ ${event.note}`, 'divider-time'));
    if (event.kind === 'card-update') return this.updateCard(event);
    this.stamp(event.at);
    if (event.kind === 'said') return this.append(this.bubble('me', renderText(event.text)));
    if (event.msgtype === 'template_card' && event.card) {
      const taskId = event.taskId ?? event.card.task_id;
      const node = renderCard(event.card, (click, undo) => this.onCardClick(taskId, click, undo));
      if (taskId) this.cards.set(taskId, node);
      return this.append(this.bubble('bot', node, 'bubble-card'));
    }
    const body = event.msgtype === 'markdown' ? renderMarkdown(event.content ?? '') : renderText(event.content ?? '');
    return this.append(this.bubble('bot', body));
  }

  updateCard(event) {
    const node = this.cards.get(event.taskId);
    if (!node) return null;
    if (event.replaceName) replaceButtons(node, event.replaceName);
    else if (event.card) fillCard(node, event.card, (click, undo) => this.onCardClick(event.taskId, click, undo));
    return null;
  }

  /** "效能助手正在处理…" while a message is on its way through the callback. */
  setPending(on) {
    if (on && !this.pending) {
      this.pending = this.bubble('bot', document.createTextNode('效能助手正在处理…'), 'bubble-pending');
      this.append(this.pending);
    } else if (!on && this.pending) {
      this.pending.remove();
      this.pending = null;
    }
  }

  note(text) {
    this.append(this.divider(text, 'divider-error'));
  }

  stamp(at) {
    const ms = Date.parse(at);
    if (Number.isNaN(ms) || Math.abs(ms - this.lastStampAt) < STAMP_GAP_MS) return;
    this.lastStampAt = ms;
    this.append(this.divider(chinaStamp(ms), 'divider-stamp'));
  }

  divider(text, className) {
    const d = document.createElement('div');
    d.className = `divider ${className}`;
    const span = document.createElement('span');
    span.textContent = text;
    d.append(span);
    return d;
  }

  bubble(side, content, extra = '') {
    const row = document.createElement('div');
    row.className = `msg msg-${side}`;
    const avatar = document.createElement('span');
    avatar.className = side === 'bot' ? 'avatar avatar-bot' : 'avatar avatar-me';
    avatar.textContent = side === 'bot' ? '效' : (this.me?.name ?? '我').slice(-2);
    const bubble = document.createElement('div');
    bubble.className = `bubble ${extra}`.trim();
    bubble.append(content);
    row.append(avatar, bubble);
    return row;
  }

  append(node) {
    const atBottom = this.container.scrollHeight - this.container.scrollTop - this.container.clientHeight < 80;
    if (this.pending && node !== this.pending) this.container.insertBefore(node, this.pending);
    else this.container.append(node);
    if (atBottom || node === this.pending) this.container.scrollTop = this.container.scrollHeight;
    return node;
  }

  scrollToEnd() {
    this.container.scrollTop = this.container.scrollHeight;
  }
}
