import type { LanguageService } from '../common/service';
import { codeActionsManifest } from './codeActions';
import { completeManifest } from './completion';
import { diagnoseManifest } from './diagnostics';
import { hoverManifest } from './hover';
import { parseManifestIncremental } from './incrementalParse';
import type { ManifestFile } from './model';
import { definitionManifest, referencesManifest } from './navigation';

/** The Kubernetes manifest service: each feature lives in its own module. */
export const kubernetesService: LanguageService<ManifestFile> = {
  // Same result as model.ts's parseManifestFile, re-parsing only the `---` documents that changed.
  parse: parseManifestIncremental,
  hover: hoverManifest,
  complete: completeManifest,
  diagnose: diagnoseManifest,
  codeActions: codeActionsManifest,
  definition: definitionManifest,
  references: referencesManifest,
};
