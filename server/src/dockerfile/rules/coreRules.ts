import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { copyIgnoredFile } from './copyIgnoredFile';
import { hadolintConfigProblem } from './hadolintConfigProblems';
import { exposeHostMapping, exposeProtocolCasing, invalidExposePort } from './semanticsExpose';
import { fromPlatformFlagConst, redundantTargetPlatform, secretsInArgOrEnv } from './semanticsFrom';
import {
  consistentInstructionCasing, copyMultipleSourcesDestination, jsonArgsRecommended, legacyKeyValueFormat,
  maintainerDeprecated, multipleCmd, multipleEntrypoint, multipleHealthcheck, relativeWorkdir,
} from './semanticsInstructions';
import { copyFromOwnStage, copyFromUnknownStage, duplicateStageName, fromAsCasing, reservedStageName, stageNameCasing, unusedStage } from './semanticsStages';
import { envSelfReference, invalidDefaultArgInFrom, undefinedArgInFrom, undefinedVariable } from './semanticsVariables';
import { instructionArguments, invalidStopsignal, malformedJsonArray } from './syntaxArguments';
import { duplicateFlag, invalidFlagValue, invalidMount, unknownFlag } from './syntaxFlags';
import { invalidImageReference, invalidStageName } from './syntaxFrom';
import {
  duplicateDirective, emptyContinuationLine, instructionBeforeFrom, invalidEscapeDirective, missingFrom, onbuildTrigger, unterminatedHeredoc,
} from './syntaxStructure';

/** The syntax and semantics rules (issue #4 part A), in reporting order: syntax first. */
export const coreRules: readonly Rule<DockerfileRuleSubject>[] = [
  // syntax
  missingFrom, instructionBeforeFrom, instructionArguments, unknownFlag, duplicateFlag, invalidFlagValue, invalidMount,
  malformedJsonArray, invalidStopsignal, invalidEscapeDirective, duplicateDirective, emptyContinuationLine,
  invalidStageName, invalidImageReference, onbuildTrigger, unterminatedHeredoc, hadolintConfigProblem,
  // semantics
  copyFromUnknownStage, copyFromOwnStage, duplicateStageName, reservedStageName, unusedStage,
  undefinedArgInFrom, undefinedVariable, invalidDefaultArgInFrom, envSelfReference,
  multipleCmd, multipleEntrypoint, multipleHealthcheck, copyMultipleSourcesDestination, relativeWorkdir,
  invalidExposePort, exposeHostMapping, maintainerDeprecated, jsonArgsRecommended,
  redundantTargetPlatform, fromPlatformFlagConst, secretsInArgOrEnv, copyIgnoredFile,
  // style
  legacyKeyValueFormat, fromAsCasing, consistentInstructionCasing, stageNameCasing, exposeProtocolCasing,
];
