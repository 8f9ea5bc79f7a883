import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { BadUserInputError } from '../platform/errors.js';

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...englishDictionary }, graphs: adjacencyGraphs, translations });

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score out of 4: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;
/** Words of this product that make a password easy to guess here. */
const PRODUCT_WORDS = ['aftersale', 'after-sale', 'warranty', 'claims', 'admin'];

/**
 * Refuses a password that is short or guessable (zxcvbn-ts: common passwords,
 * keyboard patterns, repeats, dates), also from what is known of its user
 * (email, name) and of this product. Returns it when strong enough.
 */
export function strongPassword(password: string, user: { email?: string; name?: string }, field = 'password'): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new BadUserInputError(field, `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`);
  }
  // zxcvbn matches its dictionaries in lower case: the context words must be too.
  const context = [user.email, ...(user.email?.split(/[@.+_-]/) ?? []), ...(user.name?.split(/\s+/) ?? []), ...PRODUCT_WORDS]
    .filter((word): word is string => !!word && word.length >= 3)
    .map((word) => word.toLowerCase());
  const { score, feedback } = zxcvbn.check(password, context);
  if (score < MIN_SCORE) {
    const hint = feedback.warning || feedback.suggestions[0] || 'Use a longer passphrase of unrelated words.';
    throw new BadUserInputError(field, `is too easy to guess (${hint.replace(/\.$/, '')}): use a longer passphrase of unrelated words.`);
  }
  return password;
}
