import type { ErrorCode, YAMLError } from 'yaml';
import type { Localized } from './localized';
import { codeSpan } from './plainText';

/**
 * What the `yaml` package's parser errors mean, in our words and in both languages: its own
 * messages are English only and written for YAML implementers ("Nested mappings are not allowed
 * in compact mappings"). Each error code has a wording that fits every message of the code, and
 * the messages the parser words more precisely have their own, matched on the parser's text.
 *
 * Wordings are Markdown like every rule message. In a specific wording `{1}` is the pattern's
 * first capture quoted as code, and `{1:term}` the capture translated through `terms` (the
 * parser names collections: "flow map", "flow sequence", "seq"…).
 *
 * The codes are those of yaml 2.x's `ErrorCode` (node_modules/yaml/dist/errors.d.ts); the
 * messages were read from its compose/, parse/ and doc/ sources. An error with a code missing
 * here (a newer yaml) keeps the parser's text.
 */
export interface YamlErrorWording {
  /** Right for every message of the code. */
  general: Localized;
  /** Closer wordings for particular parser messages, tried in order. */
  specific?: readonly { pattern: RegExp; text: Localized }[];
}

const terms: Record<string, Localized> = {
  'flow map': { en: 'flow mapping (`{ }`)', zh: '流式映射（`{ }`）' },
  'flow sequence': { en: 'flow sequence (`[ ]`)', zh: '流式序列（`[ ]`）' },
  collection: { en: 'collection', zh: '集合' },
  map: { en: 'mapping', zh: '映射' },
  seq: { en: 'list', zh: '列表' },
  scalar: { en: 'single value', zh: '单个值' },
};

export const yamlErrorWordings: Record<ErrorCode, YamlErrorWording> = {
  ALIAS_PROPS: {
    general: { en: 'An alias (`*name`) cannot carry its own anchor or tag.', zh: '别名（`*name`）不能带有自己的锚点或标签。' },
  },
  BAD_ALIAS: {
    general: { en: 'Invalid anchor (`&name`) or alias (`*name`).', zh: '锚点（`&name`）或别名（`*name`）无效。' },
    specific: [
      { pattern: /^Alias cannot be an empty string/, text: { en: 'An alias needs a name after `*`.', zh: '别名的 `*` 后面需要写名称。' } },
      { pattern: /^Anchor cannot be an empty string/, text: { en: 'An anchor needs a name after `&`.', zh: '锚点的 `&` 后面需要写名称。' } },
      { pattern: /^(?:Alias|Anchor) ending in : is ambiguous/, text: { en: 'An anchor or alias name ending in `:` is ambiguous; put a space before the colon.', zh: '以 `:` 结尾的锚点或别名有歧义；请在冒号前加一个空格。' } },
    ],
  },
  BAD_COLLECTION_TYPE: {
    general: { en: 'The tag does not fit this kind of value (a mapping, a list or a single value).', zh: '该标签与值的类型（映射、列表或单个值）不符。' },
    specific: [
      { pattern: /^(\S+) used for (map|seq) collection, but expects (map|seq|scalar)/, text: { en: 'The tag {1} is for a {3:term}, not a {2:term}.', zh: '标签 {1} 用于{3:term}，而不是{2:term}。' } },
    ],
  },
  BAD_DIRECTIVE: {
    general: { en: 'Invalid YAML directive (a line starting with `%`).', zh: 'YAML 指令（以 `%` 开头的行）无效。' },
    specific: [
      { pattern: /^Unknown directive (\S+)/, text: { en: 'Unknown YAML directive {1}.', zh: '未知的 YAML 指令 {1}。' } },
      { pattern: /^Unsupported YAML version (\S+)/, text: { en: 'Unsupported YAML version {1}; write `%YAML 1.2` or leave the directive out.', zh: '不支持 YAML 版本 {1}；请写 `%YAML 1.2` 或删除该指令。' } },
      { pattern: /^%(TAG|YAML) directive should contain exactly (one|two) parts?/, text: { en: 'The directive has the wrong number of parts: `%YAML 1.2` or `%TAG !prefix! tag:example.com,2024:`.', zh: '该指令的组成部分数量不对：应为 `%YAML 1.2` 或 `%TAG !prefix! tag:example.com,2024:`。' } },
    ],
  },
  BAD_DQ_ESCAPE: {
    general: { en: 'Invalid escape sequence in a double-quoted string; write `\\\\` for a backslash, or use single quotes.', zh: '双引号字符串中的转义序列无效；反斜杠请写成 `\\\\`，或改用单引号。' },
    specific: [
      { pattern: /^Invalid escape sequence (\S+)/, text: { en: 'Invalid escape sequence {1} in a double-quoted string; write `\\\\` for a backslash, or use single quotes.', zh: '双引号字符串中的转义序列 {1} 无效；反斜杠请写成 `\\\\`，或改用单引号。' } },
    ],
  },
  BAD_INDENT: {
    general: { en: 'Wrong indentation.', zh: '缩进不正确。' },
    specific: [
      { pattern: /^All mapping items must start at the same column/, text: { en: 'This key is not aligned with the other keys of its mapping; indent it like its siblings.', zh: '该键没有与同一映射中的其他键对齐；请使用与同级键相同的缩进。' } },
      { pattern: /^All sequence items must start at the same column/, text: { en: 'This list item is not aligned with the others; start every `-` of the list at the same column.', zh: '该列表项没有与其他项对齐；同一列表的每个 `-` 都应从同一列开始。' } },
      { pattern: /^(Flow map|Flow sequence) in block collection must be sufficiently indented and end with an? (\S+)/, text: { en: 'The {1:term} must be indented more than its key and closed with {2}.', zh: '{1:term}必须比所属的键缩进更多，并以 {2} 结束。' } },
      { pattern: /^Flow end indicator should be more indented than parent/, text: { en: 'The closing bracket should be indented more than the key it belongs to.', zh: '右括号的缩进应多于它所属的键。' } },
      { pattern: /^Block scalar values in collections must be indented/, text: { en: 'The lines of a multi-line string (`|` or `>`) must be indented more than its key.', zh: '多行字符串（`|` 或 `>`）的各行必须比它的键缩进更多。' } },
      { pattern: /^Block scalar lines must not be less indented than their/, text: { en: 'A line of this multi-line string (`|` or `>`) is indented less than its first line.', zh: '该多行字符串（`|` 或 `>`）中有一行的缩进少于第一行。' } },
    ],
  },
  BAD_PROP_ORDER: {
    general: { en: 'Anchors (`&`) and tags (`!`) go after the `-`, `?` or `:` indicator, not before it.', zh: '锚点（`&`）和标签（`!`）应写在 `-`、`?` 或 `:` 之后，而不是之前。' },
    specific: [
      { pattern: /^Anchors and tags must be after the (\S+) indicator/, text: { en: 'Anchors (`&`) and tags (`!`) go after {1}, not before it.', zh: '锚点（`&`）和标签（`!`）应写在 {1} 之后，而不是之前。' } },
    ],
  },
  BAD_SCALAR_START: {
    general: { en: 'An unquoted value cannot start with this character; put the value in quotes.', zh: '不加引号的值不能以该字符开头；请给值加上引号。' },
    specific: [
      { pattern: /^Plain value cannot start with [a-z ]*character (\S)$/, text: { en: 'An unquoted value cannot start with {1}; put the value in quotes.', zh: '不加引号的值不能以 {1} 开头；请给值加上引号。' } },
      { pattern: /^Plain value cannot start with block scalar indicator (\S)$/, text: { en: 'An unquoted value cannot start with {1} here; put the value in quotes.', zh: '此处不加引号的值不能以 {1} 开头；请给值加上引号。' } },
    ],
  },
  BLOCK_AS_IMPLICIT_KEY: {
    general: { en: 'A mapping or a list cannot be used as a key here.', zh: '此处不能用映射或列表作为键。' },
    specific: [
      { pattern: /^Nested mappings are not allowed in compact mappings/, text: { en: 'A value cannot start a new mapping on the line of its key (`a: b: c`); move the inner mapping to the next line and indent it, or quote the value.', zh: '值不能在键的同一行开始新的映射（如 `a: b: c`）；请把内层映射移到下一行并缩进，或给值加上引号。' } },
      { pattern: /^A block sequence may not be used as an implicit map key/, text: { en: 'A list cannot be used as a mapping key.', zh: '列表不能用作映射的键。' } },
    ],
  },
  BLOCK_IN_FLOW: {
    general: { en: 'Inside `[ ]` or `{ }`, write lists and mappings in the bracket style too (no `-` items, no indented keys).', zh: '在 `[ ]` 或 `{ }` 内，列表和映射也必须使用括号写法（不能用 `-` 列表项或缩进的键）。' },
  },
  DUPLICATE_KEY: {
    general: { en: 'Duplicate key: the keys of a mapping must be unique.', zh: '键重复：同一映射中的键必须唯一。' },
  },
  IMPOSSIBLE: {
    general: { en: 'The parser met something it cannot place here; check the syntax around this point.', zh: '解析器在此处遇到了无法处理的内容；请检查附近的语法。' },
  },
  KEY_OVER_1024_CHARS: {
    general: { en: 'A key written without `?` can be at most 1024 characters long; its `:` comes too late.', zh: '未用 `?` 标记的键最长 1024 个字符；它的 `:` 出现得太晚。' },
  },
  MISSING_CHAR: {
    general: { en: 'A character is missing here (a quote, a `:`, a `,` or a space).', zh: '此处缺少字符（引号、`:`、`,` 或空格）。' },
    specific: [
      { pattern: /^Missing closing "quote/, text: { en: 'The double-quoted string is not closed: a `"` is missing.', zh: '双引号字符串没有闭合：缺少 `"`。' } },
      { pattern: /^Missing closing 'quote/, text: { en: "The single-quoted string is not closed: a `'` is missing.", zh: "单引号字符串没有闭合：缺少 `'`。" } },
      { pattern: /^Missing space after : in (flow map|flow sequence)/, text: { en: 'Put a space after `:` in a {1:term}.', zh: '{1:term}中的 `:` 后面需要一个空格。' } },
      { pattern: /^Missing , or : between (flow map|flow sequence) items/, text: { en: 'A `,` or `:` is missing between the items of a {1:term}.', zh: '{1:term}的各项之间缺少 `,` 或 `:`。' } },
      { pattern: /^Missing , between (flow map|flow sequence) items/, text: { en: 'A `,` is missing between the items of a {1:term}.', zh: '{1:term}的各项之间缺少 `,`。' } },
      { pattern: /^(Flow map|Flow sequence) must end with an? (\S+)/, text: { en: 'The {1:term} is not closed; end it with {2}.', zh: '{1:term}没有闭合；请以 {2} 结束。' } },
      { pattern: /^Comments must be separated from other tokens by white space/, text: { en: 'Put a space before `#`: a comment must be separated from the text before it.', zh: '请在 `#` 前加空格：注释必须与前面的内容用空白隔开。' } },
      { pattern: /^Tags and anchors must be separated from the next token by white space/, text: { en: 'Put a space after the tag or anchor.', zh: '请在标签或锚点后加一个空格。' } },
      { pattern: /^Implicit map keys need to be followed by map values/, text: { en: 'This line reads as a key without `:`; add `: value`, or indent it to continue the value above.', zh: '该行被当作缺少 `:` 的键；请补上 `: 值`，或增加缩进使其成为上一行值的延续。' } },
      { pattern: /^Sequence item without - indicator/, text: { en: 'A list item without `-`.', zh: '列表项缺少 `-`。' } },
      { pattern: /^Block collection cannot start on same line with directives-end marker/, text: { en: 'A mapping or list cannot start on the `---` line; start it on the next line.', zh: '映射或列表不能在 `---` 所在行开始；请从下一行开始。' } },
      { pattern: /^Missing directives-end/, text: { en: 'A `---` line is missing after the directives.', zh: '指令之后缺少 `---` 行。' } },
      { pattern: /^Missing newline after block sequence props/, text: { en: 'After an anchor or tag, start the list on the next line.', zh: '锚点或标签之后，列表应从下一行开始。' } },
      { pattern: /^Block scalars with more-indented leading empty lines/, text: { en: 'This multi-line string starts with blank lines indented more than its text; give the indentation explicitly (`|2`).', zh: '该多行字符串开头的空行比正文缩进更多；请明确给出缩进量（如 `|2`）。' } },
    ],
  },
  MULTILINE_IMPLICIT_KEY: {
    general: { en: 'A key must fit on one line: a line may be missing its `:`, or a value continues at the wrong indentation.', zh: '键必须写在一行内：可能某一行缺少 `:`，或某个值换行后的缩进不对。' },
    specific: [
      { pattern: /^Implicit keys of flow sequence pairs need to be on a single line/, text: { en: 'A key inside `[ ]` must fit on one line.', zh: '`[ ]` 中的键必须写在一行内。' } },
    ],
  },
  MULTIPLE_ANCHORS: {
    general: { en: 'A value can have only one anchor (`&`).', zh: '一个值只能有一个锚点（`&`）。' },
  },
  MULTIPLE_DOCS: {
    general: { en: 'Several documents where only one is expected.', zh: '此处只应有一个文档，却出现了多个。' },
  },
  MULTIPLE_TAGS: {
    general: { en: 'A value can have only one tag (`!`).', zh: '一个值只能有一个标签（`!`）。' },
  },
  NON_STRING_KEY: {
    general: { en: 'Keys must be strings here.', zh: '此处的键必须是字符串。' },
  },
  RESOURCE_EXHAUSTION: {
    general: { en: 'The document nests too deeply (or expands too many aliases) to be read.', zh: '文档嵌套过深（或展开的别名过多），无法读取。' },
  },
  TAB_AS_INDENT: {
    general: { en: 'YAML cannot be indented with tabs; use spaces.', zh: 'YAML 不能用制表符缩进，请使用空格。' },
  },
  TAG_RESOLVE_FAILED: {
    general: { en: 'The tag cannot be resolved.', zh: '无法解析该标签。' },
    specific: [
      { pattern: /^(?:Unresolved tag|Could not resolve tag): (\S+)/, text: { en: 'Unknown tag {1}.', zh: '未知的标签 {1}。' } },
      { pattern: /^Not a valid tag: (\S+)/, text: { en: '{1} is not a valid tag.', zh: '{1} 不是有效的标签。' } },
      { pattern: /^The (\S+) tag has no suffix/, text: { en: 'The tag {1} needs a name after its prefix.', zh: '标签 {1} 的前缀之后需要名称。' } },
      { pattern: /^Value may be parsed as either (\S+) or (\S+)/, text: { en: 'The value may be read as {1} or as {2}; quote it to keep it a string.', zh: '该值既可能被读作 {1}，也可能被读作 {2}；如需字符串请加引号。' } },
    ],
  },
  UNEXPECTED_TOKEN: {
    general: { en: 'Unexpected text here; check the indentation, quotes and brackets above.', zh: '此处出现了意外的内容；请检查上方的缩进、引号和括号。' },
    specific: [
      { pattern: /^Unexpected , in (flow map|flow sequence)/, text: { en: 'Unexpected `,` in a {1:term}.', zh: '{1:term}中出现了多余的 `,`。' } },
      { pattern: /^Unexpected empty item in (flow map|flow sequence)/, text: { en: 'An empty item in a {1:term}: two commas in a row?', zh: '{1:term}中有空项：是否连续写了两个逗号？' } },
      { pattern: /^Unexpected (\S+) in (flow map|flow sequence|collection)$/, text: { en: 'Unexpected {1} in a {2:term}.', zh: '{2:term}中出现了意外的 {1}。' } },
      { pattern: /^Unexpected block-seq-ind on same line with key/, text: { en: 'A list item (`-`) cannot start on the line of its key; move it to the next line.', zh: '列表项（`-`）不能与它的键写在同一行；请移到下一行。' } },
      { pattern: /^Block scalar header includes extra characters: (\S+)/, text: { en: 'After `|` or `>` only an indentation digit and `+` or `-` may follow; {1} has more.', zh: '`|` 或 `>` 之后只能跟缩进数字以及 `+` 或 `-`；{1} 中有多余的字符。' } },
      { pattern: /^Unexpected token in block scalar header/, text: { en: 'After `|` or `>` only an indentation digit and `+` or `-` may follow.', zh: '`|` 或 `>` 之后只能跟缩进数字以及 `+` 或 `-`。' } },
      { pattern: /^Unexpected [\w-]+ token in YAML (?:stream|document): "(.+)"$/, text: { en: 'Unexpected {1} here; check the indentation and the brackets above.', zh: '此处出现了意外的 {1}；请检查上方的缩进和括号。' } },
      { pattern: /^Unexpected \S+ at node end/, text: { en: 'Unexpected text after this value; check the indentation, or start a comment with `#`.', zh: '该值之后出现了意外的内容；请检查缩进，注释请以 `#` 开头。' } },
      { pattern: /^Unexpected doc-end without preceding document/, text: { en: 'A document end marker (`...`) with no document before it.', zh: '文档结束标记（`...`）之前没有文档。' } },
      { pattern: /^Not a YAML token: (.+)/, text: { en: '{1} is not valid YAML here.', zh: '{1} 在此处不是合法的 YAML。' } },
    ],
  },
};

/** The error in our words (Markdown); the parser's text for a code this table does not know. */
export function describeYamlError(error: Pick<YAMLError, 'code' | 'message'>): Localized {
  const parserText = firstLine(error.message);
  const wording = (yamlErrorWordings as Partial<Record<string, YamlErrorWording>>)[error.code];
  if (!wording) return { en: parserText, zh: parserText };
  for (const { pattern, text } of wording.specific ?? []) {
    const match = pattern.exec(parserText);
    if (match) return { en: fill(text.en, match, 'en'), zh: fill(text.zh, match, 'zh') };
  }
  return wording.general;
}

function fill(template: string, match: RegExpExecArray, lang: keyof Localized): string {
  return template.replace(/\{(\d)(:term)?\}/g, (_, index: string, term: string | undefined) => {
    const captured = match[Number(index)] ?? '';
    const known = term ? terms[captured.toLowerCase()] : undefined;
    return known ? known[lang] : codeSpan(captured);
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
