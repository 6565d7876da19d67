import { DiameterError } from '../errors.js';

/**
 * Parses the ABNF bodies of RFC 6733 §3.2 / §4.4 into occurrence rules:
 *
 *   fixed     = [qual] "<" avp-spec ">"   a fixed position (header order)
 *   required  = [qual] "{" avp-spec "}"   at least once
 *   optional  = [qual] "[" avp-name "]"   at most once unless qualified
 *   qual      = [min] "*" [max]
 *
 * The name `AVP` stands for "any other AVP" and makes the layout open.
 */

export interface AbnfRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly fixed: boolean;
}

export interface AbnfLayout {
  readonly rules: readonly AbnfRule[];
  /** Whether `*[ AVP ]` is present: other AVPs may appear. */
  readonly open: boolean;
}

const TOKEN = /\s*(\d*)\s*(\*?)\s*(\d*)\s*([<{[])\s*([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*([>}\]])/y;

export function parseAbnf(body: string, where: string): AbnfLayout {
  const rules: AbnfRule[] = [];
  let open = false;
  TOKEN.lastIndex = 0;
  let last = 0;
  for (;;) {
    const m = TOKEN.exec(body);
    if (m === null) break;
    last = TOKEN.lastIndex;
    const [, minText, star, maxText, opening, name, closing] = m;
    const pair = opening + closing;
    if (pair !== '<>' && pair !== '{}' && pair !== '[]') {
      throw new DiameterError('ERR_DICTIONARY', `${where}: mismatched brackets around ${name}`);
    }
    const base = pair === '[]' ? 0 : 1;
    let min = base;
    let max = 1;
    if (star === '*') {
      min = minText === '' ? base : Number(minText);
      max = maxText === '' ? Infinity : Number(maxText);
    } else if (minText !== '' || maxText !== '') {
      min = max = Number(minText || maxText);
    }
    if (name === 'AVP') {
      open = true;
      continue;
    }
    rules.push({ name, min, max, fixed: pair === '<>' });
  }
  if (body.slice(last).trim() !== '') {
    throw new DiameterError(
      'ERR_DICTIONARY',
      `${where}: cannot parse ABNF near "${body.slice(last, last + 30).trim()}"`,
    );
  }
  return { rules, open };
}
