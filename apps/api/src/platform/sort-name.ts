import { p } from '@mikro-orm/core';

/**
 * `lower(name)` as a read-only property, for lists sorted by name as people
 * read it ("Administrator" before "AGENT", whatever the collation). A property
 * rather than a raw ORDER BY so that cursors can compare it.
 */
export const sortName = () => p.string().formula((columns) => `lower(${columns['name' as never]})`);
