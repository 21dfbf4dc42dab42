/**
 * Rule pages inside the editor, offline. The pages ship in the extension (docs/rules/<id>.md,
 * docs/rules/zh-cn/<id>.md; scripts/gen-rule-docs.ts writes them with docs/rules/rules.json, the
 * list the quick pick shows). "Stevedore: Explain Rule" opens one in the Markdown preview, and the
 * rule code of a diagnostic (Problems panel, hover) runs that command: the server links each code to
 * the installed page as a `file:` URI, which other editors open as it is, and the middleware below
 * turns it into a `command:` link, which VS Code's diagnostic links are allowed to run.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { DocsLanguage } from '../../server/src/common/localized';
import { ruleDocsPath } from '../../server/src/common/rules';
import { docsLanguageOfLocale } from '../../server/src/i18n/locale';

export const explainRuleCommand = 'stevedore.explainRule';

/** One line of docs/rules/rules.json. */
interface RuleEntry {
  id: string;
  language: 'dockerfile' | 'kubernetes';
  /** Peer tools' names (hadolint codes, BuildKit and kube-linter checks) and groups. */
  names: string[];
  title: { en: string; zh: string };
}

/**
 * What the command accepts: a rule id or any of its names, a diagnostic, or what a diagnostic's
 * link passes (`{ rule, language }`, the language being the one the server wrote the message in).
 * Without an argument it asks.
 */
type ExplainTarget = string | { rule: string; language?: DocsLanguage } | vscode.Diagnostic;

/** A page link the server sent: `file:///…/docs/rules/<id>.md` or `…/docs/rules/zh-cn/<id>.md`. */
const pageLink = /\/docs\/rules\/(?:(zh-cn)\/)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** The command link that opens a rule's page; VS Code runs `command:` links of diagnostic codes. */
export function explainRuleLink(rule: string, language: DocsLanguage): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: explainRuleCommand, query: JSON.stringify([{ rule, language }]) });
}

/** Diagnostics whose code links to an installed rule page link to the command instead. */
export function linkCodesToPreview(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (typeof code !== 'object' || code.target.scheme !== 'file') continue;
    const match = pageLink.exec(code.target.path);
    if (match) diagnostic.code = { value: code.value, target: explainRuleLink(match[2], match[1] === 'zh-cn' ? 'zh-cn' : 'en') };
  }
  return diagnostics;
}

/** The docs language the user asked for: `stevedore.docs.language`, `auto` following VS Code's display language. */
function docsLanguageFor(resource: vscode.Uri | undefined): DocsLanguage {
  const setting = vscode.workspace.getConfiguration('stevedore', resource).get<string>('docs.language', 'auto');
  return setting === 'en' || setting === 'zh-cn' ? setting : docsLanguageOfLocale(vscode.env.language);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

function isDiagnostic(value: unknown): value is vscode.Diagnostic {
  return typeof value === 'object' && value !== null && 'range' in value && 'message' in value;
}

export function registerRuleDocs(context: vscode.ExtensionContext): { middleware: Middleware } {
  let rules: Promise<RuleEntry[]> | undefined;
  const ruleList = (): Promise<RuleEntry[]> => {
    rules ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', 'rules.json')))
      .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as RuleEntry[])
      .catch((error: unknown) => {
        rules = undefined;
        throw error;
      });
    return rules;
  };

  const findRule = (list: RuleEntry[], name: string): RuleEntry | undefined => {
    const key = name.trim().toLowerCase();
    return list.find((rule) => rule.id === key) ?? list.find((rule) => rule.names.some((other) => other.toLowerCase() === key));
  };

  /** The rules of Stevedore's diagnostics under the cursor of the active editor, first listed in the pick. */
  const rulesAtCursor = (): string[] => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return [];
    const at = editor.selection.active;
    const ids = vscode.languages.getDiagnostics(editor.document.uri)
      .filter((d) => d.source === 'stevedore' && d.range.contains(at))
      .map(codeOf)
      .filter((id): id is string => !!id);
    return [...new Set(ids)];
  };

  const pickRule = async (list: RuleEntry[], lang: DocsLanguage): Promise<RuleEntry | undefined> => {
    type Item = vscode.QuickPickItem & { rule?: RuleEntry };
    const title = (rule: RuleEntry) => (lang === 'zh-cn' ? rule.title.zh : rule.title.en);
    const item = (rule: RuleEntry): Item => ({ label: rule.id, description: [title(rule), ...rule.names].join(' · '), rule });
    const near = rulesAtCursor().map((id) => list.find((rule) => rule.id === id)).filter((rule): rule is RuleEntry => !!rule);
    const items: Item[] = near.length
      ? [
        { label: vscode.l10n.t('At the cursor'), kind: vscode.QuickPickItemKind.Separator },
        ...near.map(item),
        { label: vscode.l10n.t('All rules'), kind: vscode.QuickPickItemKind.Separator },
        ...list.filter((rule) => !near.includes(rule)).map(item),
      ]
      : list.map(item);
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Pick a rule to explain'), matchOnDescription: true });
    return chosen?.rule;
  };

  /**
   * Opens the page in the Markdown preview beside the editor, or as text when the built-in Markdown
   * extension is disabled. (Its commands are not listed before it activates, so ask by running one.)
   */
  const openPage = async (page: vscode.Uri): Promise<void> => {
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
    } catch {
      await vscode.window.showTextDocument(page, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }
  };

  /** Returns the page it opened (tests and other extensions can tell which one). */
  const explainRule = async (target?: ExplainTarget): Promise<vscode.Uri | undefined> => {
    let list: RuleEntry[];
    try {
      list = await ruleList();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Stevedore: could not read the rule list ({0}).', String(error)));
      return undefined;
    }
    let lang = docsLanguageFor(vscode.window.activeTextEditor?.document.uri);
    let name: string | undefined;
    if (typeof target === 'string') name = target;
    else if (isDiagnostic(target)) name = codeOf(target);
    else if (target && typeof target.rule === 'string') {
      name = target.rule;
      if (target.language === 'en' || target.language === 'zh-cn') lang = target.language;
    }
    const rule = name === undefined ? await pickRule(list, lang) : findRule(list, name);
    if (!rule) {
      if (name !== undefined) void vscode.window.showWarningMessage(vscode.l10n.t('Stevedore has no rule named "{0}".', name));
      return undefined;
    }
    const page = vscode.Uri.joinPath(context.extensionUri, ...ruleDocsPath(rule.id, lang).split('/'));
    await openPage(page);
    return page;
  };

  context.subscriptions.push(vscode.commands.registerCommand(explainRuleCommand, explainRule));
  return {
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, linkCodesToPreview(diagnostics)),
    },
  };
}
