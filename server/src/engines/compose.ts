/**
 * The Compose engine as one unit the fronts load on first use (services.ts): the language
 * server's build makes it a bundle of its own (scripts/build.mjs), read only when a Compose file opens.
 */
export { composeService as service } from '../compose/service';
export { composeRules as rules } from '../compose/rules';
