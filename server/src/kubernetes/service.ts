import type { LanguageService } from '../common/service';
import { completeManifest } from './completion';
import { diagnoseManifest } from './diagnostics';
import { hoverManifest } from './hover';
import { parseManifestFile, type ManifestFile } from './model';

/** The Kubernetes manifest service: each feature lives in its own module. */
export const kubernetesService: LanguageService<ManifestFile> = {
  parse: parseManifestFile,
  hover: hoverManifest,
  complete: completeManifest,
  diagnose: diagnoseManifest,
};
