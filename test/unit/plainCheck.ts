/**
 * Whether a diagnostic message still shows Markdown: a backtick, or `**` standing as a strong
 * mark at a word's edge, outside the quotes that code spans become (‘code’, 「code」, or “code”
 * when the code holds those). Backticks inside the quotes belong to the code (an escape
 * character, a command substitution); `**` inside a glob (`"secrets/**"`) is the glob's.
 */
export function markdownLeftIn(message: string): boolean {
  const outsideQuotes = message.replace(/‘[^’]*’|「[^」]*」|“[^”]*”/g, '');
  return outsideQuotes.includes('`') || /(^|[\s(（])\*\*[\p{L}\p{N}]|[\p{L}\p{N}]\*\*($|[\s.,;:!?)，。；：！？）])/u.test(outsideQuotes);
}
