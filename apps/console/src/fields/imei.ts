import { regex } from 'react-admin';

/** An IMEI input's format check: 15 digits (spaces around them are trimmed away). */
export const imeiFormat = regex(/^\s*\d{15}\s*$/, 'An IMEI is 15 digits.');
