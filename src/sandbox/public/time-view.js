/* global fetch, setInterval */
// The sandbox clock in the top bar: shows sandbox time (China time) and moves it forward.

const FORMAT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

const SHORT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** `short` (optional) shows the time compactly, on the phone's top bar. */
export function initTimeControl(label, buttons, onError, short) {
  let offsetMs = 0;
  const show = () => {
    label.textContent = FORMAT.format(Date.now() + offsetMs);
    if (short) short.textContent = SHORT.format(Date.now() + offsetMs);
  };
  const adopt = (iso) => {
    offsetMs = Date.parse(iso) - Date.now();
    show();
  };
  setInterval(show, 15_000);

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      const action = button.dataset.time;
      const body = action === 'hours' ? { action, hours: 1 } : { action };
      const original = button.textContent;
      buttons.forEach((b) => (b.disabled = true));
      button.textContent = '前进中…';
      try {
        const res = await fetch('/sandbox/api/time', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        adopt((await res.json()).now);
      } catch (err) {
        onError(`时间调整失败：${err.message}`);
      } finally {
        button.textContent = original;
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }

  fetch('/sandbox/api/time')
    .then((res) => res.json())
    .then((t) => adopt(t.now))
    .catch(() => onError('读取沙盒时间失败'));
  /** Another tab moved time: follow it. */
  return { adopt };
}

