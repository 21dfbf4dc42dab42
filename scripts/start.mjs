// `npm start`, the main job: build, package the .vsix, then run the engine over examples/ and
// print what it finds (the same checks the editor shows).
import { spawnSync } from 'node:child_process';

function step(title, command, args, okCodes = [0]) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (!okCodes.includes(result.status ?? 1)) {
    console.error(`start: "${title}" failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

step('package the extension (production build + vsce)', process.execPath, ['scripts/package.mjs']);
// Exit 1 only means "findings": the examples have some on purpose.
step('lint examples/ with the engine', process.execPath, ['bin/stevedore', 'lint', 'examples'], [0, 1]);
console.log('\nInstall the extension with: code --install-extension stevedore-0.1.0.vsix');
