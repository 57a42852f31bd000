/**
 * The words people type that the parser understands (the other direction of the catalogue): channels,
 * categories, dates and times, material lists, verdicts. src/bot/parsing builds its patterns from these.
 */
import type { RecordDecision } from '../domain/accountability/accountability-record.ts';
import type { Channel } from '../domain/case/case.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';

/** The four channels of the regulation, plus the words staff naturally use for them. */
export const CHANNEL_WORDS: Readonly<Record<string, Channel>> = {
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

/** A word of this shape in the channel's place is a mistyped channel (来京, 来人们). */
export const CHANNEL_LIKE = /^来.{1,2}$/u;

export const CLASS_WORDS: Readonly<Record<string, TimeLimitClass>> = {
  审核: 'review',
  批复: 'approval',
  咨询: 'consultation',
  维权: 'rights',
  内部: 'internal',
  请示: 'instruction',
};

/** Labels before a phone number: 电话:0543-3211234. */
export const PHONE_LABELS = ['电话', '手机', 'tel'] as const;

/** What introduces a deadline in 登记: 期限 12月5日. */
export const DEADLINE_KEYWORDS = ['期限', '截止日期', '截止时间', '截止', '截至'] as const;

/** 登记 … 即答 答复内容: answered on the spot (限时办结制 §2: 即时答复). */
export const ANSWERED_AT_ONCE = '即答';

/**
 * A sentence such as "张三来电咨询会员费标准" is not a command, but the verb after the channel says
 * which 登记 was meant. The class it implies is only offered on a card to confirm, never assumed.
 */
export const SENTENCE_VERBS: Readonly<Record<string, TimeLimitClass>> = {
  咨询: 'consultation',
  询问: 'consultation',
  问询: 'consultation',
  了解: 'consultation',
  反映: 'rights',
  求助: 'rights',
  维权: 'rights',
  申请: 'review',
  申报: 'review',
  办理: 'review',
};

/** A hello rather than a command: answered with what the bot can do. */
export const GREETINGS = ['你好', '您好', '你好呀', '在吗', '在么', '嗨', '哈喽', 'hi', 'hello', '早上好', '上午好', '下午好', '晚上好'] as const;

/** Case numbers may be written 12号. */
export const CASE_NO_SUFFIX = '号';

export const DATE_WORDS = {
  relativeDays: { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3 } as Readonly<Record<string, number>>,
  year: '年',
  month: '月',
  daySuffixes: ['日', '号'],
  /** "12月5日前" / "17:30之前": a deadline is naturally written with 前; it changes nothing. */
  beforeSuffixes: ['之前', '以前', '为止', '前', '止'],
  /** Parts of the day, each with how it turns a 12-hour reading into 24 hours. */
  periods: {
    凌晨: 'smallHours',
    早上: 'morning',
    早晨: 'morning',
    上午: 'morning',
    中午: 'noon',
    下午: 'afternoon',
    傍晚: 'afternoon',
    晚上: 'evening',
  } as Readonly<Record<string, DayPeriod>>,
  hourMarks: ['点', '时'],
  minuteMark: '分',
  half: '半',
  onTheHour: ['整', '钟'],
  digits: { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 } as Readonly<Record<string, number>>,
  ten: '十',
  /** 本周五, 下周一, 周三: which week, then which day of it (Monday first). */
  weeks: { 本周: 'this', 这周: 'this', 下周: 'next', 周: 'coming', 星期: 'coming', 礼拜: 'coming' } as Readonly<Record<string, 'this' | 'next' | 'coming'>>,
  weekdays: { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 } as Readonly<Record<string, number>>,
  /** The last day of this month. */
  monthEnd: '月底',
  /** Between the two dates of a range: 12月1日 至 12月3日. */
  rangeWords: ['至', '到', '~', '-', '—', '–'],
} as const;

export type DayPeriod = 'smallHours' | 'morning' | 'noon' | 'afternoon' | 'evening';

export const MATERIAL_WORDS = {
  /** 补正 #12 全部: every material of the service. */
  all: ['全部', '所有', '全部材料', '所有材料', 'all'],
  /** 第2项, 3份. */
  ordinalPrefix: '第',
  counters: ['项', '份', '条', '个'],
  rangeWords: ['-', '~', '至', '到'],
} as const;

/** 答复投诉 编号 属实|不属实: 不属实 is listed first because it contains 属实. */
export const COMPLAINT_VERDICTS: readonly { word: string; upheld: boolean }[] = [
  { word: '不属实', upheld: false },
  { word: '属实', upheld: true },
];

/** 答复投诉 编号 3 may be written 编号3. */
export const COMPLAINT_ID_LABEL = '编号';

/** 处理 记录编号 决定: the office's decisions (责任追究制 §3). */
export const DECISION_WORDS: Readonly<Record<string, RecordDecision>> = {
  批评教育: 'criticism',
  通报批评: 'public_criticism',
  书面告诫: 'written_warning',
  诫勉谈话: 'admonition',
  不予追究: 'no_action',
};

/** 处理 12 …, 记录12, 编号12: the words that may come before a record number. */
export const RECORD_NO_LABELS = ['记录', '编号'] as const;

/** 处理 … 责任人 李华: names the person concerned when the record names nobody. */
export const RESPONSIBLE_LABEL = '责任人';

/** 考评 2026上半年 / 通报 11月: how periods are named in chat (效能考评制: 年中 and 年终). */
export const PERIOD_WORDS = {
  year: '年',
  month: '月',
  halves: { 上半年: 1, 年中: 1, 下半年: 2 } as Readonly<Record<string, 1 | 2>>,
  yearEnd: '年终',
  thisYear: '今年',
  lastYear: '去年',
  thisMonth: '本月',
  lastMonth: '上月',
} as const;

/** 考评 2026上半年 定稿: freezes the result (office). */
export const FREEZE_WORD = '定稿';

/** 回访 #no 满意: the applicant's rating, 5 (非常满意) to 1 (非常不满意). */
export const RATING_WORDS: Readonly<Record<string, number>> = {
  非常满意: 5,
  满意: 4,
  基本满意: 3,
  不满意: 2,
  非常不满意: 1,
};
/** 延期 #12 3 / 3天 / 3个工作日: the units a number of working days may carry. */
export const EXTENSION_DAYS = { units: ['个工作日', '工作日', '天', '日'] } as const;

/** A department's phone in the organization file: digits with the usual separators, and 转 before an extension. */
export const ORG_PHONE_PATTERN = /^[0-9+()（）\-\s转]{3,40}$/u;
