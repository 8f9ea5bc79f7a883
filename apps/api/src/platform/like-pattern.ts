/** Escapes LIKE wildcards in user text. */
export const likePattern = (text: string, prefixOnly = false): string => {
  const escaped = text.trim().replace(/[\\%_]/g, '\\$&');
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
};
