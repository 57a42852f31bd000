/* global document */
// A tiny renderer for the markdown WeCom supports (headings, **bold**, `code`, links, quotes, lists,
// <font color>). It builds DOM nodes with textContent only, so nothing a message says can become HTML.

const INLINE = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|<font\s+color=["']?(\w+)["']?\s*>([\s\S]*?)<\/font>|<a\s+href=["']([^"']+)["']\s*>([\s\S]*?)<\/a>|(https?:\/\/[^\s<>()（），。]+)/g;
const FONT_CLASS = { info: 'md-info', comment: 'md-comment', warning: 'md-warning' };

/** Safe link: only http(s) URLs and paths of this site become anchors (the page decides where they open). */
export function link(href, text) {
  if (!/^(https?:\/\/|\/(?!\/))/i.test(href)) return document.createTextNode(text);
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Inline markup into `parent`. */
export function renderInline(parent, text) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const b = document.createElement('strong');
      renderInline(b, m[1]);
      parent.append(b);
    } else if (m[2] !== undefined) {
      const code = document.createElement('code');
      code.textContent = m[2];
      parent.append(code);
    } else if (m[3] !== undefined) {
      parent.append(link(m[4], m[3]));
    } else if (m[5] !== undefined) {
      const span = document.createElement('span');
      span.className = FONT_CLASS[m[5].toLowerCase()] ?? '';
      renderInline(span, m[6]);
      parent.append(span);
    } else if (m[7] !== undefined) {
      parent.append(link(m[7], m[8].replace(/<[^>]*>/g, '')));
    } else {
      parent.append(link(m[9], m[9]));
    }
  }
  if (last < text.length) parent.append(text.slice(last));
}

/** A markdown message as block elements. */
export function renderMarkdown(text) {
  const root = document.createElement('div');
  root.className = 'md';
  let list = null;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d+)[.、]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) {
        list = document.createElement(tag.toLowerCase());
        if (numbered) list.start = Number(numbered[1]);
        root.append(list);
      }
      const li = document.createElement('li');
      renderInline(li, bullet ? bullet[1] : numbered[2]);
      list.append(li);
      continue;
    }
    list = null;
    let el;
    if (heading) {
      el = document.createElement('div');
      el.className = `md-h md-h${heading[1].length}`;
      renderInline(el, heading[2]);
    } else if (quote) {
      el = document.createElement('blockquote');
      renderInline(el, quote[1]);
    } else if (line === '') {
      el = document.createElement('div');
      el.className = 'md-gap';
    } else {
      el = document.createElement('div');
      renderInline(el, line);
    }
    root.append(el);
  }
  return root;
}

/** A plain text message: line breaks kept, <a href> and bare URLs made clickable, nothing else. */
export function renderText(text) {
  const root = document.createElement('div');
  root.className = 'text';
  const parts = text.split(/(<a\s+href=["'][^"']+["']\s*>[\s\S]*?<\/a>|https?:\/\/[^\s<>()（），。]+)/g);
  for (const part of parts) {
    const a = /^<a\s+href=["']([^"']+)["']\s*>([\s\S]*?)<\/a>$/.exec(part);
    if (a) root.append(link(a[1], a[2].replace(/<[^>]*>/g, '')));
    else if (/^https?:\/\//.test(part)) root.append(link(part, part));
    else root.append(part);
  }
  return root;
}
