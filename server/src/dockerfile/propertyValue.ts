import { Property } from 'dockerfile-ast/lib/property';

/**
 * dockerfile-ast's `Property.getValue(text, escapeChar)` (0.7.1) turns an ENV/ARG/LABEL name or
 * value as written into its value: quotes stripped, escapes and escaped line breaks removed,
 * comment lines inside continuations dropped. It rebuilds every value one character at a time,
 * which made ENV, ARG and LABEL properties a visible share of a large file's check.
 *
 * Nearly every real value has no escape character and no line break; for those the character loop
 * copies every character unchanged, so the value is the text itself (minus leading blanks and
 * the enclosing quotes). This answers those directly, with the same steps as the original, and
 * leaves every other value to the original. `test/unit/dockerfile/propertyValue.test.ts` checks
 * both against each other on the corpus and on generated text.
 */
type GetValue = (value: string, escapeChar: string) => string;

const owner = Property as unknown as { getValue: GetValue };
const original: GetValue = owner.getValue;
let installed = false;

/** The original's leading-blank skip, for text without escapes or line breaks. */
function leadingNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return i;
  }
  return -1;
}

export function fastPropertyValue(value: string, escapeChar: string): string {
  if (escapeChar.length !== 1 || value.includes(escapeChar) || value.includes('\n') || value.includes('\r')) return original(value, escapeChar);
  const skip = leadingNonBlank(value);
  // A comment after leading blanks starts the original's comment handling: leave it to the original.
  if (skip !== 0 && value.charAt(skip) === '#') return original(value, escapeChar);
  let text = value.substring(skip);
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  const inSingle = first === "'" && last === "'";
  // Without escapes, the original's scan finds a closing double quote exactly when the last character is one.
  const inDouble = first === '"' && text.length > 1 && last === '"';
  if (inSingle || inDouble) text = text.substring(1, text.length - 1);
  return text;
}

/**
 * Whether `getValue` is what this stands in front of: a function answering as 0.7.1 does (see
 * verifiedDockerfileAstVersion in parserCache.ts). Otherwise the library is left alone.
 */
export function canReplacePropertyValue(getValue: unknown): boolean {
  if (typeof getValue !== 'function') return false;
  try {
    return getValue('"a b"', '\\') === 'a b' && getValue('  a\\ b', '\\') === 'a b';
  } catch {
    return false;
  }
}

/** Installs the fast path when the library has the function it wraps; answers whether it is installed. */
export function installFastPropertyValue(): boolean {
  if (installed) return true;
  if (!canReplacePropertyValue(original)) return false;
  installed = true;
  owner.getValue = fastPropertyValue;
  return true;
}

/** Puts the library's own function back, for tests that compare against the plain library. */
export function uninstallFastPropertyValue(): void {
  if (!installed) return;
  installed = false;
  owner.getValue = original;
}

/** The library's own function, for the equivalence test. */
export const originalPropertyValue: GetValue = original;
