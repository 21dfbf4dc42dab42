/**
 * Lints one peer test case the way `stevedore lint` does: the Dockerfile and its project files
 * (`.hadolint.yaml`, `.dockerignore`) held in memory and found through the fronts' own loader
 * (ProjectConfig), then the Dockerfile service's diagnose. Every rule runs (`profile: strict`):
 * the measurement asks whether a rule can see what the peer sees, not which profile ships it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeSettings } from '../../server/src/common/settings';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { dockerfileRuleList } from '../../server/src/dockerfile/rules/index.generated';
import { dockerfileService } from '../../server/src/dockerfile/service';

export interface CaseFinding {
  ruleId: string;
  /** 1-based, as the peers count. */
  line: number;
  /** An error (LSP severity 1): what a build would stop on. */
  error: boolean;
}

export interface CaseFiles {
  hadolintYaml?: string;
  dockerignore?: string;
}

const folder = '/conformance';
const dockerfilePath = `${folder}/Dockerfile`;

export function lintCase(text: string, files: CaseFiles = {}): CaseFinding[] {
  const onDisk = new Map<string, string>();
  if (files.hadolintYaml !== undefined) onDisk.set(`${folder}/.hadolint.yaml`, files.hadolintYaml);
  if (files.dockerignore !== undefined) onDisk.set(`${folder}/.dockerignore`, files.dockerignore);
  const project = new ProjectConfig(new CachedFiles((path) => onDisk.get(path)), { roots: [folder] });
  const settings = project.settingsFor(dockerfilePath, normalizeSettings({ profile: 'strict' }));
  const ctx = { lang: 'en' as const, settings, filePath: dockerfilePath, project: project.factsFor(dockerfilePath, settings, 'dockerfile') };
  const service = dockerfileService;
  const model = service.parse(TextDocument.create(`file://${dockerfilePath}`, 'dockerfile', 1, text));
  return (service.diagnose?.(model, ctx) ?? []).map((d) => ({ ruleId: String(d.code), line: d.range.start.line + 1, error: d.severity === 1 }));
}

/** Peer name (lower-cased DL code or BuildKit check, alias or group) → our rule ids that carry it. */
export function peerNameIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const rule of dockerfileRuleList) {
    for (const name of [...rule.meta.aliases, ...(rule.meta.groups ?? [])]) {
      const key = name.toLowerCase();
      index.set(key, [...(index.get(key) ?? []), rule.meta.id]);
    }
  }
  return index;
}
