// Shared by the scripts that generate checked-in files (the Dockerfile grammar, the Kubernetes snippets):
// write the file, or with `--check` fail when the checked-in copy differs from what would be generated.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeOrCheck(outPath, text, regenerateCommand, argv = process.argv) {
  if (argv.includes('--check')) {
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (current !== text) {
      console.error(`${outPath} is stale: run ${regenerateCommand}`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(outPath, text);
  console.log(`wrote ${outPath}`);
}
