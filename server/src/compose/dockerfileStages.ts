/**
 * A Dockerfile's stages as Compose needs them: the `build.target` rule and `build.target`
 * completion (names), the healthcheck rule (base images, HEALTHCHECK). Read from the text alone,
 * so a Dockerfile beside a Compose file costs no full Dockerfile parse.
 */

export interface DockerfileStage {
  /** Lower-cased `AS` name, if any. */
  name?: string;
  /** The image or earlier stage it starts from. */
  base: string;
  /** Its own last HEALTHCHECK: `check`, `none` (HEALTHCHECK NONE), or undefined when it has none. */
  healthcheck?: 'check' | 'none';
}

/**
 * The stages of a Dockerfile read from its text, just enough for Compose's questions (`build.target`
 * names, HEALTHCHECK): logical lines (continuations joined, comments skipped), FROM and HEALTHCHECK.
 */
export function dockerfileStages(text: string): DockerfileStage[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.slice(0, 200)) ? '`' : '\\';
  const stages: DockerfileStage[] = [];
  let logical = '';
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimStart();
    if (logical === '' && (line.startsWith('#') || line === '')) continue;
    if (logical !== '' && line.startsWith('#')) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(escape)) {
      logical += `${trimmed.slice(0, -1)} `;
      continue;
    }
    logical += trimmed;
    const words = logical.trim().split(/\s+/);
    logical = '';
    const instruction = words[0]?.toUpperCase();
    if (instruction === 'FROM') {
      const args = words.slice(1).filter((word) => !word.startsWith('--'));
      const asIndex = args.findIndex((word) => word.toLowerCase() === 'as');
      stages.push({ base: args[0] ?? '', name: asIndex >= 0 ? args[asIndex + 1]?.toLowerCase() : undefined });
    } else if (instruction === 'HEALTHCHECK' && stages.length > 0) {
      stages[stages.length - 1].healthcheck = words[1]?.toUpperCase() === 'NONE' ? 'none' : 'check';
    }
  }
  return stages;
}
