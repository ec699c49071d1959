import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Schemas } from '../../../platform/http/contract.ts';
import { findUserById, updateUser, type UserRow } from '../infra/users.repository.ts';

/** Where a worker starts from (nearest-available matching), in degrees; null when not set. */
export function homeBaseOf(user: Pick<UserRow, 'home_lat_e6' | 'home_lng_e6'>): { lat: number; lng: number } | null {
  return user.home_lat_e6 === null || user.home_lng_e6 === null ? null : { lat: user.home_lat_e6 / 1e6, lng: user.home_lng_e6 / 1e6 };
}

/** The signed-in user as the contract shows them. */
export type MeView = Schemas['Me'];

export function toMeView(user: UserRow): MeView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    address: user.address,
    avatarUrl: user.avatar_url,
    homeBase: homeBaseOf(user),
    // The users table's CHECK holds roles to the contract's list; a test registry's extra roles never reach a user row.
    roles: user.roles as MeView['roles'],
    emailVerified: user.email_verified_at !== null,
    createdAt: new Date(user.created_at).toISOString(),
  };
}

export async function getMe(kernel: Pick<Kernel, 'db'>, userId: string): Promise<MeView> {
  const user = await findUserById(kernel.db, userId);
  if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
  return toMeView(user);
}

/** Only these fields; the spec refuses anything else (roles, email …) before we get here. */
export interface MeUpdate {
  name?: string;
  phone?: string | null;
  address?: string | null;
  avatarUrl?: string | null;
  /** Degrees; the contract holds them to the globe's ranges. Stored to a millionth of a degree. */
  homeBase?: { lat: number; lng: number } | null;
}

/**
 * An avatar is shown as an image by partners' front ends and the panel: only
 * a web address may be one (`javascript:`, `data:` or `file:` would run or
 * read something in the viewer's browser). The contract's pattern says the
 * same; this holds for every caller, not only the HTTP one.
 */
function assertWebUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const ok = url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && /^https?:\/\//i.test(value);
  if (!ok) {
    throw new AppError('VALIDATION.FAILED', 'The avatar must be an http or https URL.', {
      errors: [{ path: '/body/avatarUrl', message: 'must be an http(s) URL' }],
    });
  }
}

export async function updateMe(kernel: Pick<Kernel, 'db' | 'clock'>, userId: string, update: MeUpdate): Promise<MeView> {
  if (typeof update.avatarUrl === 'string') assertWebUrl(update.avatarUrl);
  const changes: Record<string, unknown> = {};
  if (update.name !== undefined) changes.name = update.name.trim();
  if (update.phone !== undefined) changes.phone = update.phone;
  if (update.address !== undefined) changes.address = update.address;
  if (update.avatarUrl !== undefined) changes.avatar_url = update.avatarUrl;
  if (update.homeBase !== undefined) {
    changes.home_lat_e6 = update.homeBase === null ? null : Math.round(update.homeBase.lat * 1e6);
    changes.home_lng_e6 = update.homeBase === null ? null : Math.round(update.homeBase.lng * 1e6);
  }
  return transaction(kernel.db, async (tx) => {
    const user = await findUserById(kernel.db, userId, tx, true);
    if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
    return toMeView(await updateUser(kernel.db, tx, userId, changes, kernel.clock.now()));
  });
}
