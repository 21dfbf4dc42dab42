import type { Localized } from './localized';

/**
 * An error meant for the user, not the log: e.g. "that is not a valid stage name" on rename.
 * Features throw it; the LSP adapter answers the request with the message in the docs language
 * instead of logging a stack trace and returning an empty result.
 */
export class UserFacingError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'UserFacingError';
  }
}
