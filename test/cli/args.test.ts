import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeLanguage, parseArgs } from '../../server/src/cli/args';

describe('argument parsing', () => {
  it('reads paths and every option in both spellings', () => {
    const parsed = parseArgs(['lint', 'a', '-f', 'sarif', '--output=o.sarif', '--severity-threshold', 'INFO', '--fix', '--lang', 'zh_CN', '-q', '--no-color', '--no-gitignore', 'b']);
    assert.equal(parsed.action, 'lint');
    if (parsed.action !== 'lint') return;
    assert.deepEqual(parsed.options.paths, ['a', 'b']);
    assert.equal(parsed.options.format, 'sarif');
    assert.equal(parsed.options.output, 'o.sarif');
    assert.equal(parsed.options.threshold, 3);
    assert.equal(parsed.options.fix, true);
    assert.equal(parsed.options.lang, 'zh-cn');
    assert.equal(parsed.options.quiet, true);
    assert.equal(parsed.options.colour, false);
    assert.equal(parsed.options.gitignore, false);
  });

  it('defaults to the current folder, or to stdin with --stdin-filename', () => {
    const plain = parseArgs(['lint']);
    assert.ok(plain.action === 'lint' && plain.options.paths[0] === '.' && plain.options.threshold === undefined);
    const stdin = parseArgs(['lint', '--stdin-filename', 'Dockerfile']);
    assert.ok(stdin.action === 'lint' && stdin.options.paths[0] === '-');
  });

  it('treats everything after -- as a path', () => {
    const parsed = parseArgs(['lint', '--', '--fix']);
    assert.ok(parsed.action === 'lint' && parsed.options.paths[0] === '--fix' && !parsed.options.fix);
  });

  it('rejects what it does not understand', () => {
    for (const argv of [['lint', '--fix=yes'], ['lint', '--lang', 'fr'], ['lint', '-', '-'], ['lint', '.', '--stdin-filename', 'x'], ['lint', '-f']]) {
      assert.equal(parseArgs(argv).action, 'error', argv.join(' '));
    }
  });

  it('answers help and version', () => {
    assert.equal(parseArgs([]).action, 'help');
    assert.equal(parseArgs(['lint', '--help']).action, 'help');
    assert.equal(parseArgs(['-v']).action, 'version');
  });

  it('takes the language from LC_ALL, LC_MESSAGES, then LANG', () => {
    assert.equal(localeLanguage({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(localeLanguage({ LC_MESSAGES: 'zh_SG', LANG: 'en_GB' }), 'zh-cn');
    assert.equal(localeLanguage({ LANG: 'zh_TW.UTF-8' }), 'en');
    assert.equal(localeLanguage({}), 'en');
  });
});
