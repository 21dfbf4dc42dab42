/**
 * The Dockerfile engine as one unit the fronts load on first use (services.ts): the language
 * server's build makes it a bundle of its own (scripts/build.mjs), read only when a Dockerfile opens.
 */
export { dockerfileService as service } from '../dockerfile/service';
export { dockerfileRules as rules } from '../dockerfile/rules';
