import { regex } from 'react-admin';

// ra-core types regex() with lodash's MemoizedFunction, and lodash's types are not installed: the checker sees an unresolved type.
/** An IMEI input's format check: 15 digits (spaces around them are trimmed away). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call
export const imeiFormat = regex(/^\s*\d{15}\s*$/, 'app.validation.imei');
