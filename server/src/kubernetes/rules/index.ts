import { RuleRegistry } from '../../common/rules';
import { apiVersionKind, deprecatedApiVersion, removedApiVersion } from './apiVersions';
import type { KubeRule, ManifestRuleSubject } from './context';
import { cronSchedule, cronTimeZone } from './cronJob';
import { danglingConfigReference, danglingHpa, danglingIngress, danglingService, networkPolicySelectsNothing, pdbSelectsNothing, serviceAccountMissing, statefulSetService } from './crossObject';
import { duplicateContainerName, duplicateEnvVar, duplicatePort } from './duplicates';
import { dockerSocket, hostIpc, hostNetwork, hostPid, sensitiveHostMount, writableHostMount } from './hostAccess';
import { imagePullPolicy, latestTag } from './images';
import { invalidAnnotationKey, invalidLabel, invalidName } from './names';
import { pdbMaxUnavailable, pdbMinAvailable, pdbUnhealthyEviction } from './pdb';
import { deprecatedServiceAccount, jobTtl, noAntiAffinity, restartPolicy, secretInEnv, unsafeSysctls } from './podSettings';
import { invalidPortName, portOutOfRange, privilegedPort, sshPort } from './ports';
import { livenessProbe, probePort, readinessProbe } from './probes';
import { cpuRequest, memoryLimit } from './resources';
import { schemaEnum, schemaRequired, schemaType, schemaUnknownField } from './schemaValidation';
import { dangerousCapability, netRawNotDropped, privilegeEscalation, privilegedContainer, readOnlyRootFs, runAsNonRoot } from './securityContext';
import { selectorMismatch } from './selectorMismatch';
import { templatedFile } from './templated';
import { yamlDuplicateKey } from './yamlDuplicateKey';
import { yamlSyntax } from './yamlSyntax';
import { yamlTabs } from './yamlTabs';

/** Every Kubernetes rule, in reporting order: YAML, schema, then meaning checks. */
export const kubernetesRuleList: KubeRule[] = [
  yamlSyntax, yamlDuplicateKey, yamlTabs, templatedFile,
  schemaUnknownField, schemaType, schemaRequired, schemaEnum,
  removedApiVersion, deprecatedApiVersion, apiVersionKind,
  invalidName, invalidLabel, invalidAnnotationKey, cronSchedule, cronTimeZone,
  selectorMismatch, danglingService, danglingHpa, statefulSetService, danglingIngress, danglingConfigReference,
  pdbSelectsNothing, networkPolicySelectsNothing, serviceAccountMissing,
  latestTag, imagePullPolicy, cpuRequest, memoryLimit, livenessProbe, readinessProbe, probePort,
  privilegedContainer, privilegeEscalation, runAsNonRoot, readOnlyRootFs, netRawNotDropped, dangerousCapability,
  hostNetwork, hostPid, hostIpc, dockerSocket, sensitiveHostMount, writableHostMount,
  duplicateContainerName, duplicateEnvVar, duplicatePort, invalidPortName, portOutOfRange, sshPort, privilegedPort,
  restartPolicy, noAntiAffinity, deprecatedServiceAccount, secretInEnv, jobTtl, unsafeSysctls,
  pdbMaxUnavailable, pdbMinAvailable, pdbUnhealthyEviction,
];

export const kubernetesRules = new RuleRegistry<ManifestRuleSubject>(kubernetesRuleList);
