// Engine errors in a partner manager's words: what to change, not how the parser failed.
// "invalid type: null, expected f64" becomes "A number is missing", "unknown variant `x`,
// expected one of `a`, `b`" becomes "“x” is not one of: a, b"; the error's path becomes the
// place in the form ("slot 2 › max") when no field shows it.
import { INCENTIVE_RULES } from './incentive-errors';

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  ...INCENTIVE_RULES,
  [/nucleolus does not exist/i, () => 'The partners are worth more alone than together, so no split gives each at least what it is worth alone and this rule has no answer; the summary above names the split that keeps the worst complaint smallest.'],
  // the plan's Trials field emptied or 0
  [/^run at least 1 trial$/, () => 'Write how many futures to simulate: 500 is quick, 2,000 more precise.'],
  // a profile criterion without its key: the field beside it says which kind
  [/^an? (capability|industry|region|certification|metric) criterion needs a key$/, (m) => `Choose which ${m[1] === 'metric' ? 'figure' : m[1]} this criterion looks at.`],
  [/invalid type: null, expected (?:f64|f32|a number|u\d+|i\d+|usize|isize)/i, () => 'A number is missing here.'],
  // the page asks for chances in percent: "winProbability is a probability between 0 and 1, got 1.5"
  [/\bis a probability between 0 and 1, got (-?[\d.e+-]+)/i, (m) => `Write a percentage from 0% to 100% (this is ${Math.round(Number(m[1]) * 10000) / 100}%).`],
  // "maxTeamSize must be at least 1": the field's label says which
  [/^[a-z]+[A-Z]\w* must be at least (.+)$/, (m) => `Must be at least ${m[1]}.`],
  [/must be a whole number (?:≥ |from )(\d+)(?: to \d+)?, got (.+)$/i, (m) => `Write a whole number, ${m[1]} or more (not ${m[2]}).`],
  [/invalid type: null, expected (?:a string|string)/i, () => 'This must not be empty.'],
  [/invalid type: (?:string|floating point) "?([^",]*)"?, expected (?:u\d+|usize|i\d+|isize)/i, (m) => `“${m[1]}” is not a whole number: write 0, 1, 2, …`],
  [/invalid type: string "([^"]*)", expected (?:f64|f32|a number)/i, (m) => `“${m[1]}” is not a number.`],
  [/invalid value: .*expected (?:u\d+|usize)/i, () => 'Write a whole number (0, 1, 2, …).'],
  [/expected (?:u\d+|usize)\b/i, () => 'Write a whole number (0, 1, 2, …).'],
  [/unknown variant `([^`]*)`, expected (?:one of )?(.*)/i, (m) => `“${m[1]}” is not one of the choices: ${m[2].replace(/`/g, '').replace(/ at line \d+.*$/, '')}.`],
  [/missing field `([^`]*)`/i, (m) => `${words(m[1])} is required.`],
  [/unknown field `([^`]*)`/i, (m) => `“${m[1]}” is not a setting here; remove it.`],
  [/invalid type: (\w+).*, expected (.*)/i, (m) => `Expected ${m[2].replace(/ at line \d+.*$/, '')} here, not a ${m[1]}.`],
];

/** camelCase → words: "maxTeamSize" → "max team size". */
export const words = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** An error path as a place in the form: "deal.slots[1].max" → "deal › slots 2 › max". */
export function pathWords(path: string): string {
  return path.split('.').filter(Boolean).map((seg) => words(seg.replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`))).join(' › ');
}

/** The message of an error as the page shows it. */
export function plainMessage(message: string): string {
  const msg = message.replace(/ at line \d+ column \d+\.?$/, '');
  for (const [re, say] of RULES) {
    const m = re.exec(msg);
    if (m) return say(m);
  }
  return keysInWords(msg);
}

/** A data key as the engine writes it: lower case, then words that start with a capital ("maxTeamSize"). */
const KEY = /\b[a-z]{2,}(?:[A-Z][a-z\d]*)+\b/g;

/**
 * The data keys left in a message no rule above knows, in words. A hint in brackets that names
 * keys ("(`successMeasures`, e.g. …)") goes: the field the message is shown beside says it. A
 * key in backticks or in camelCase becomes words ("maxTeamSize" → "max team size"); other text
 * in backticks (a value the engine quotes) is quoted as the page quotes. What the page put in
 * quotes (a partner's or a customer's name) is left as written.
 */
export function keysInWords(msg: string): string {
  return msg
    .replace(/ \([^()]*`[^()]*\)/g, '')
    .replace(/`([^`]*)`/g, (_, k: string) => (/^[a-z]+(?:[A-Z][a-z\d]*)*$/.test(k) ? words(k) : `“${k}”`))
    .split(/(“[^”]*”)/)
    .map((part, i) => (i % 2 ? part : part.replace(KEY, words)))
    .join('');
}

/** Any thrown value as one plain sentence, with where it is when the error names a place. */
export function explainError(e: unknown, withPlace = true): string {
  const o = (e && typeof e === 'object' ? e : {}) as { message?: unknown; path?: unknown };
  const text = plainMessage(typeof o.message === 'string' ? o.message : String(e));
  return withPlace && typeof o.path === 'string' && o.path ? `${text} (${pathWords(o.path)})` : text;
}
