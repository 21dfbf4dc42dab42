import type { LanguageKind } from './common/fileKinds';
import type { LanguageService } from './common/service';
import { composeService } from './compose/service';
import { dockerfileService } from './dockerfile/service';
import { kubernetesService } from './kubernetes/service';

/** The engine's languages. Every front (LSP, CLI, tests) goes through this table. */
export const languageServices: Record<LanguageKind, LanguageService<unknown>> = {
  dockerfile: dockerfileService as LanguageService<unknown>,
  yaml: kubernetesService as LanguageService<unknown>,
  compose: composeService as LanguageService<unknown>,
};
