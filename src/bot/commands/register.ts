import { staffNames } from '../../db/org-repository.ts';
import type { Channel } from '../../domain/case/case.ts';
import { isTimeLimitClass, type TimeLimitClass } from '../../domain/time-limit-class.ts';
import { registerCase } from '../../use-cases/register-case.ts';
import { newCaseCard } from '../../use-cases/cards/case-cards.ts';
import { renderAnsweredAtOnce, renderRegistered, renderUnknownService } from '../../messages/case-replies.ts';
import { ANSWERED_AT_ONCE, CHANNEL_LIKE, CHANNEL_WORDS as CHANNELS, CLASS_WORDS } from '../../messages/vocabulary.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { extractDeadline, type DeadlineRule } from '../parsing/deadline.ts';
import { clip, commandError, type ParseContext, type ParseError } from '../parsing/parse-error.ts';
import { phoneOf, splitNameAndMobile } from '../parsing/phone.ts';
import { joinRaw, subToken, type Token } from '../parsing/tokens.ts';
import { ownValue } from '../../shared/words.ts';

/**
 * 类别 of 登记: one of the six time-limit words, or a service code or name that the handler
 * resolves against the catalog (the parser cannot know the catalog).
 */
export type RegisterCategory = { kind: 'class'; cls: TimeLimitClass } | { kind: 'service'; ref: string };

interface RegisterFields {
  /** As typed; absent when none was, and the case decides (来人, or 内部交办 for an internal matter). */
  channel?: Channel;
  category: RegisterCategory;
  applicant: string;
  phone?: string;
  matter: string;
  /**
   * From `期限 …`. Always set for class `internal`. For a service category it is passed through
   * when given: only the handler knows whether that service is internal and may take it.
   */
  internalDueAt?: Date;
  /** `即答 答复内容`: answered on the spot; the case is registered and finished in one step. */
  answeredAtOnce?: string;
}

/** 登记 (R3, R4): a new case; the sender is its first-responsible person and, by default, its handler. */
export const register = defineCommand({
  name: 'register',
  audience: 'staff',
  parse: parseRegister,
  async run(ctx, command) {
    const r = await registerCase(ctx, command);
    if (r.kind === 'unknown_service') return renderUnknownService(r.ref, r.suggestions);
    const names = await staffNames(ctx.tx, [r.case.handler]);
    if (r.answeredAtOnce) return renderAnsweredAtOnce(r.case, r.service, names);
    // A card with the next steps; the old text (with its command hint) goes out should WeCom refuse it.
    const { card } = await newCaseCard(ctx.tx, { cause: ctx.sourceKey, toUser: ctx.actor.userid, case: r.case, now: ctx.now, publicBaseUrl: ctx.publicBaseUrl, names });
    return { card, fallback: renderRegistered(r.case, r.service, names, ctx.now) };
  },
});

/** 登记 [渠道] 类别 当事人 [电话] 事由, with `期限 <date>` anywhere after the category. */
function parseRegister(args: readonly Token[], ctx: ParseContext): Parsed<RegisterFields> {
  const errors: ParseError[] = [];
  let rest = [...args];

  let channel: Channel | undefined = ownValue(CHANNELS, rest[0]?.norm ?? '');
  if (channel) rest.shift();
  else if (CHANNEL_LIKE.test(rest[0]?.norm ?? '')) {
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
  const lateChannel = ownValue(CHANNELS, rest[0]?.norm ?? '');
  if (!channel && lateChannel && rest.length > 1) {
    channel = lateChannel;
    rest.shift();
  }

  const person = takeApplicant(rest, errors);
  const answered = splitAnswer(person.rest);
  const matter = joinRaw(answered.matter);
  if (matter === '') errors.push(commandError('missing_matter', 'register'));
  if (answered.answer === '') errors.push(commandError('missing_field', 'register', { field: 'answer' }));
  errors.push(...deadline.errors);

  if (errors.length > 0 || !category || person.applicant === undefined) return { ok: false, errors };
  const fields: RegisterFields = { category, applicant: person.applicant, matter };
  if (channel) fields.channel = channel;
  if (person.phone) fields.phone = person.phone;
  if (deadline.dueAt) fields.internalDueAt = deadline.dueAt;
  if (answered.answer) fields.answeredAtOnce = answered.answer;
  return { ok: true, fields };
}

/** `事由 即答 答复`: what comes after 即答 (or 即答：) is the answer given on the spot. */
function splitAnswer(tokens: Token[]): { matter: Token[]; answer?: string } {
  const at = tokens.findIndex((t) => t.norm === ANSWERED_AT_ONCE || AT_ONCE_GLUED.test(t.norm));
  const marker = tokens[at];
  if (!marker) return { matter: tokens };
  const glued = marker.norm === ANSWERED_AT_ONCE ? undefined : subToken(marker, AT_ONCE_GLUED.exec(marker.norm)?.[0].length ?? 0);
  return { matter: tokens.slice(0, at), answer: joinRaw([...(glued ? [glued] : []), ...tokens.slice(at + 1)]) };
}

const AT_ONCE_GLUED = new RegExp(`^${ANSWERED_AT_ONCE}[:,，：、]+`, 'u');

function categoryOf(norm: string): RegisterCategory {
  const cls = ownValue(CLASS_WORDS, norm) ?? (isTimeLimitClass(norm.toLowerCase()) ? (norm.toLowerCase() as TimeLimitClass) : undefined);
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
  // "138 0000 0000", "+86 138 0000 0000", "0543 3211234": a number typed in groups.
  const grouped = groupedPhone(tokens.slice(1));
  if (grouped.phone) return { applicant: first.raw, phone: grouped.phone, rest: tokens.slice(1 + grouped.used) };
  if (grouped.used > 0) {
    // Digits where the phone goes that make no phone: say so rather than file them as 事由.
    errors.push(commandError('bad_phone', 'register', { value: clip(joinRaw(tokens.slice(1, 1 + grouped.used))) }));
    return { applicant: first.raw, rest: tokens.slice(1 + grouped.used) };
  }
  return { applicant: first.raw, rest: tokens.slice(1) };
}

const DIGIT_GROUP = /^\+?\d{1,8}$/u;

/** The phone in the first 2–4 tokens when together they make one; `used` counts the digit groups seen. */
function groupedPhone(tokens: readonly Token[]): { phone?: string; used: number } {
  let used = 0;
  while (used < 4 && DIGIT_GROUP.test(tokens[used]?.norm ?? '')) used++;
  if (used >= 2) {
    // All the groups are one number: "138 0000 000" is a mistyped mobile, not a local number and a 事由.
    const groups = tokens.slice(0, used).map((t) => t.norm);
    // "0543 3211234": an area code then the number, kept in the dashed form a landline is stored in.
    const phone = phoneOf(groups.join('')) ?? phoneOf(`${groups[0]}-${groups.slice(1).join('')}`);
    if (phone) return { phone, used };
  }
  // Two or more groups of digits in the phone's place were meant as one.
  return { used: used >= 2 ? used : 0 };
}
