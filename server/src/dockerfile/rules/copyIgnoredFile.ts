import type { Rule } from '../../common/rules';
import type { ProjectFile } from '../../common/service';
import { cleanPath, ignoredBy, parseDockerignore, type IgnorePattern } from '../dockerignore';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';
import { copyOperands } from './copyOperands';

type Subject = DockerfileRuleSubject;

/** Parsed once per ignore file the front read (the front hands out the same object until the file changes). */
const parsedIgnoreFiles = new WeakMap<ProjectFile, IgnorePattern[]>();

/** The build context's ignore file, as the front found it (`<Dockerfile>.dockerignore` first, as in BuildKit). */
function loadIgnore(subject: Subject): IgnorePattern[] | undefined {
  const file = subject.ctx.project?.dockerignore;
  if (!file) return undefined;
  let patterns = parsedIgnoreFiles.get(file);
  if (!patterns) {
    patterns = parseDockerignore(file.text);
    parsedIgnoreFiles.set(file, patterns);
  }
  return patterns;
}

/**
 * The context root itself (`COPY . .`, `COPY / x`) is never one ignored path: like BuildKit, count it
 * as excluded only when a pattern excludes every entry of the root (`*`, `**`, `**\/*`) and the file
 * has no `!` exception (with one, something of the root is sent).
 */
function wholeContextIgnored(patterns: readonly IgnorePattern[]): IgnorePattern | undefined {
  if (patterns.some((pattern) => pattern.exclusion)) return undefined;
  return patterns.find((pattern) => ['*', '**', '**/*'].includes(cleanPath(pattern.text)));
}

const isRemote = (source: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@');

export const copyIgnoredFile: Rule<Subject> = {
  meta: {
    id: 'copy-ignored-file', scope: 'file',
    aliases: ['CopyIgnoredFile'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Copying a file that .dockerignore excludes', zh: '复制了被 .dockerignore 排除的文件' },
    differences: {
      en: 'BuildKit skips this check entirely when `.dockerignore` has any `!` exception, since an excluded folder may have an included file inside; Stevedore matches each source against the patterns in order, exceptions included, and still reports a source that no exception brings back. BuildKit reads only the build context it is given; Stevedore assumes the Dockerfile\'s folder is the context.',
      zh: '只要 `.dockerignore` 中有任何 `!` 例外，BuildKit 就完全跳过这项检查，因为被排除的目录里可能有被重新包含的文件；Stevedore 则按顺序把每个源与各模式（包括例外）逐一匹配，仍会报告没有被任何例外重新包含的源。BuildKit 只读取传给它的构建上下文；Stevedore 假定 Dockerfile 所在目录就是构建上下文。',
    },
    docs: {
      en: 'Files excluded by `.dockerignore` are never sent to the builder, so a `COPY`/`ADD` of them copies nothing or fails with "not found".\n\nStevedore reads `<Dockerfile>.dockerignore` next to the Dockerfile, else `.dockerignore` in its directory (the usual build context), honouring `!` exceptions and `**`. Copying the whole context (`COPY . .`, `COPY / x`) is reported only when a pattern excludes everything in it (`*`, `**` or `**/*`, with no `!` exception), as BuildKit does. Remove the pattern, add a `!` exception, or stop copying the file.',
      zh: '被 `.dockerignore` 排除的文件根本不会发送给构建器，因此对它们的 `COPY`/`ADD` 要么什么也没复制，要么报 "not found" 错误。\n\nStevedore 会读取 Dockerfile 旁边的 `<Dockerfile>.dockerignore`，否则读取其所在目录（通常就是构建上下文）中的 `.dockerignore`，并支持 `!` 例外和 `**`。复制整个上下文（`COPY . .`、`COPY / x`）只在某个模式排除了其中全部内容（`*`、`**` 或 `**/*`，且没有 `!` 例外）时才报告，与 BuildKit 一致。请删除该模式、添加 `!` 例外，或者不再复制该文件。',
    },
  },
  check(subject, report) {
    const facts = factsOf(subject.model);
    const relevant = facts.keywords.some((keyword) => keyword === 'COPY' || keyword === 'ADD');
    if (!relevant) return;
    const patterns = loadIgnore(subject);
    if (!patterns || patterns.length === 0) return;
    const rootIgnored = wholeContextIgnored(patterns);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (keyword !== 'COPY' && keyword !== 'ADD') return;
      const operands = copyOperands(subject.model, instruction);
      if (!operands || operands.flags.includes('from')) return;
      for (const source of operands.sources) {
        if (source.value.startsWith('<<') || source.value.includes('$') || isRemote(source.value)) continue;
        const pattern = cleanPath(source.value) === '' ? rootIgnored : ignoredBy(patterns, source.value);
        if (!pattern) continue;
        report({
          range: source.range,
          message: { en: `${source.value} is excluded by .dockerignore ("${pattern.text}"), so it is not in the build context.`, zh: `${source.value} 被 .dockerignore 排除（"${pattern.text}"），不在构建上下文中。` },
        });
      }
    });
  },
};
