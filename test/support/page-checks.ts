import type { Page } from 'playwright-core';

/** The lowest contrast ratio of any element's text against the nearest opaque background, per WCAG 2. */
export function lowestContrast(page: Page): Promise<{ ratio: number; text: string }> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/gu) ?? []).map(Number);
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    let worst = { ratio: 21, text: '' };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || getComputedStyle(el).visibility === 'hidden' || (el as HTMLElement).offsetParent === null) continue;
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))].sort((x, y) => y - x) as [number, number];
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: el.textContent?.trim().slice(0, 30) ?? '' };
    }
    return worst;
  });
}

/** Widest content of the page, to compare with the viewport: more means horizontal scrolling. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}
