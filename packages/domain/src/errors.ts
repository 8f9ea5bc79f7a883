/**
 * Thrown by every domain function when an argument is not something the policy
 * can be applied to (a malformed or impossible date, a negative or non-integer
 * amount, an unknown category or finding...). The domain never guesses: it
 * refuses the input instead of returning a wrong answer.
 *
 * `field` names the offending argument, the way a form would (`receivedOn`,
 * `lines[2].materialCost`), and the message starts with it.
 *
 * @example
 * lastCoveredDay('2025-02-30'); // throws PolicyInputError('receivedOn: ...')
 */
export class PolicyInputError extends Error {
  override readonly name = 'PolicyInputError';
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.field = field;
  }
}
