import type { Kernel } from '../../../platform/module.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { hashPassword } from '../infra/passwords.ts';

export const DEMO_PASSWORD = 'chorecat-demo';

/** The demo workers' home bases (nearest-available matching), spread around the demo addresses in Berlin. */
const DEMO_HOME_BASES: { lat: number; lng: number }[] = [
  { lat: 52.5219, lng: 13.4132 },
  { lat: 52.5096, lng: 13.3759 },
  { lat: 52.4934, lng: 13.4244 },
  { lat: 52.5447, lng: 13.3525 },
  { lat: 52.4753, lng: 13.4644 },
];

export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[]; homeBase?: { lat: number; lng: number } }[] = [
  { email: 'admin@chorecat.test', name: 'Ada Admin', roles: ['admin'] },
  { email: 'manager@chorecat.test', name: 'Mittens Manager', roles: ['manager'] },
  { email: 'supplies@chorecat.test', name: 'Sox Supplies', roles: ['supplies'] },
  { email: 'client@chorecat.test', name: 'Clementine Client', roles: ['client'] },
  ...[1, 2, 3, 4, 5].map((n) => ({
    email: `worker${n}@chorecat.test`,
    name: `Whiskers Worker ${n}`,
    roles: ['worker'] as Role[],
    homeBase: DEMO_HOME_BASES[n - 1],
  })),
];

/** Creates the demo accounts that do not exist yet (idempotent; never run in production). */
export async function seedDemoAccounts(kernel: Pick<Kernel, 'db' | 'clock'>): Promise<string[]> {
  const created: string[] = [];
  // Every start seeds in development: hashing (Argon2, about a second of CPU) only when an account is missing.
  const [existing] = (await kernel.db.sequelize.query('SELECT count(*)::int AS n FROM users WHERE lower(email) = ANY($1::text[])', {
    bind: [DEMO_ACCOUNTS.map((a) => a.email.toLowerCase())],
  })) as [{ n: number }[], unknown];
  if (existing[0]!.n === DEMO_ACCOUNTS.length) return created;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const [rows] = (await kernel.db.sequelize.query(
      `INSERT INTO users (email, name, password_hash, roles, email_verified_at, home_lat_e6, home_lng_e6)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      {
        bind: [
          account.email,
          account.name,
          passwordHash,
          account.roles,
          kernel.clock.now(),
          account.homeBase ? Math.round(account.homeBase.lat * 1e6) : null,
          account.homeBase ? Math.round(account.homeBase.lng * 1e6) : null,
        ],
      },
    )) as [unknown[], unknown];
    if (rows.length > 0) created.push(account.email);
  }
  return created;
}
