/* global document */
// Draws any WeCom template card from the JSON the bot sent, field by field as WeCom's own client lays
// them out: text_notice, news_notice, button_interaction, vote_interaction, multiple_interaction.
// Interactive parts (buttons, the card's "…" menu, a choice with its submit button) call
// onClick({ key, cardType, selectedItems }), which the page posts as the card's click callback.
import { link } from './render-markdown.js';

const SOURCE_COLORS = ['src-gray', 'src-black', 'src-red', 'src-green'];
const BUTTON_STYLES = { 1: 'btn-primary', 2: 'btn-secondary', 3: 'btn-danger', 4: 'btn-plain' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
  return node;
}

const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v) => (Array.isArray(v) ? v : []);
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/**
 * Returns the card element. `onClick(click, done)` is called for a tap that goes to the bot; the
 * card's controls are disabled until `done()` (the tap was worked or failed) or a card update arrives.
 */
export function renderCard(card, onClick) {
  const root = el('div', 'card');
  if (card.task_id) root.dataset.taskId = card.task_id;
  if (card.card_type) root.dataset.cardType = card.card_type;
  fillCard(root, card, onClick);
  return root;
}

/** Replaces the card's content (a card update with a whole new card). */
export function fillCard(root, card, onClick) {
  root.replaceChildren();
  root.classList.remove('card-pending');
  const cardType = str(card.card_type) || 'text_notice';
  const send = (click) => {
    setEnabled(root, false);
    root.classList.add('card-pending');
    onClick({ cardType, ...click }, () => {
      root.classList.remove('card-pending');
      setEnabled(root, true);
    });
  };

  const source = obj(card.source);
  const head = el('div', 'card-source');
  head.append(el('span', 'card-source-icon', '效'));
  head.append(el('span', SOURCE_COLORS[source.desc_color ?? 0] ?? 'src-gray', str(source.desc) || '效能助手'));
  const menu = obj(card.action_menu);
  if (list(menu.action_list).length > 0) head.append(actionMenu(menu, send));
  root.append(head);

  const main = obj(card.main_title);
  if (main.title) root.append(el('div', 'card-title', str(main.title)));
  if (main.desc) root.append(el('div', 'card-desc', str(main.desc)));

  const emphasis = obj(card.emphasis_content);
  if (emphasis.title || emphasis.desc) {
    const box = el('div', 'card-emphasis');
    box.append(el('div', 'card-emphasis-title', str(emphasis.title)), el('div', 'card-emphasis-desc', str(emphasis.desc)));
    root.append(box);
  }

  const imageText = obj(card.image_text_area);
  if (imageText.title || imageText.desc) {
    const box = el('div', 'card-image-text');
    const title = imageText.url ? link(str(imageText.url), str(imageText.title) || str(imageText.url)) : el('div', 'card-image-text-title', str(imageText.title));
    box.append(title);
    if (imageText.desc) box.append(el('div', 'card-image-text-desc', str(imageText.desc)));
    root.append(box);
  }

  const quote = obj(card.quote_area);
  if (quote.title || quote.quote_text) {
    const box = el('div', 'card-quote');
    if (quote.title) box.append(quote.type === 1 && quote.url ? link(str(quote.url), str(quote.title)) : el('div', 'card-quote-title', str(quote.title)));
    if (quote.quote_text) box.append(el('div', 'card-quote-text', str(quote.quote_text)));
    root.append(box);
  }

  if (card.sub_title_text) root.append(el('div', 'card-sub', str(card.sub_title_text)));

  const vertical = list(card.vertical_content_list);
  for (const v of vertical) {
    const box = el('div', 'card-vertical');
    box.append(el('div', 'card-vertical-title', str(v.title)));
    if (v.desc) box.append(el('div', 'card-vertical-desc', str(v.desc)));
    root.append(box);
  }

  const rows = list(card.horizontal_content_list);
  if (rows.length > 0) {
    const kv = el('dl', 'card-kv');
    for (const row of rows) {
      const value = el('dd');
      if (row.type === 1 && row.url) value.append(link(str(row.url), str(row.value) || str(row.url)));
      else value.textContent = str(row.value) || str(row.userid);
      kv.append(el('dt', '', str(row.keyname)), value);
    }
    root.append(kv);
  }

  const jumps = list(card.jump_list);
  if (jumps.length > 0) {
    const box = el('div', 'card-jumps');
    for (const j of jumps) box.append(j.url ? link(str(j.url), str(j.title)) : el('span', '', str(j.title)));
    root.append(box);
  }

  // card_action: a tap on a notice card opens its page; shown as a link so that it can be seen.
  const action = obj(card.card_action);
  if (action.type === 1 && action.url) {
    const more = link(str(action.url), '查看详情 ›');
    more.classList?.add('card-more');
    root.append(more);
  }

  // replace_text: the card was decided; WeCom shows one greyed-out label instead of its controls.
  if (card.replace_text) return replaceButtons(root, str(card.replace_text));

  const selection = obj(card.button_selection);
  const selected = () => (selection.question_key ? [{ questionKey: str(selection.question_key), optionIds: [root.querySelector('.card-select-one')?.value ?? ''].filter(Boolean) }] : undefined);
  if (list(selection.option_list).length > 0) root.append(choiceSelect(selection, 'card-select-one'));

  const buttons = list(card.button_list);
  if (buttons.length > 0) root.append(buttonBar(buttons, (key) => send({ key, ...(selected() && { selectedItems: selected() }) })));

  const checkbox = obj(card.checkbox);
  if (list(checkbox.option_list).length > 0) root.append(checkboxGroup(checkbox));
  for (const select of list(card.select_list)) root.append(choiceSelect(select, 'card-select-many'));

  const submit = obj(card.submit_button);
  if (submit.key) {
    const bar = el('div', 'card-buttons');
    const b = el('button', 'card-btn btn-primary', str(submit.text) || '提交');
    b.type = 'button';
    b.dataset.key = str(submit.key);
    b.addEventListener('click', () => send({ key: str(submit.key), selectedItems: chosen(root) }));
    bar.append(b);
    root.append(bar);
  }
}

function buttonBar(buttons, onKey) {
  const bar = el('div', 'card-buttons');
  for (const button of buttons) {
    const style = BUTTON_STYLES[button.style] ?? 'btn-primary';
    if (button.type === 1 && button.url) {
      const a = link(str(button.url), str(button.text));
      a.className = `card-btn ${style}`;
      bar.append(a);
      continue;
    }
    const b = el('button', `card-btn ${style}`, str(button.text));
    b.type = 'button';
    b.dataset.key = str(button.key);
    b.addEventListener('click', () => onKey(str(button.key)));
    bar.append(b);
  }
  return bar;
}

/** The "…" menu in a card's corner (action_menu): each entry is a click with its own key. */
function actionMenu(menu, send) {
  const wrap = el('details', 'card-menu');
  const summary = el('summary', 'card-menu-btn', '⋯');
  summary.setAttribute('aria-label', str(menu.desc) || '更多操作');
  wrap.append(summary);
  const items = el('div', 'card-menu-list');
  for (const a of list(menu.action_list)) {
    const b = el('button', 'card-menu-item', str(a.text));
    b.type = 'button';
    b.dataset.key = str(a.key);
    b.addEventListener('click', () => {
      wrap.open = false;
      send({ key: str(a.key) });
    });
    items.append(b);
  }
  wrap.append(items);
  return wrap;
}

/** checkbox (vote_interaction): single (mode 0) or multiple (mode 1) choice among options. */
function checkboxGroup(checkbox) {
  const box = el('fieldset', 'card-choices');
  box.dataset.questionKey = str(checkbox.question_key);
  const multiple = checkbox.mode === 1;
  for (const option of list(checkbox.option_list)) {
    const label = el('label', 'card-choice');
    const input = el('input');
    input.type = multiple ? 'checkbox' : 'radio';
    input.name = `q-${str(checkbox.question_key)}`;
    input.value = str(option.id);
    input.checked = option.is_checked === true;
    input.disabled = checkbox.disable === true;
    label.append(input, el('span', '', str(option.text)));
    box.append(label);
  }
  return box;
}

/** button_selection / select_list: a drop-down of options. */
function choiceSelect(select, className) {
  const label = el('label', 'card-select');
  if (select.title) label.append(el('span', 'card-select-title', str(select.title)));
  const input = el('select', className);
  input.dataset.questionKey = str(select.question_key);
  input.disabled = select.disable === true;
  for (const option of list(select.option_list)) {
    const o = el('option', '', str(option.text));
    o.value = str(option.id);
    o.selected = str(option.id) === str(select.selected_id);
    input.append(o);
  }
  label.append(input);
  return label;
}

/** What a submit sends: every question of the card with its ticked or selected options. */
function chosen(root) {
  const items = [];
  for (const box of root.querySelectorAll('.card-choices')) {
    items.push({ questionKey: box.dataset.questionKey, optionIds: [...box.querySelectorAll('input:checked')].map((i) => i.value) });
  }
  for (const s of root.querySelectorAll('.card-select-many')) items.push({ questionKey: s.dataset.questionKey, optionIds: s.value ? [s.value] : [] });
  return items;
}

function setEnabled(root, on) {
  root.querySelectorAll('button.card-btn:not(.btn-done), button.card-menu-item, .card-choices input, .card-select select').forEach((b) => (b.disabled = !on));
}

/** A card update with `replace_name`: the controls give way to one greyed-out label, as in WeCom. */
export function replaceButtons(root, replaceName) {
  root.classList.remove('card-pending');
  for (const part of root.querySelectorAll('.card-choices, .card-select, .card-menu')) part.remove();
  const bars = [...root.querySelectorAll('.card-buttons')];
  const bar = bars[0] ?? root.appendChild(el('div', 'card-buttons'));
  for (const extra of bars.slice(1)) extra.remove();
  const done = el('button', 'card-btn btn-done', replaceName);
  done.type = 'button';
  done.disabled = true;
  bar.replaceChildren(done);
}
