import type { LanguageService } from '../common/service';
import { codeActionsCompose } from './codeActions';
import { diagnoseCompose } from './diagnostics';
import { parseCompose, type ComposeModel } from './model';
import { composeDefinition, composeLinks, composePrepareRename, composeReferences, composeRename } from './navigation';
import { summarizeCompose } from './summary';

/** The Compose service (Compose files and Swarm stack files): each feature lives in its own module. */
export const composeService: LanguageService<ComposeModel> = {
  parse: parseCompose,
  diagnose: diagnoseCompose,
  codeActions: codeActionsCompose,
  summary: summarizeCompose,
  definition: composeDefinition,
  references: composeReferences,
  prepareRename: composePrepareRename,
  rename: composeRename,
  links: composeLinks,
};
