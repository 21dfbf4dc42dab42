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
