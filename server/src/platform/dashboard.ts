import type { Role } from './http/auth.ts';
import { lastCronOccurrence } from './scheduler.ts';

/**
 * The panel dashboard's figures. Each module declares its own (its
 * `ChorecatModule.dashboardFigures`), read by one indexed query of its own
 * tables, so the dashboard needs no module's tables and no module another's.
 * A figure says which panel list is behind it (a screen and its filters),
 * so a manager goes from a number to the records that make it.
 */
export interface FigureLink {
  /** The panel screen's id (`orders`, `kits` …). */
  resourceId: string;
  /** AdminJS list filters: `{ status: 'failed' }` becomes `filters.status=failed`; dates as `startsAt~~from`. */
  filters: Record<string, string>;
}

export interface FigurePart {
  key: string;
  label: string;
  value: number;
  link?: FigureLink;
}

export interface FigureReading {
  /** A count, a whole percentage, or money as a decimal string of cat-units ("1234.50"). */
  value: number | string;
  /** A few words under the value: what it covers ("this week: 12 orders"). */
  note?: string;
  link?: FigureLink;
  /** The value split by kind (status, reason), each with its own list. */
  parts?: FigurePart[];
  /** A time series: one label per day, one set of values per kind. */
  series?: { labels: string[]; sets: { key: string; label: string; values: number[] }[] };
}

export interface DashboardFigure {
  key: string;
  /** The card group it sits in (Orders, Supplies, Money, Deliveries, Quality). */
  section: string;
  label: string;
  kind: 'count' | 'money' | 'percent';
  /** A value above zero needs someone: drawn in the warning colour. */
  attention?: boolean;
  /** How the panel draws it: a number (default), bars of its parts, or its series stacked by day. */
  chart?: 'bars' | 'stacked-days';
  /** Panel roles that see it (default: managers and admins, as for screens). */
  roles?: Role[];
  read(at: DashboardTime): Promise<FigureReading>;
}

/** "Now" (the platform clock) and where today and this week began in the business time zone. */
export interface DashboardTime {
  now: Date;
  timeZone: string;
  dayStart: Date;
  /** Monday 00:00. */
  weekStart: Date;
}

export function dashboardTime(now: Date, timeZone: string): DashboardTime {
  return {
    now,
    timeZone,
    dayStart: lastCronOccurrence('0 0 * * *', timeZone, now),
    weekStart: lastCronOccurrence('0 0 * * 1', timeZone, now),
  };
}

export type DashboardFigureView = Omit<DashboardFigure, 'read' | 'roles'> & FigureReading;

const DEFAULT_ROLES: readonly string[] = ['manager', 'admin'];

/** The figures these roles may see, each read once (in parallel: each is one small query). */
export async function readDashboardFigures(
  figures: readonly DashboardFigure[],
  roles: readonly string[],
  at: DashboardTime,
): Promise<DashboardFigureView[]> {
  const visible = figures.filter((f) => (f.roles ?? DEFAULT_ROLES).some((r) => roles.includes(r)));
  return Promise.all(visible.map(async ({ read, roles: _roles, ...figure }) => ({ ...figure, ...(await read(at)) })));
}
