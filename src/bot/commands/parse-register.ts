import { isTimeLimitClass, type TimeLimitClass } from '../../domain/time-limit-class.ts';
import type { Channel, RegisterCategory, RegisterCommand } from './command.ts';
import { extractDeadline, type DeadlineRule } from './parse-deadline.ts';
import { clip, commandError, type ParseContext, type ParseError, type ParseResult } from './parse-error.ts';
import { phoneOf, splitNameAndMobile } from './phone.ts';
import { joinRaw, type Token } from './tokens.ts';

// The four channels of the regulation, plus the words staff naturally use for them.
const CHANNELS: Record<string, Channel> = {
  来人: 'in_person',
  来访: 'in_person',
  当面: 'in_person',
  现场: 'in_person',
  来电: 'phone',
  电话: 'phone',
  来信: 'letter',
  来函: 'letter',
  信件: 'letter',
  网上: 'online',
  网络: 'online',
  线上: 'online',
};

const CLASS_WORDS: Record<string, TimeLimitClass> = {
  审核: 'review',
  批复: 'approval',
  咨询: 'consultation',
  维权: 'rights',
  内部: 'internal',
  请示: 'instruction',
};

/** 登记 [渠道] 类别 当事人 [电话] 事由, with `期限 <date>` anywhere after the category. */
export function parseRegister(args: readonly Token[], ctx: ParseContext): ParseResult {
  const errors: ParseError[] = [];
  let rest = [...args];

  let channel: Channel | undefined = CHANNELS[rest[0]?.norm ?? ''];
  if (channel) rest.shift();
  else if (/^来.{1,2}$/u.test(rest[0]?.norm ?? '')) {
    errors.push(commandError('unknown_channel', 'register', { value: clip(rest.shift()?.raw ?? '') }));
  }

  const categoryToken = rest[0];
  let category: RegisterCategory | undefined;
  if (!categoryToken || phoneOf(categoryToken.norm)) errors.push(commandError('missing_category', 'register'));
  else {
    category = categoryOf(categoryToken.norm);
    rest.shift();
  }

  const deadline = extractDeadline(rest, deadlineRule(category), ctx.now);
  rest = deadline.rest;

  // "登记 咨询 来电 张三 …": the channel after the category is still the channel.
  const lateChannel = CHANNELS[rest[0]?.norm ?? ''];
  if (!channel && lateChannel && rest.length > 1) {
    channel = lateChannel;
    rest.shift();
  }

  const person = takeApplicant(rest, errors);
  const matter = joinRaw(person.rest);
  if (matter === '') errors.push(commandError('missing_matter', 'register'));
  errors.push(...deadline.errors);

  if (errors.length > 0 || !category || person.applicant === undefined) return { ok: false, errors };
  const command: RegisterCommand = { type: 'register', channel: channel ?? 'in_person', category, applicant: person.applicant, matter };
  if (person.phone) command.phone = person.phone;
  if (deadline.dueAt) command.internalDueAt = deadline.dueAt;
  return { ok: true, command };
}

function categoryOf(norm: string): RegisterCategory {
  const cls = CLASS_WORDS[norm] ?? (isTimeLimitClass(norm.toLowerCase()) ? (norm.toLowerCase() as TimeLimitClass) : undefined);
  return cls ? { kind: 'class', cls } : { kind: 'service', ref: norm };
}

function deadlineRule(category: RegisterCategory | undefined): DeadlineRule {
  if (!category || category.kind === 'service') return 'optional';
  return category.cls === 'internal' ? 'required' : 'forbidden';
}

/** 当事人 and the optional phone after it; a phone where the name should be means the name is missing. */
function takeApplicant(tokens: Token[], errors: ParseError[]): { applicant?: string; phone?: string; rest: Token[] } {
  const [first, second, ...others] = tokens;
  if (!first) {
    errors.push(commandError('missing_applicant', 'register'));
    return { rest: [] };
  }
  const phoneFirst = phoneOf(first.norm);
  if (phoneFirst) {
    errors.push(commandError('missing_applicant', 'register'));
    return { phone: phoneFirst, rest: tokens.slice(1) };
  }
  const glued = splitNameAndMobile(first.norm);
  if (glued) return { applicant: glued.name, phone: glued.phone, rest: tokens.slice(1) };
  const phone = second ? phoneOf(second.norm) : undefined;
  if (phone) return { applicant: first.raw, phone, rest: others };
  return { applicant: first.raw, rest: tokens.slice(1) };
}
