import { PHONE_LABELS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';

// Mobile (optionally +86, optionally 3-4-4 dashes), landline with area code, or a 7-8 digit local number.
const MOBILE = /^(?:\+?86-?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4})$/u;
const LANDLINE = /^(?:0\d{2,3}-|\(0\d{2,3}\))\d{7,8}(?:-\d{1,6})?$/u;
const LOCAL = /^\d{7,8}$/u;
const LABEL = new RegExp(`^(?:${anyOf(PHONE_LABELS)})[:]?`, 'iu');
const GLUED_MOBILE = /^(\D+?)(1[3-9]\d{9})$/u;

/** The phone number in a normalized token ("13800000000", "电话:0543-3211234"), or undefined. */
export function phoneOf(norm: string): string | undefined {
  const number = norm.replace(LABEL, '');
  return MOBILE.test(number) || LANDLINE.test(number) || LOCAL.test(number) ? number : undefined;
}

/** "张三13800000000": a name with a mobile number typed straight after it. */
export function splitNameAndMobile(norm: string): { name: string; phone: string } | undefined {
  const match = GLUED_MOBILE.exec(norm);
  if (!match?.[1] || !match[2]) return undefined;
  return { name: match[1], phone: match[2] };
}
