/**
 * The frame every page of the bot shares: Chinese, UTF-8, a phone's viewport, kept out of search
 * engines unless public on purpose (the service catalog), one inline stylesheet (no build step).
 * `titleHtml` is already escaped.
 */
export function htmlDocument(p: { titleHtml: string; style: string; body: string; head?: string; indexable?: boolean }): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
${p.indexable ? '' : '<meta name="robots" content="noindex">\n'}<title>${p.titleHtml}</title>
<style>${p.style}</style>
${p.head ?? ''}</head>
<body>
${p.body}
</body>
</html>
`;
}
