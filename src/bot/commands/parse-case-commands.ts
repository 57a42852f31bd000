/** The commands that act on one case: a case number first, then their fields. */
import type { ApproveCommand, Command, CommandType, EscalateCommand, MaterialsCompleteCommand } from './command.ts';
import { takeCaseNo } from './case-no.ts';
import { parseMaterials } from './parse-materials.ts';
import { commandError, type ParseError, type ParseResult } from './parse-error.ts';
import { joinRaw, type Token } from './tokens.ts';

type Fields = { caseNo: number; rest: Token[]; errors: ParseError[] };
type Build = (fields: Fields) => Command | undefined;

export function parseCaseCommand(type: CaseCommandType, args: readonly Token[]): ParseResult {
  const errors: ParseError[] = [];
  const { caseNo, rest } = takeCaseNo(args, type, errors);
  // Fields are read even without a valid number, so every mistake is reported at once.
  const command = BUILDERS[type]({ caseNo: caseNo ?? 0, rest, errors });
  if (errors.length > 0 || !command || caseNo === undefined) return { ok: false, errors };
  return { ok: true, command };
}

export type CaseCommandType = Exclude<CommandType, 'help' | 'register' | 'leave' | 'endLeave' | 'todo' | 'complain' | 'guide'>;

const BUILDERS: Record<CaseCommandType, Build> = {
  finish: ({ caseNo, rest, errors }) => {
    const result = required(rest, 'finish', 'result', errors);
    return result === undefined ? undefined : { type: 'finish', caseNo, result };
  },
  transfer: ({ caseNo, rest, errors }) => {
    const [target, ...remark] = rest;
    const name = target?.norm.replace(/^@/u, '');
    if (!name) {
      errors.push(commandError('missing_field', 'transfer', { field: 'target' }));
      return undefined;
    }
    const note = optional(remark);
    return note === undefined ? { type: 'transfer', caseNo, target: name } : { type: 'transfer', caseNo, target: name, note };
  },
  referOut: ({ caseNo, rest, errors }) => {
    const [body, ...explanationTokens] = rest;
    if (!body) errors.push(commandError('missing_field', 'referOut', { field: 'competentBody' }));
    const explanation = required(explanationTokens, 'referOut', 'explanation', errors);
    return body && explanation !== undefined ? { type: 'referOut', caseNo, competentBody: body.raw, explanation } : undefined;
  },
  requestMaterials: ({ caseNo, rest, errors }) => {
    const parsed = parseMaterials(rest, errors);
    return parsed.all ? { type: 'requestMaterials', caseNo, all: true } : { type: 'requestMaterials', caseNo, all: false, materials: parsed.materials };
  },
  materialsComplete: ({ caseNo, rest }) => withNote<MaterialsCompleteCommand>({ type: 'materialsComplete', caseNo }, rest),
  refuse: ({ caseNo, rest, errors }) => {
    const reason = required(rest, 'refuse', 'reason', errors);
    return reason === undefined ? undefined : { type: 'refuse', caseNo, reason };
  },
  urgent: ({ caseNo, rest, errors }) => {
    const note = required(rest, 'urgent', 'note', errors);
    return note === undefined ? undefined : { type: 'urgent', caseNo, note };
  },
  // Anything after the number of 查 is ignored: it has nothing to say.
  show: ({ caseNo }) => ({ type: 'show', caseNo }),
  approve: ({ caseNo, rest }) => withNote<ApproveCommand>({ type: 'approve', caseNo }, rest),
  overturn: ({ caseNo, rest, errors }) => {
    const instruction = required(rest, 'overturn', 'instruction', errors);
    return instruction === undefined ? undefined : { type: 'overturn', caseNo, instruction };
  },
  escalate: ({ caseNo, rest }) => withNote<EscalateCommand>({ type: 'escalate', caseNo }, rest),
  noticeGiven: ({ caseNo, rest, errors }) => {
    const how = required(rest, 'noticeGiven', 'how', errors);
    return how === undefined ? undefined : { type: 'noticeGiven', caseNo, how };
  },
};

function required(tokens: readonly Token[], command: CommandType, field: string, errors: ParseError[]): string | undefined {
  const text = optional(tokens);
  if (text === undefined) errors.push(commandError('missing_field', command, { field }));
  return text;
}

function optional(tokens: readonly Token[]): string | undefined {
  const text = joinRaw(tokens);
  return text === '' ? undefined : text;
}

function withNote<C extends { note?: string }>(command: C, tokens: readonly Token[]): C {
  const note = optional(tokens);
  return note === undefined ? command : { ...command, note };
}
