/**
 * A file-name glob (`*`, `?`, `**`) as the source of a regular expression: `*` and `?` stay within
 * one path segment, `**` crosses folders, everything else is literal. Linear to match whatever the
 * pattern (no nested quantifiers). Callers anchor it and pick the flags.
 *
 * `slashAfterGlobstar: 'optional'` lets `**\/` also match nothing (kube-linter's `ignorePaths`,
 * where `**\/x.yaml` names `x.yaml` at any depth, the top included); `'literal'` keeps the slash
 * (VS Code's file patterns).
 */
export function globSource(glob: string, slashAfterGlobstar: 'optional' | 'literal'): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (slashAfterGlobstar === 'optional' && glob[i + 1] === '/') i++;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else {
      source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return source;
}
