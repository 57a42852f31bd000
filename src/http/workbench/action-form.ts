import type { WebCaseAction } from '../../use-cases/workbench/workbench-views.ts';

/**
 * The rest of the chat command a case form stands for, from its fields: ticked catalog materials (and
 * any typed beside them) for 补正, days and reason for 延期, else the one text field. The command's own
 * parser then checks it, so a form can do nothing its command cannot.
 */
export function commandArgsOf(action: WebCaseAction, body: URLSearchParams): string {
  const typed = (body.get('args') ?? '').trim();
  if (action === 'requestMaterials') {
    const ticked = body.getAll('material').map((m) => m.trim()).filter((m) => m !== '');
    return [...new Set(ticked), ...(typed ? [typed] : [])].join('、');
  }
  if (action === 'extend' && body.has('days')) {
    return [(body.get('days') ?? '').trim(), (body.get('reason') ?? '').trim()].filter((x) => x !== '').join(' ');
  }
  return typed;
}
