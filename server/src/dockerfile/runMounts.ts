/** A RUN's `--mount` flags, read from their text (nothing is mounted or run). */

export interface RunMount {
  type: string;
  target: string | undefined;
  /** Every `key=value` option as written. */
  options: Record<string, string>;
}

/** Shared by the RUNs without a `--mount` flag; never written to. */
const noMounts: RunMount[] = [];

/** The `--mount=…` flags of a RUN, read as BuildKit does. */
export function parseMounts(flags: string[]): RunMount[] {
  let mounts = noMounts;
  for (let k = 0; k < flags.length; k++) {
    const flag = flags[k];
    if (!flag.startsWith('--mount=')) continue;
    if (mounts === noMounts) mounts = [];
    mounts.push(new ParsedMount(unquoteEnds(flag.slice('--mount='.length)).split(',')));
  }
  return mounts;
}

/**
 * A `--mount` read from its comma-separated parts: the rules ask only for the type and target, so
 * the table of every option is made when something asks for it.
 */
class ParsedMount implements RunMount {
  readonly type: string;
  readonly target: string | undefined;
  private optionTable: Record<string, string> | undefined;

  constructor(private readonly parts: readonly string[]) {
    this.type = (optionValue(parts, 'type') ?? 'bind').toLowerCase();
    this.target = optionValue(parts, 'target') ?? optionValue(parts, 'dst') ?? optionValue(parts, 'destination');
  }

  get options(): Record<string, string> {
    return (this.optionTable ??= optionTable(this.parts));
  }
}

/** Every `key=value` option (keys lower-cased, a bare key meaning "true"; the last one wins). */
function optionTable(parts: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n];
    const eq = part.indexOf('=');
    if (eq > 0) options[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
    else if (part) options[part.toLowerCase()] = 'true';
  }
  return options;
}

/**
 * `optionTable(parts)[key]` for a lower-case ASCII key, without building the table. Lower-casing
 * keeps the length of anything that becomes ASCII, so other lengths are passed over unread.
 */
function optionValue(parts: readonly string[], key: string): string | undefined {
  let value: string | undefined;
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n];
    const eq = part.indexOf('=');
    if (eq > 0) {
      if (eq === key.length && part.slice(0, eq).toLowerCase() === key) value = part.slice(eq + 1);
    } else if (part.length === key.length && part.toLowerCase() === key) {
      value = 'true';
    }
  }
  return value;
}

const isQuote = (code: number) => code === 34 /* " */ || code === 39 /* ' */;

/** Drops one quote character at the start and one at the end (each independently), as BuildKit's reader tolerates. */
function unquoteEnds(value: string): string {
  const from = value.length > 0 && isQuote(value.charCodeAt(0)) ? 1 : 0;
  const to = value.length > from && isQuote(value.charCodeAt(value.length - 1)) ? value.length - 1 : value.length;
  return from === 0 && to === value.length ? value : value.slice(from, to);
}
