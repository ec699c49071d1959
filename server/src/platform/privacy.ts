import type { Tx } from './database.ts';

/**
 * GDPR export and erasure span every module that holds personal data. Each
 * registers a contributor; identity's export and erase use cases walk them
 * all, so a new module's data is exported and erased by adding one object.
 * Erasure anonymises personal data and keeps financial records.
 */
export interface PersonalDataContributor {
  /** The section name in the export, e.g. `emails`, `orders`. */
  section: string;
  export(userId: string, context: { email: string }): Promise<unknown>;
  /** Runs inside the erasure's transaction. `email` is the address before erasure. */
  erase(userId: string, context: { tx: Tx; email: string }): Promise<void>;
}

export class PrivacyRegistry {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    if (this.contributors.some((c) => c.section === contributor.section))
      throw new Error(`privacy section ${contributor.section} registered twice`);
    this.contributors.push(contributor);
  }

  list(): readonly PersonalDataContributor[] {
    return this.contributors;
  }
}
