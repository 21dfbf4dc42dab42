import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataFileName, dataFilePattern } from '../../../scripts/bundle-options.mjs';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const sourceRoot = join(repoRoot, 'server', 'src');

/** Every data file the sources hold, by the name it gets under a bundle's data/ folder → its source path. */
export function sourceDataFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (dataFilePattern.test(path)) found.set(dataFileName(path), path);
    }
  };
  walk(sourceRoot);
  return found;
}

/**
 * A probe module (`export function probe(): string`) built as the bundles are and run, and the same
 * module run here from the sources: what each printed, and the bundle's folder (`out/`: the script
 * and its data folder). The caller removes `folder`.
 */
export async function bundledAndSourceProbe(folder: string, probeSource: string): Promise<{ bundled: string; fromSources: string; out: string; script: string }> {
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync, readFileSync } = await import('node:fs');
  const { build } = await import('esbuild');
  const { commonOptions } = await import('../../../scripts/bundle-options.mjs');
  const probeFile = join(folder, 'probe.ts');
  writeFileSync(probeFile, probeSource);
  const entry = join(folder, 'entry.ts');
  writeFileSync(entry, `import { probe } from './probe';\nprocess.stdout.write(probe());\n`);
  const out = join(folder, 'out');
  await build({ ...commonOptions(true), absWorkingDir: repoRoot, entryPoints: [entry], outfile: join(out, 'probe.js') });
  const run = spawnSync(process.execPath, [join(out, 'probe.js')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the bundled probe failed: ${run.stderr}`);
  const { probe } = (await import(probeFile)) as { probe: () => string };
  return { bundled: run.stdout, fromSources: probe(), out, script: readFileSync(join(out, 'probe.js'), 'utf8') };
}
