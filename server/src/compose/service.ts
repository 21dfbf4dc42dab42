import type { LanguageService } from '../common/service';
import { codeActionsCompose } from './codeActions';
import { diagnoseCompose } from './diagnostics';
import { parseCompose, type ComposeModel } from './model';
import { composeDefinition, composeLinks, composePrepareRename, composeReferences, composeRename, variableHover } from './navigation';
import { summarizeCompose } from './summary';

/** The Compose service (Compose files and Swarm stack files): each feature lives in its own module. */
export const composeService: LanguageService<ComposeModel> = {
  parse: parseCompose,
  diagnose: diagnoseCompose,
  codeActions: codeActionsCompose,
  summary: summarizeCompose,
  // `${VAR}` values (navigation.ts); the key docs of hover.ts, when it lands, call variableHover first.
  hover: variableHover,
  definition: composeDefinition,
  references: composeReferences,
  prepareRename: composePrepareRename,
  rename: composeRename,
  links: composeLinks,
};
