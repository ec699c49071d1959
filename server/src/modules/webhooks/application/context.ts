import type { Counter } from 'prom-client';
import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SecretBox } from '../infra/secret-box.ts';
import type { Resolution } from '../infra/address-resolver.ts';
import type { AttemptResult } from '../infra/http-sender.ts';
import type { EndpointView } from '../domain/endpoint.ts';
import type { PublicEndpointRow } from '../infra/webhooks.repository.ts';

/** What webhooks' use cases work with: the kernel, the secrets' box, and the network (resolving, sending). */
export interface Webhooks {
  kernel: Kernel;
  box: SecretBox;
  /** `chorecat_webhook_attempts_total{outcome}`, `chorecat_webhook_endpoints_disabled_total` (absent in unit-built contexts). */
  counters?: { attempts: Counter<'outcome'>; disabled: Counter };
  resolve(hostname: string, allowPrivate: boolean): Promise<Resolution>;
  post(input: {
    url: URL;
    address: string;
    family: 4 | 6;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
  }): Promise<AttemptResult>;
}

export const endpointNotFound = () => new AppError('NOT_FOUND', 'No such webhook endpoint.');

export function endpointView(
  row: Pick<PublicEndpointRow, 'id' | 'url' | 'event_types' | 'status' | 'created_at' | 'disabled_at' | 'disabled_reason'>,
): EndpointView {
  const view: EndpointView = {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
  if (row.status === 'disabled' && row.disabled_at) {
    view.disabledAt = row.disabled_at.toISOString();
    view.disabledReason = row.disabled_reason ?? '';
  }
  return view;
}
