/* global document */
// Draws a WeCom template card (text_notice / button_interaction …) from the JSON the bot sent.
import { link } from './render-markdown.js';

const SOURCE_COLORS = ['src-gray', 'src-black', 'src-red', 'src-green'];
const BUTTON_STYLES = { 1: 'btn-primary', 2: 'btn-secondary', 3: 'btn-danger', 4: 'btn-plain' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
  return node;
}

const str = (v) => (typeof v === 'string' ? v : '');

/**
 * Returns the card element. `onClick(button, setButtons)` is called for a key button; the card's
 * buttons are then disabled until `setButtons(true)` or a card update arrives.
 */
export function renderCard(card, onClick) {
  const root = el('div', 'card');
  if (card.task_id) root.dataset.taskId = card.task_id;
  fillCard(root, card, onClick);
  return root;
}

/** Replaces the card's content (a card update with a whole new card). */
export function fillCard(root, card, onClick) {
  root.replaceChildren();
  const source = card.source ?? {};
  const head = el('div', 'card-source');
  head.append(el('span', 'card-source-icon', '效'));
  head.append(el('span', SOURCE_COLORS[source.desc_color ?? 0] ?? 'src-gray', str(source.desc) || '效能助手'));
  root.append(head);

  const main = card.main_title ?? {};
  root.append(el('div', 'card-title', str(main.title)));
  if (main.desc) root.append(el('div', 'card-desc', str(main.desc)));

  const emphasis = card.emphasis_content;
  if (emphasis && (emphasis.title || emphasis.desc)) {
    const box = el('div', 'card-emphasis');
    box.append(el('div', 'card-emphasis-title', str(emphasis.title)), el('div', 'card-emphasis-desc', str(emphasis.desc)));
    root.append(box);
  }

  const quote = card.quote_area;
  if (quote && (quote.title || quote.quote_text)) {
    const box = el('div', 'card-quote');
    if (quote.title) box.append(el('div', 'card-quote-title', str(quote.title)));
    if (quote.quote_text) box.append(el('div', 'card-quote-text', str(quote.quote_text)));
    root.append(box);
  }

  if (card.sub_title_text) root.append(el('div', 'card-sub', str(card.sub_title_text)));

  const rows = Array.isArray(card.horizontal_content_list) ? card.horizontal_content_list : [];
  if (rows.length > 0) {
    const list = el('dl', 'card-kv');
    for (const row of rows) {
      const value = el('dd');
      if (row.type === 1 && row.url) value.append(link(str(row.url), str(row.value) || str(row.url)));
      else value.textContent = str(row.value) || str(row.userid);
      list.append(el('dt', '', str(row.keyname)), value);
    }
    root.append(list);
  }

  const jumps = Array.isArray(card.jump_list) ? card.jump_list : [];
  if (jumps.length > 0) {
    const box = el('div', 'card-jumps');
    for (const j of jumps) box.append(j.url ? link(str(j.url), str(j.title)) : el('span', '', str(j.title)));
    root.append(box);
  }

  const buttons = Array.isArray(card.button_list) ? card.button_list : [];
  // replace_text: the card was decided; WeCom shows one greyed-out button with this text instead.
  if (card.replace_text) replaceButtons(root, str(card.replace_text));
  else if (buttons.length > 0) root.append(renderButtons(root, buttons, onClick));
}

function renderButtons(root, buttons, onClick) {
  const bar = el('div', 'card-buttons');
  const setEnabled = (on) => bar.querySelectorAll('button').forEach((b) => (b.disabled = !on));
  for (const button of buttons) {
    if (button.type === 1 && button.url) {
      const a = link(str(button.url), str(button.text));
      a.className = `card-btn ${BUTTON_STYLES[button.style] ?? 'btn-primary'}`;
      bar.append(a);
      continue;
    }
    const b = el('button', `card-btn ${BUTTON_STYLES[button.style] ?? 'btn-primary'}`, str(button.text));
    b.type = 'button';
    b.dataset.key = str(button.key);
    b.addEventListener('click', () => {
      setEnabled(false);
      root.classList.add('card-pending');
      onClick(button, () => {
        root.classList.remove('card-pending');
        setEnabled(true);
      });
    });
    bar.append(b);
  }
  return bar;
}

/** A card update with `replace_name`: the buttons give way to one greyed-out label, as in WeCom. */
export function replaceButtons(root, replaceName) {
  root.classList.remove('card-pending');
  const bar = root.querySelector('.card-buttons') ?? root.appendChild(el('div', 'card-buttons'));
  const done = el('button', 'card-btn btn-done', replaceName);
  done.type = 'button';
  done.disabled = true;
  bar.replaceChildren(done);
}
