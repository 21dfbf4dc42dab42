/**
 * The Kubernetes engine as one unit the fronts load on first use (services.ts): the language
 * server's build makes it a bundle of its own (scripts/build.mjs), read only when a manifest opens.
 */
export { kubernetesService as service } from '../kubernetes/service';
export { kubernetesRules as rules } from '../kubernetes/rules';
