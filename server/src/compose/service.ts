import type { LanguageService } from '../common/service';
import { codeActionsCompose } from './codeActions';
import { completeCompose } from './completion';
import { diagnoseCompose } from './diagnostics';
import { formatCompose } from './format';
import { hoverCompose } from './hover';
import { forgetComposeParse, parseComposeIncremental } from './incrementalParse';
import type { ComposeModel } from './model';
import { composeDefinition, composeLinks, composePrepareRename, composeReferences, composeRename, variableHover } from './navigation';
import { summarizeCompose } from './summary';
import { symbolsCompose } from './symbols';

/** The Compose service (Compose files and Swarm stack files): each feature lives in its own module. */
export const composeService: LanguageService<ComposeModel> = {
  // Typing in one service re-parses that service only (incrementalParse.ts); same model as parseCompose.
  parse: parseComposeIncremental,
  forget: forgetComposeParse,
  diagnose: diagnoseCompose,
  codeActions: codeActionsCompose,
  summary: summarizeCompose,
  // A `${VAR}` shows its value (navigation.ts); anywhere else, the key, value or service (hover.ts).
  hover: (model, position, ctx) => variableHover(model, position, ctx) ?? hoverCompose(model, position, ctx),
  complete: completeCompose,
  symbols: symbolsCompose,
  format: formatCompose,
  definition: composeDefinition,
  references: composeReferences,
  prepareRename: composePrepareRename,
  rename: composeRename,
  links: composeLinks,
};
