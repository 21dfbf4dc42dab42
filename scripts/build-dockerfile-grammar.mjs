// Generates syntaxes/dockerfile.tmLanguage.json. The grammar is written as code because every
// instruction shares the same skeleton (see `instruction()` below) and hand-editing eighteen copies of
// escaped regular expressions in JSON is how grammars rot. Run: node scripts/build-dockerfile-grammar.mjs
// (test/unit/grammar.test.ts fails when the JSON is stale).
//
// Structure of one instruction, and why:
//   level 1  begin/while  — starts on the instruction line; its `while` fails on the next line that starts
//                           another instruction. TextMate checks `while` conditions even when nested rules
//                           (an unclosed shell quote, a heredoc without its delimiter, an `if` without `fi`
//                           from source.shell) are still open, so this is the safety net that stops one broken
//                           instruction from colouring the rest of the file.
//   level 2  begin/end    — the logical instruction: keyword, then arguments until the first newline that is
//                           not escaped. A trailing `\` (or a trailing backtick after whitespace, for files
//                           using `# escape=\``) consumes its newline, so `(?=\n)` cannot end the rule there.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated-file.mjs';

const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
const ALL = INSTRUCTIONS.join('|');

// A line that starts a new instruction: upper-case keyword at any indentation, or any case at column 0.
// Lower-case words inside a continued RUN (`    env FOO=1 make`) are therefore not mistaken for one.
const NEW_INSTRUCTION = `\\s*(?:${ALL})(?=\\s|$)|(?i:${ALL})(?=\\s|$)`;

const KEYWORD = 'keyword.other.special-method.dockerfile';
// Not at the start of a line: an empty line inside a continuation is skipped by the parser, not an end.
const EOL = '(?!^)(?=\\n)';

/** Each instruction's argument patterns (after the common continuation handling). */
const ARGUMENTS = {
  FROM: ['#flag', '#from-stage-name', '#variable', '#image-reference', '#string'],
  RUN: ['#flag', '#heredoc-shell', '#exec-form', '#shell-command'],
  CMD: ['#exec-form', '#shell-command'],
  ENTRYPOINT: ['#exec-form', '#shell-command'],
  SHELL: ['#exec-form'],
  HEALTHCHECK: ['#flag', '#healthcheck-none', '#healthcheck-cmd'],
  COPY: ['#flag', '#heredoc-text', '#exec-form', '#variable', '#string'],
  ADD: ['#flag', '#heredoc-text', '#exec-form', '#variable', '#string'],
  ARG: ['#assignment', '#arg-name', '#variable', '#string'],
  ENV: ['#assignment', '#legacy-env', '#variable', '#string'],
  LABEL: ['#label-key', '#assignment', '#variable', '#string'],
  EXPOSE: ['#variable', '#port'],
  USER: ['#variable', '#user'],
  WORKDIR: ['#variable', '#string'],
  VOLUME: ['#exec-form', '#variable', '#string'],
  STOPSIGNAL: ['#variable', '#signal'],
  MAINTAINER: ['#string', { match: '\\S.*?(?=\\s*$)', name: 'string.unquoted.maintainer.dockerfile' }],
  ONBUILD: [],
};

function instruction(keyword) {
  const id = keyword.toLowerCase();
  return {
    begin: `(?=^\\s*(?:(?i:ONBUILD)\\s+)?(?i:${keyword})(?=\\s|$))`,
    while: `^(?!${NEW_INSTRUCTION})`,
    patterns: [
      {
        name: `meta.instruction.${id}.dockerfile`,
        begin: `^\\s*(?:((?i:ONBUILD))\\s+)?((?i:${keyword}))(?=\\s|$)`,
        beginCaptures: { 1: { name: KEYWORD }, 2: { name: KEYWORD } },
        end: EOL,
        patterns: [{ include: '#line-continuation' }, ...ARGUMENTS[keyword].map((p) => (typeof p === 'string' ? { include: p } : p))],
      },
      { include: '#comment' },
    ],
  };
}

const repository = {
  'parser-directives': {
    // Directives only count on the first lines of the file, before anything else; `\A` matches only there.
    begin: '\\A(?=\\s*#\\s*(?i:syntax|escape|check)\\s*=)',
    while: '^(?=\\s*#\\s*(?i:syntax|escape|check)\\s*=)',
    patterns: [{
      match: '^\\s*(#)\\s*((?i:syntax|escape|check))\\s*(=)\\s*(.*?)\\s*$',
      name: 'meta.preprocessor.directive.dockerfile',
      captures: {
        1: { name: 'punctuation.definition.directive.dockerfile' },
        2: { name: 'keyword.control.directive.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'string.unquoted.directive-value.dockerfile' },
      },
    }],
  },
  comment: {
    match: '^\\s*((#).*)$',
    captures: { 1: { name: 'comment.line.number-sign.dockerfile' }, 2: { name: 'punctuation.definition.comment.dockerfile' } },
  },
  'line-continuation': {
    patterns: [
      {
        // `\` or, after whitespace, a backtick (the escape character under `# escape=\``), then end of line.
        match: '(?:(\\\\)|(?<![^\\s])(`))[ \\t]*\\n',
        captures: {
          1: { name: 'constant.character.escape.line-continuation.dockerfile' },
          2: { name: 'constant.character.escape.line-continuation.dockerfile' },
        },
      },
      {
        // Inside a continued instruction, comment lines are dropped by the parser and the instruction goes on.
        match: '^\\s*((#).*)\\n',
        captures: { 1: { name: 'comment.line.number-sign.dockerfile' }, 2: { name: 'punctuation.definition.comment.dockerfile' } },
      },
      // So are empty lines (deprecated, but still accepted).
      { match: '^[ \\t]*\\n' },
    ],
  },
  flag: {
    patterns: [
      {
        name: 'meta.flag.dockerfile',
        begin: '(?<![^\\s])(--)([A-Za-z][\\w-]*)(=)',
        beginCaptures: {
          1: { name: 'punctuation.definition.flag.dockerfile' },
          2: { name: 'entity.other.attribute-name.flag.dockerfile' },
          3: { name: 'keyword.operator.assignment.dockerfile' },
        },
        end: '(?=\\s)',
        patterns: [
          { include: '#variable' },
          { include: '#string' },
          {
            // key=value pairs of --mount, --secret, --cache-from…
            match: '([A-Za-z][\\w-]*)(=)',
            captures: { 1: { name: 'variable.parameter.option-key.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
          },
          { match: ',', name: 'punctuation.separator.option.dockerfile' },
          { match: '[^\\s,=$"\']+', name: 'string.unquoted.flag-value.dockerfile' },
        ],
      },
      {
        match: '(?<![^\\s])(--)([A-Za-z][\\w-]*)(?=\\s)',
        name: 'meta.flag.dockerfile',
        captures: { 1: { name: 'punctuation.definition.flag.dockerfile' }, 2: { name: 'entity.other.attribute-name.flag.dockerfile' } },
      },
    ],
  },
  variable: {
    patterns: [
      { match: '\\\\\\$', name: 'constant.character.escape.dockerfile' },
      {
        name: 'meta.interpolation.variable.dockerfile',
        begin: '(\\$)(\\{)([A-Za-z_][A-Za-z0-9_]*)',
        beginCaptures: {
          1: { name: 'punctuation.definition.variable.dockerfile' },
          2: { name: 'punctuation.section.interpolation.begin.dockerfile' },
          3: { name: 'variable.other.dockerfile' },
        },
        end: `(\\})|${EOL}`,
        endCaptures: { 1: { name: 'punctuation.section.interpolation.end.dockerfile' } },
        patterns: [
          { match: '\\G(?::?[-+?=]|##?|%%?|//?)', name: 'keyword.operator.expansion.dockerfile' },
          { include: '#line-continuation' },
          { include: '#variable' },
          { include: '#string' },
        ],
      },
      {
        match: '(\\$)[A-Za-z_][A-Za-z0-9_]*',
        name: 'variable.other.dockerfile',
        captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } },
      },
    ],
  },
  string: {
    patterns: [
      {
        name: 'string.quoted.double.dockerfile',
        begin: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        // An unclosed quote stops at the end of the instruction rather than running on.
        end: `"|${EOL}`,
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
        patterns: [
          { include: '#line-continuation' },
          { match: '\\\\.', name: 'constant.character.escape.dockerfile' },
          { include: '#variable' },
        ],
      },
      {
        name: 'string.quoted.single.dockerfile',
        begin: "'",
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        end: `'|${EOL}`,
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
        patterns: [{ include: '#line-continuation' }],
      },
    ],
  },
  'exec-form': {
    // A JSON array of strings: only when the arguments start with `[` followed by a string or `]`
    // (`RUN [ -f x ]` is a shell test, not JSON).
    name: 'meta.array.exec-form.dockerfile',
    begin: '(\\[)(?=\\s*(?:"|\\]))',
    beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
    end: `(\\])|${EOL}`,
    endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
    patterns: [
      { include: '#line-continuation' },
      {
        name: 'string.quoted.double.json.dockerfile',
        begin: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        end: `"|${EOL}`,
        endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
        patterns: [
          { match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})', name: 'constant.character.escape.dockerfile' },
          { match: '\\\\.', name: 'invalid.illegal.unrecognized-string-escape.dockerfile' },
        ],
      },
      { match: ',', name: 'punctuation.separator.array.dockerfile' },
      { match: '[^\\s,\\]"\\\\]+', name: 'invalid.illegal.expected-string.dockerfile' },
    ],
  },
  'shell-command': {
    // Shell form: the rest of the instruction is a shell script.
    name: 'meta.embedded.shell',
    begin: '(?=\\S)',
    end: EOL,
    patterns: [
      { include: '#line-continuation' },
      {
        // VS Code's shell grammar only recognises a command name at the start of a line or after `;`, `|`,
        // `&`… — here the script starts after `RUN `, so we name the first command ourselves.
        match: '\\G(?<=\\s)(?!(?:if|for|while|until|case|select|function|time|do|then)(?:\\s|$))[A-Za-z0-9_./+-]+(?=\\s|;|$)',
        name: 'entity.name.function.call.shell entity.name.command.shell',
      },
      { include: '#heredoc-shell' },
      { include: 'source.shell' },
    ],
  },
  'heredoc-shell': heredoc('shell'),
  'heredoc-text': heredoc('text'),
  'healthcheck-none': {
    match: '(?<![^\\s])(?i:NONE)(?=\\s|$)',
    name: 'constant.language.none.dockerfile',
  },
  'healthcheck-cmd': {
    begin: '(?<![^\\s])((?i:CMD))(?=\\s|$)',
    beginCaptures: { 1: { name: KEYWORD } },
    end: EOL,
    patterns: [{ include: '#line-continuation' }, { include: '#exec-form' }, { include: '#shell-command' }],
  },
  'from-stage-name': {
    match: '(?<![^\\s])((?i:AS))\\s+([^\\s]+)',
    captures: { 1: { name: 'keyword.control.as.dockerfile' }, 2: { name: 'entity.name.function.stage.dockerfile' } },
  },
  'image-reference': {
    patterns: [
      {
        match: '(?<![^\\s])(?:[A-Za-z0-9][\\w.-]*(?::[0-9]+)?/)*[A-Za-z0-9][\\w.-]*(?=[:@\\s$]|$)',
        name: 'entity.name.type.image.dockerfile',
      },
      {
        match: '(:)([\\w][\\w.-]*)?',
        captures: { 1: { name: 'punctuation.separator.tag.dockerfile' }, 2: { name: 'constant.other.tag.dockerfile' } },
      },
      {
        match: '(@)([A-Za-z][A-Za-z0-9+._-]*:[0-9A-Fa-f]+)',
        captures: { 1: { name: 'punctuation.separator.digest.dockerfile' }, 2: { name: 'constant.other.digest.dockerfile' } },
      },
    ],
  },
  assignment: {
    match: '(?<![^\\s])([A-Za-z_][\\w.-]*)(=)',
    captures: { 1: { name: 'variable.other.definition.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
  },
  'arg-name': {
    match: '(?<![^\\s])[A-Za-z_][\\w]*(?=\\s|$)',
    name: 'variable.other.definition.dockerfile',
  },
  'legacy-env': {
    // `ENV NAME value` (no `=`): the first word is the name, the rest of the line its value.
    match: '\\G[ \\t]+([A-Za-z_][\\w]*)(?=[ \\t])',
    captures: { 1: { name: 'variable.other.definition.dockerfile' } },
  },
  'label-key': {
    match: '(?<![^\\s])("[^"\\n]*"|[A-Za-z0-9_][\\w.-]*)(=)',
    captures: { 1: { name: 'entity.other.attribute-name.label.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
  },
  port: {
    match: '\\b([0-9]+(?:-[0-9]+)?)(?:(/)((?i:tcp|udp|sctp)))?\\b',
    captures: {
      1: { name: 'constant.numeric.port.dockerfile' },
      2: { name: 'punctuation.separator.protocol.dockerfile' },
      3: { name: 'constant.language.protocol.dockerfile' },
    },
  },
  user: {
    match: '(?<![^\\s])([^\\s:$]+)(?:(:)([^\\s$]+))?',
    captures: {
      1: { name: 'string.unquoted.user.dockerfile' },
      2: { name: 'punctuation.separator.user-group.dockerfile' },
      3: { name: 'string.unquoted.group.dockerfile' },
    },
  },
  signal: {
    patterns: [
      { match: '\\b(?:SIG)?[A-Z][A-Z0-9+]*\\b', name: 'constant.language.signal.dockerfile' },
      { match: '\\b[0-9]+\\b', name: 'constant.numeric.signal.dockerfile' },
    ],
  },
};

/**
 * `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: everything after the marker line up to the delimiter line.
 * The rest of the marker line keeps its normal meaning (`COPY <<EOF /etc/app.conf`).
 */
function heredoc(kind) {
  const common = {
    name: 'meta.heredoc.dockerfile',
    begin: '(<<)(-?)\\s*(["\']?)([A-Za-z_][\\w.-]*)\\3',
    beginCaptures: {
      1: { name: 'keyword.operator.heredoc.dockerfile' },
      2: { name: 'keyword.operator.heredoc.dockerfile' },
      4: { name: 'entity.name.tag.heredoc-delimiter.dockerfile' },
    },
    end: '^\\t*(\\4)(?=\\s*$)',
    endCaptures: { 1: { name: 'entity.name.tag.heredoc-delimiter.dockerfile' } },
  };
  if (kind === 'shell') {
    // The rest of the marker line (`RUN cat <<EOF > /file`) is shell as well, so one embedded scope covers both.
    // `#variable` after source.shell only matters when no shell grammar is installed: a rule whose only
    // include is missing would be dropped, and the heredoc with it.
    return { ...common, contentName: 'meta.embedded.shell', patterns: [{ include: 'source.shell' }, { include: '#variable' }] };
  }
  return {
    ...common,
    patterns: [
      {
        // The rest of the marker line keeps its meaning (`COPY <<EOF /etc/app.conf`).
        begin: '\\G(?<=\\S)(?=[^\\n])',
        end: EOL,
        patterns: [{ include: '#variable' }, { include: '#string' }],
      },
      { match: '^.+', name: 'string.unquoted.heredoc.dockerfile' },
    ],
  };
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Dockerfile',
  scopeName: 'source.dockerfile',
  comment: 'Generated by scripts/build-dockerfile-grammar.mjs — edit that file, not this one.',
  patterns: [
    { include: '#parser-directives' },
    { include: '#comment' },
    // ONBUILD last: `ONBUILD RUN …` must be taken by the RUN rule, which knows RUN's arguments.
    ...INSTRUCTIONS.filter((k) => k !== 'ONBUILD').map((k) => ({ include: `#instruction-${k.toLowerCase()}` })),
    { include: '#instruction-onbuild' },
  ],
  repository: {
    ...Object.fromEntries(INSTRUCTIONS.map((k) => [`instruction-${k.toLowerCase()}`, instruction(k)])),
    ...repository,
  },
};

export function dockerfileGrammarJson() {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeOrCheck(join(dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes', 'dockerfile.tmLanguage.json'), dockerfileGrammarJson(), 'node scripts/build-dockerfile-grammar.mjs');
}
