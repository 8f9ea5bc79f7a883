import { describe, expect, it } from 'vitest';
import { CLAUSE_LANGUAGES, CLAUSE_TEXTS } from './clause-texts.js';
import { CLAUSES, POLICY_CLAUSES } from './policy-clauses.js';

describe('the clause texts in each language', () => {
  it('give every clause a text of its own in every language, the English one being the catalogue text', () => {
    for (const code of POLICY_CLAUSES) expect(CLAUSE_TEXTS.en[code]).toBe(CLAUSES[code].text);
    for (const language of CLAUSE_LANGUAGES) {
      expect(Object.keys(CLAUSE_TEXTS[language]).sort()).toEqual([...POLICY_CLAUSES].sort());
      const texts = Object.values(CLAUSE_TEXTS[language]);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.every((text) => text.trim().length > 10)).toBe(true);
    }
    // Translated, not copied.
    for (const code of POLICY_CLAUSES) expect(CLAUSE_TEXTS.es[code]).not.toBe(CLAUSE_TEXTS.en[code]);
  });
});
