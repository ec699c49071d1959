import { describe, it, expect } from 'vitest';
import { isManager, isStaff, type Role } from '../http/auth.ts';
import { ROLES } from '../../modules/index.ts';

const caller = (...roles: Role[]) => ({ id: 'someone', roles });

describe('the back-office rules', () => {
  it('a manager is a manager or an admin; staff adds supplies staff', () => {
    const managers = ROLES.filter((role) => isManager(caller(role)));
    const staff = ROLES.filter((role) => isStaff(caller(role)));
    expect([...managers].sort()).toEqual(['admin', 'manager']);
    expect([...staff].sort()).toEqual(['admin', 'manager', 'supplies']);
  });

  it('no caller, or a caller with no back-office role, is neither', () => {
    expect(isManager(undefined)).toBe(false);
    expect(isStaff(undefined)).toBe(false);
    expect(isStaff(caller('client', 'worker', 'applicant'))).toBe(false);
    expect(isManager(caller('worker', 'supplies'))).toBe(false);
    expect(isManager(caller('worker', 'admin'))).toBe(true);
  });
});
