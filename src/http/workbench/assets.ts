import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Router from '@koa/router';

const require = createRequire(import.meta.url);
const UPLOT_DIST = path.dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
const HERE = path.join(path.dirname(new URL(import.meta.url).pathname), 'assets');

/** The workbench's few static files: uPlot as npm ships it, and the script that feeds it the page's data. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'uPlot.iife.min.js': { file: path.join(UPLOT_DIST, 'uPlot.iife.min.js'), type: 'application/javascript; charset=utf-8' },
  'uPlot.min.css': { file: path.join(UPLOT_DIST, 'uPlot.min.css'), type: 'text/css; charset=utf-8' },
  'trend-chart.js': { file: path.join(HERE, 'trend-chart.js'), type: 'application/javascript; charset=utf-8' },
};

export function registerWorkbenchAssets(router: Router): void {
  const cache = new Map<string, Buffer>();
  router.get('/app/assets/:name', async (ctx) => {
    const asset = ASSETS[ctx.params.name ?? ''];
    if (!asset) return;
    let body = cache.get(asset.file);
    if (!body) cache.set(asset.file, (body = await readFile(asset.file)));
    ctx.type = asset.type;
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = body;
  });
}
