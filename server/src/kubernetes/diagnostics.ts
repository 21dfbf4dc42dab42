import type { Diagnostic } from 'vscode-languageserver-types';
import { configuredSeverity } from '../common/rules';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { kubernetesRules } from './rules';

export function diagnoseManifest(file: ManifestFile, ctx: FeatureContext): Diagnostic[] {
  // YAML that is not Kubernetes (compose files, CI workflows…) gets nothing from us.
  if (!file.isKubernetes) return [];
  const table = ctx.settings.kubernetes.rules;
  return kubernetesRules.run({ file, ctx }, ctx.lang, (rule) => configuredSeverity(rule.meta, table));
}
