/**
 * Compose interpolation, read the way compose-go's template package reads it (so a value means
 * here what it means to `docker compose`):
 *
 * - `$$` is a literal `$`; a `$` not followed by a name or `{` stays as it is (`a $ b`, `^x$`).
 * - `$NAME` takes the longest `[_A-Za-z][_A-Za-z0-9]*` (`$FOO-bar` is `$FOO` then `-bar`).
 * - `${NAME}` and `${NAME<op>argument}` with the operators `:-` `-` (default when unset/empty or
 *   unset), `:?` `?` (required, the argument is the error text), `:+` `+` (alternative when set and
 *   non-empty, or set). The argument runs to the matching `}` and is itself interpolated, lazily:
 *   a default is only looked at when it is used.
 * - Anything else after `${` (`${}`, `${ foo}`, `${foo!}`, `${VAR/a/b}`, no closing brace) makes
 *   the whole value an invalid template, which Compose refuses to load.
 *
 * Offsets are UTF-16 indices into the string given, so a caller adds the scalar's start.
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableUse {
  name: string;
  /** The whole `$NAME` / `${…}` span. */
  start: number;
  end: number;
  /** The name itself. */
  nameStart: number;
  nameEnd: number;
  braced: boolean;
  operator?: InterpolationOperator;
  /** The operator's argument (default, error text or alternative), raw. */
  argument?: { start: number; end: number; text: string };
  /** Variables written inside the argument (`${A:-${B}}` → B). */
  nested: VariableUse[];
}

export interface InvalidTemplate {
  /** From the `$` that starts the broken expression to the end of what it spans. */
  start: number;
  end: number;
}

export interface TemplateScan {
  /** Top-level uses in order; nested ones hang under their parent. */
  variables: VariableUse[];
  /** `$$` positions (each two characters). */
  escapes: number[];
  invalid?: InvalidTemplate;
}

const nameStart = /[_A-Za-z]/;
const nameChar = /[_A-Za-z0-9]/;
const operators: InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];

/** Cheap test before any scan: a `$` that could start an expression. */
export function mightInterpolate(text: string): boolean {
  return text.includes('$');
}

/**
 * The closing brace that matches the `{` at `open` (compose-go counts braces and skips the
 * character after each `{`). -1 when there is none.
 */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '}') {
      depth--;
      if (depth === 0) return i;
    }
    if (char === '{') {
      depth++;
      i++;
    }
  }
  return -1;
}

function readName(text: string, from: number): number {
  if (from >= text.length || !nameStart.test(text[from])) return from;
  let i = from + 1;
  while (i < text.length && nameChar.test(text[i])) i++;
  return i;
}

/** Scans `text` (a YAML value) for variables; `base` is added to every offset. */
export function scanTemplate(text: string, base = 0): TemplateScan {
  const scan: TemplateScan = { variables: [], escapes: [] };
  scanInto(text, 0, text.length, base, scan.variables, scan);
  return scan;
}

function scanInto(text: string, from: number, to: number, base: number, into: VariableUse[], scan: TemplateScan): void {
  let i = from;
  while (i < to) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar >= to - 1) return;
    const next = text[dollar + 1];
    if (next === '$') {
      scan.escapes.push(base + dollar);
      i = dollar + 2;
      continue;
    }
    if (next !== '{') {
      const end = readName(text, dollar + 1);
      if (end > dollar + 1 && end <= to) {
        into.push({ name: text.slice(dollar + 1, end), start: base + dollar, end: base + end, nameStart: base + dollar + 1, nameEnd: base + end, braced: false, nested: [] });
        i = end;
      } else {
        i = dollar + 1;
      }
      continue;
    }
    const close = closingBrace(text, dollar + 1);
    const nameEnd = readName(text, dollar + 2);
    if (close < 0 || close >= to || nameEnd === dollar + 2) {
      scan.invalid ??= { start: base + dollar, end: base + (close >= 0 && close < to ? close + 1 : to) };
      i = close >= 0 && close < to ? close + 1 : to;
      continue;
    }
    const use: VariableUse = {
      name: text.slice(dollar + 2, nameEnd),
      start: base + dollar,
      end: base + close + 1,
      nameStart: base + dollar + 2,
      nameEnd: base + nameEnd,
      braced: true,
      nested: [],
    };
    if (nameEnd !== close) {
      const operator = operators.find((op) => text.startsWith(op, nameEnd));
      if (!operator) {
        scan.invalid ??= { start: base + dollar, end: base + close + 1 };
        i = close + 1;
        continue;
      }
      const argStart = nameEnd + operator.length;
      use.operator = operator;
      use.argument = { start: base + argStart, end: base + close, text: text.slice(argStart, close) };
      scanInto(text, argStart, close, base, use.nested, scan);
    }
    into.push(use);
    i = close + 1;
  }
}

/** Every use, nested ones included, in text order. */
export function allVariables(scan: TemplateScan): VariableUse[] {
  const out: VariableUse[] = [];
  const walk = (uses: VariableUse[]) => {
    for (const use of uses) {
      out.push(use);
      walk(use.nested);
    }
  };
  walk(scan.variables);
  return out;
}

/** Looks a variable up: its value, or undefined when it is not set at all. */
export type VariableLookup = (name: string) => string | undefined;

export interface Substitution {
  value: string;
  /** Variables that were needed and not set (Compose warns and uses ""), in order, once each. */
  missing: string[];
  /** A `${VAR:?msg}` / `${VAR?msg}` that failed: Compose stops with this message. */
  requiredError?: { name: string; message: string };
  invalid: boolean;
}

/** The value Compose would compute for `text` with these variables. */
export function substitute(text: string, lookup: VariableLookup): Substitution {
  const result: Substitution = { value: '', missing: [], invalid: false };
  result.value = substituteRange(text, 0, text.length, lookup, result);
  return result;
}

function substituteRange(text: string, from: number, to: number, lookup: VariableLookup, result: Substitution): string {
  let out = '';
  let i = from;
  while (i < to) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar >= to) {
      out += text.slice(i, to);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (dollar + 1 >= to) {
      out += '$';
      break;
    }
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next !== '{') {
      const end = readName(text, dollar + 1);
      if (end > dollar + 1 && end <= to) {
        out += valueOf(text.slice(dollar + 1, end), lookup, result);
        i = end;
      } else {
        out += '$';
        i = dollar + 1;
      }
      continue;
    }
    const close = closingBrace(text, dollar + 1);
    const nameEnd = readName(text, dollar + 2);
    const operator = nameEnd < to ? operators.find((op) => text.startsWith(op, nameEnd)) : undefined;
    if (close < 0 || close >= to || nameEnd === dollar + 2 || (nameEnd !== close && !operator)) {
      result.invalid = true;
      out += text.slice(dollar, close >= 0 && close < to ? close + 1 : to);
      i = close >= 0 && close < to ? close + 1 : to;
      continue;
    }
    const name = text.slice(dollar + 2, nameEnd);
    if (!operator) {
      out += valueOf(name, lookup, result);
    } else {
      const value = lookup(name);
      const argStart = nameEnd + operator.length;
      const argument = () => substituteRange(text, argStart, close, lookup, result);
      const unsetOrEmpty = value === undefined || value === '';
      switch (operator) {
        case ':-': out += unsetOrEmpty ? argument() : value; break;
        case '-': out += value === undefined ? argument() : value; break;
        case ':+': out += unsetOrEmpty ? value ?? '' : argument(); break;
        case '+': out += value === undefined ? '' : argument(); break;
        case ':?':
        case '?': {
          const fails = operator === ':?' ? unsetOrEmpty : value === undefined;
          if (fails) result.requiredError ??= { name, message: argument() };
          else out += value;
          break;
        }
      }
    }
    i = close + 1;
  }
  return out;
}

function valueOf(name: string, lookup: VariableLookup, result: Substitution): string {
  const value = lookup(name);
  if (value === undefined) {
    if (!result.missing.includes(name)) result.missing.push(name);
    return '';
  }
  return value;
}

/** Whether a use can go without the variable being set (a default, an alternative, an error text). */
export function hasFallback(use: VariableUse): boolean {
  return use.operator !== undefined;
}

/**
 * Variables whose absence Compose would only warn about: no operator, not set, and (when nested
 * in a default) reached because the outer variable falls back. `isSet` says whether a name has a
 * value (empty counts as set).
 */
export function unsetWithoutDefault(scan: TemplateScan, lookup: VariableLookup): VariableUse[] {
  const out: VariableUse[] = [];
  const walk = (uses: VariableUse[]) => {
    for (const use of uses) {
      const value = lookup(use.name);
      if (!use.operator) {
        if (value === undefined) out.push(use);
        continue;
      }
      const unsetOrEmpty = value === undefined || value === '';
      const argumentUsed =
        use.operator === ':-' ? unsetOrEmpty
        : use.operator === '-' ? value === undefined
        : use.operator === ':+' ? !unsetOrEmpty
        : use.operator === '+' ? value !== undefined
        : false; // a required variable's message is only shown, a missing name inside it changes nothing
      if (argumentUsed) walk(use.nested);
    }
  };
  walk(scan.variables);
  return out;
}

/** The use whose span holds `offset` (innermost first), for hover and definition. */
export function variableAt(scan: TemplateScan, offset: number): VariableUse | undefined {
  let found: VariableUse | undefined;
  const walk = (uses: VariableUse[]) => {
    for (const use of uses) {
      if (offset >= use.start && offset <= use.end) {
        found = use;
        walk(use.nested);
        return;
      }
    }
  };
  walk(scan.variables);
  // The argument may contain the offset without a nested variable there: the outer use answers.
  return found;
}
