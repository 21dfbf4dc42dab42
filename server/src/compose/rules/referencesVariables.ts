import { isMap, isPair, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { mightInterpolate, scanTemplate, unsetWithoutDefault, type TemplateScan } from '../interpolation';
import { rangeIn, type ComposeSource } from '../merge';
import type { ComposeRule } from './context';
import { referenceView } from './referencesKit';

/**
 * Interpolation as Compose applies it: to every value of the file (never to keys), before the
 * files are merged. The scan runs over the scalar as written, so ranges point at the text; for
 * quoted scalars the escapes YAML removes never touch `$`, `{`, `}` or names.
 */

export interface ScalarScan {
  node: Scalar;
  scan: TemplateScan;
}

const scans = new WeakMap<ComposeSource, ScalarScan[]>();

/** Every value of a source that may interpolate, scanned once per source. */
export function interpolatedScalars(source: ComposeSource): ScalarScan[] {
  let found = scans.get(source);
  if (found) return found;
  found = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 200 || node === null || node === undefined) return;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) visit(item.value, depth + 1);
        else visit(item, depth + 1);
      }
      return;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range || !mightInterpolate(node.value)) return;
    const [start, end] = node.range;
    const raw = source.text.slice(start, end);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const inner = quoted ? raw.slice(1, -1) : raw;
    found!.push({ node, scan: scanTemplate(inner, start + (quoted ? 1 : 0)) });
  };
  visit((source.yaml.contents as Node | null) ?? undefined, 0);
  scans.set(source, found);
  return found;
}

export const composeUndefinedVariable: ComposeRule = {
  meta: {
    id: 'compose-undefined-variable',
    aliases: [],
    severity: 'info',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Variable without a value or default', zh: '变量没有值也没有默认值' },
    docs: {
      en: 'A value uses `${VAR}` (or `$VAR`) with no default, and the `.env` file of the project does not set `VAR`. It may come from the shell that runs `docker compose`; if it does not, Compose warns and uses an empty string, which often breaks an image name, a port or a path silently. Set it in `.env`, give a default (`${VAR:-value}`), or make it mandatory with a message (`${VAR:?set VAR}`). Write `$$` for a literal dollar sign.',
      zh: '某个值使用了 `${VAR}`（或 `$VAR`）且没有默认值，项目的 `.env` 文件里也没有设置 `VAR`。它可能来自运行 `docker compose` 的 shell；如果没有，Compose 会发出警告并代入空字符串，这常常会悄悄地破坏镜像名、端口或路径。请在 `.env` 中设置它、给出默认值（`${VAR:-value}`），或者写成必填并附上提示（`${VAR:?请设置 VAR}`）。字面的美元符号请写成 `$$`。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const source = view.project.current;
    for (const { scan } of interpolatedScalars(source)) {
      if (scan.invalid) continue;
      for (const use of unsetWithoutDefault(scan, view.project.lookup)) {
        report({
          range: rangeIn(source, use.start, use.end),
          message: {
            en: `\`${use.name}\` is not set in \`.env\` and has no default: unless the shell sets it, Compose uses an empty string.`,
            zh: `\`${use.name}\` 没有在 \`.env\` 中设置，也没有默认值：除非 shell 中设置了它，否则 Compose 会代入空字符串。`,
          },
        });
      }
    }
  },
};

export const composeInvalidInterpolation: ComposeRule = {
  meta: {
    id: 'compose-invalid-interpolation',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid `${…}` expression', zh: '无效的 `${…}` 表达式' },
    docs: {
      en: 'Compose understands `$VAR`, `${VAR}` and `${VAR` followed by `:-`, `-`, `:?`, `?`, `:+` or `+` and a text, closed by `}`. Anything else after `${` (a space, an empty name, `${VAR/a/b}`, a missing `}`) makes Compose refuse the whole file with "Invalid template". Fix the expression, or write `$$` where a literal dollar sign is meant (shell commands, `$${HOME}`).',
      zh: 'Compose 只认识 `$VAR`、`${VAR}`，以及 `${VAR` 后接 `:-`、`-`、`:?`、`?`、`:+` 或 `+` 和一段文字、再以 `}` 结束的写法。`${` 之后出现其他内容（空格、空名字、`${VAR/a/b}`、缺少 `}`）都会让 Compose 以 “Invalid template” 拒绝整个文件。请改正表达式；如果本意是字面的美元符号（例如 shell 命令里的 `$${HOME}`），请写成 `$$`。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const source = view.project.current;
    for (const { scan } of interpolatedScalars(source)) {
      if (!scan.invalid) continue;
      const written = source.text.slice(scan.invalid.start, scan.invalid.end);
      report({
        range: rangeIn(source, scan.invalid.start, scan.invalid.end),
        message: {
          en: `\`${written}\` is not an expression Compose understands: it refuses the file. Write \`$$\` for a literal dollar sign.`,
          zh: `Compose 不认识 \`${written}\` 这个表达式，会拒绝整个文件。字面的美元符号请写成 \`$$\`。`,
        },
      });
    }
  },
};
