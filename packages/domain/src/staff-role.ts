/**
 * The roles of staff users. ADMIN may do everything staff can; AGENT handles
 * intake, remote help, quotes, shipping and closing; TECHNICIAN receives,
 * inspects, assesses and repairs units; ANALYST only reads.
 */
export const STAFF_ROLES = ['ADMIN', 'AGENT', 'TECHNICIAN', 'ANALYST'] as const;
/** A staff user's role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * True when the value is a staff role, the roles the claim lifecycle grants actions to (§4).
 * @example isStaffRole('AGENT') // true
 */
export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}
