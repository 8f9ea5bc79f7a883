import { POLICY_REGISTRY, type WarrantyPolicy } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Records every released policy version of the domain in `policy_version`, so
 * assessments can reference the version they were made under (R5). A released
 * version is immutable: if the code's parameters for a stored version differ,
 * starting fails rather than silently re-reading past assessments.
 */
export async function registerPolicyVersions(em: EntityManager, registry: readonly WarrantyPolicy[] = POLICY_REGISTRY): Promise<void> {
  const conn = em.getConnection();
  for (const policy of registry) {
    const parameters = JSON.stringify(policy);
    await conn.execute(`insert into policy_version (version, effective_from, parameters) values (?, ?, ?::jsonb) on conflict (version) do nothing`, [
      policy.version,
      policy.effectiveFrom,
      parameters,
    ]);
    const [stored] = await conn.execute<{ same: boolean }[]>(`select parameters = ?::jsonb as same from policy_version where version = ?`, [
      parameters,
      policy.version,
    ]);
    if (!stored?.same) {
      throw new Error(`Policy version ${policy.version} was changed after release: add a new version instead (packages/domain/README.md).`);
    }
  }
}
