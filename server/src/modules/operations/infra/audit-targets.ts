import type { Kernel } from '../../../platform/module.ts';
import { describeTargets, targetKey, type PanelLookup } from '../../../admin/targets.ts';

interface RecordJson {
  params: Record<string, unknown>;
}
interface PanelContext {
  _admin: {
    findResource(id: string): {
      findMany(ids: string[]): Promise<{ id(): string; params: Record<string, unknown>; title(): string }[]>;
    };
  };
  h: { recordActionUrl(options: { resourceId: string; recordId: string; actionName: string }): string };
}

/** The audit screen's after hook (list and show): each entry's target named and linked, all of a page's at once. */
export function auditTargetsNamed(kernel: Pick<Kernel, 'db' | 'config'>) {
  const describe = describeTargets(kernel);
  return async (response: unknown, _request: unknown, context: unknown) => {
    const body = response as { records?: RecordJson[]; record?: RecordJson };
    const records = body.records ?? (body.record ? [body.record] : []);
    const targets = records.map((r) => ({ type: String(r.params.targetType), id: (r.params.targetId as string | null) ?? null }));
    if (targets.length === 0) return response;
    const { _admin, h } = context as PanelContext;
    const panel: PanelLookup = {
      records: async (screen, ids) => {
        // A screen this platform does not mount (a module left out): its targets read as gone.
        let resource;
        try {
          resource = _admin.findResource(screen);
        } catch {
          return [];
        }
        return (await resource.findMany(ids)).map((r) => ({ id: String(r.id()), params: r.params, title: r.title() }));
      },
      showUrl: (screen, id) => h.recordActionUrl({ resourceId: screen, recordId: id, actionName: 'show' }),
    };
    const described = await describe(targets, panel);
    records.forEach((record, i) => {
      const found = described.get(targetKey(targets[i]!));
      record.params.target = found?.label ?? `${targets[i]!.type} ${targets[i]!.id ?? ''}`.trim();
      if (found?.href) record.params.targetHref = found.href;
    });
    return response;
  };
}
