/* global document */
// The person picker: demo staff grouped by department, with roles and unread badges.

/**
 * `actionsFor(person)` may return extra controls for a person's row (links beside the name button,
 * e.g. signing into the workbench as that person); by default a row has none.
 */
export function renderPeople(list, staff, current, unread, onPick, actionsFor = () => []) {
  list.replaceChildren();
  let department = null;
  for (const person of staff) {
    if (person.department !== department) {
      department = person.department;
      const head = document.createElement('li');
      head.className = 'people-group';
      head.textContent = department;
      list.append(head);
    }
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `person${person.userid === current ? ' person-current' : ''}`;
    button.dataset.userid = person.userid;
    button.setAttribute('aria-pressed', String(person.userid === current));
    button.addEventListener('click', () => onPick(person.userid));

    const avatar = document.createElement('span');
    avatar.className = `avatar avatar-person tone-${hue(person.userid)}`;
    avatar.textContent = person.name.slice(-2);
    const text = document.createElement('span');
    text.className = 'person-text';
    const name = document.createElement('span');
    name.className = 'person-name';
    name.textContent = person.name;
    for (const role of person.roles) {
      const badge = document.createElement('span');
      badge.className = `role role-${ROLE_CLASS[role] ?? 'other'}`;
      badge.textContent = role;
      name.append(badge);
    }
    const sub = document.createElement('span');
    sub.className = 'person-sub';
    sub.textContent = [person.department, person.note].filter(Boolean).join(' · ');
    text.append(name, sub);
    button.append(avatar, text);
    const count = unread.get(person.userid) ?? 0;
    if (count > 0 && person.userid !== current) {
      const dot = document.createElement('span');
      dot.className = 'unread';
      dot.textContent = count > 99 ? '99+' : String(count);
      button.append(dot);
    }
    item.className = 'person-row';
    item.append(button);
    const actions = actionsFor(person);
    if (actions.length > 0) {
      const box = document.createElement('span');
      box.className = 'person-actions';
      box.append(...actions);
      item.append(box);
    }
    list.append(item);
  }
}

const ROLE_CLASS = { 主要负责人: 'principal', 分管领导: 'leader', 部室负责人: 'head', 办公室: 'office' };

function hue(userid) {
  let h = 0;
  for (const c of userid) h = (h * 31 + c.charCodeAt(0)) % 6;
  return h;
}
