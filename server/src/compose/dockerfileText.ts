/**
 * What Compose needs from the Dockerfile a service builds, read from its text: stage names and
 * bases (`build.target` rule and completion), each stage's last HEALTHCHECK (the healthcheck rule),
 * the ARG names (global ones before the first FROM, and each stage's) and each stage's EXPOSE
 * (the edge rules, rules/imageEdges.ts). A Dockerfile beside a Compose file costs no full parse. Compose may not import the Dockerfile language (the language folders stay
 * apart), and these questions need only logical lines: continuations joined, comments and heredoc
 * bodies skipped.
 */

export interface TextStage {
  /** Lower-cased `AS` name, if any. */
  name?: string;
  /** The image or earlier stage it starts from. */
  base: string;
  args: string[];
  /** EXPOSE words as written (`80`, `53/udp`, `$PORT`). */
  expose: string[];
  /** Its own last HEALTHCHECK: `check`, `none` (HEALTHCHECK NONE), or undefined when it has none. */
  healthcheck?: 'check' | 'none';
}

export interface DockerfileText {
  /** ARGs before the first FROM. */
  globalArgs: string[];
  stages: TextStage[];
}

/** Words of one logical line, quotes kept together (`ARG A="x y"` is two words). */
function words(line: string): string[] {
  return line.match(/(?:[^\s"']+|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g) ?? [];
}

/** The logical instruction lines of a Dockerfile (no comments, continuations joined, heredoc bodies left out). */
export function logicalLines(text: string): string[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.slice(0, 200)) ? '`' : '\\';
  const lines: string[] = [];
  let logical = '';
  let heredocs: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (heredocs.length > 0) {
      // `<<-EOF` allows the terminator indented with tabs.
      if (rawLine.replace(/^\t+/, '') === heredocs[0]) heredocs.shift();
      continue;
    }
    const line = rawLine.trimStart();
    if (line.startsWith('#') || (logical === '' && line === '')) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(escape)) {
      logical += `${trimmed.slice(0, -1)} `;
      continue;
    }
    logical += trimmed;
    lines.push(logical.trim());
    heredocs = [...logical.matchAll(/<<-?(["']?)([A-Za-z_][\w-]*)\1/g)].map((m) => m[2]);
    logical = '';
  }
  if (logical.trim() !== '') lines.push(logical.trim());
  return lines;
}

export function readDockerfileText(text: string): DockerfileText {
  const result: DockerfileText = { globalArgs: [], stages: [] };
  for (const line of logicalLines(text)) {
    const [keyword = '', ...rest] = words(line);
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const args = rest.filter((word) => !word.startsWith('--'));
        const asIndex = args.findIndex((word) => word.toLowerCase() === 'as');
        result.stages.push({ base: args[0] ?? '', name: asIndex >= 0 ? args[asIndex + 1]?.toLowerCase() : undefined, args: [], expose: [] });
        break;
      }
      case 'ARG': {
        const names = rest.map((word) => word.split('=')[0]).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
        (result.stages.at(-1)?.args ?? result.globalArgs).push(...names);
        break;
      }
      case 'EXPOSE':
        result.stages.at(-1)?.expose.push(...rest);
        break;
      case 'HEALTHCHECK': {
        const stage = result.stages.at(-1);
        if (stage) stage.healthcheck = rest[0]?.toUpperCase() === 'NONE' ? 'none' : 'check';
        break;
      }
    }
  }
  return result;
}

/** Just the stages (names, bases, HEALTHCHECK, ARGs, EXPOSE). */
export function dockerfileStages(text: string): TextStage[] {
  return readDockerfileText(text).stages;
}

/** The stages an image is built through, oldest first: `FROM <earlier stage>` followed back. */
export function stageChainOf(stages: TextStage[], index: number): TextStage[] {
  const chain: TextStage[] = [];
  let current = index;
  while (current >= 0 && chain.length <= stages.length) {
    const stage = stages[current];
    chain.unshift(stage);
    const base = stage.base.toLowerCase();
    current = stages.slice(0, current).map((s) => s.name).lastIndexOf(base);
  }
  return chain;
}
