/**
 * The extension-tests entry point (the `extensionTestsPath` module): VS Code, desktop or
 * code-server, calls `run()` inside the extension host once the workbench is up. It runs every
 * `*.test.js` bundled next to it (run.ts bundles one pass's test files into one folder).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// Reporters print through console.log with printf-style arguments; code-server forwards only the
// joined arguments, unformatted ("%d passing (%s),11,4s"). Format here so every editor prints the
// usual "11 passing (4s)" lines that scripts/test.mjs counts.
(Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.log(format(...args));

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...testFiles(full));
    else if (entry.endsWith('.test.js')) found.push(full);
  }
  return found;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const files = testFiles(__dirname);
  // A pass that finds nothing to run is a broken set-up, not a success.
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
