import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import type { FilesService } from '../../files/index.ts';
import type { OrderStatus } from '../domain/order-lifecycle.ts';
import { accept } from '../application/accept-order.ts';
import { cancelOrder } from '../application/cancel-order.ts';
import { checkIn } from '../application/check-in.ts';
import { copyOrder } from '../application/copy-order.ts';
import { createOrder, type NewOrder } from '../application/create-order.ts';
import { editOrder, type OrderEdit } from '../application/edit-order.ts';
import { getOrder } from '../application/get-order.ts';
import { getTimeline } from '../application/get-order-timeline.ts';
import { listOrders } from '../application/list-orders.ts';
import { reject } from '../application/reject-order.ts';
import { report } from '../application/report-order.ts';

export function ordersHandlers(kernel: Kernel, files: FilesService): OperationHandlers {
  return {
    async createOrder(req, res) {
      const order = await createOrder(kernel, { client: req.principal!, order: req.body as NewOrder });
      res.status(201).location(`/v1/orders/${order.id}`).json(order);
    },
    async listOrders(req, res) {
      const q = req.query as {
        status?: OrderStatus;
        from?: string;
        to?: string;
        clientId?: string;
        workerId?: string;
        limit?: string | number;
        cursor?: string;
      };
      res.json(await listOrders(kernel, req.principal!, { ...q, limit: Number(q.limit ?? 20) }));
    },
    async getOrder(req, res) {
      res.json(await getOrder(kernel, req.principal!, String(req.params.id)));
    },
    async updateOrder(req, res) {
      res.json(await editOrder(kernel, req.principal!, String(req.params.id), req.body as OrderEdit, req.requestId));
    },
    async getOrderTimeline(req, res) {
      res.json(await getTimeline(kernel, req.principal!, String(req.params.id)));
    },
    async checkInOrder(req, res) {
      res.json(await checkIn(kernel, files, req.principal!, String(req.params.id), (req.body as { photoId: string }).photoId));
    },
    async reportOrder(req, res) {
      res.json(
        await report(
          kernel,
          files,
          req.principal!,
          String(req.params.id),
          req.body as { signedReportPhotoId: string; beforePhotoIds: string[]; afterPhotoIds: string[] },
        ),
      );
    },
    async acceptOrder(req, res) {
      res.json(await accept(kernel, req.principal!, String(req.params.id), (req.body as { rating?: number } | undefined)?.rating));
    },
    async rejectOrder(req, res) {
      const body = req.body as { reason: string; rating?: number };
      res.json(await reject(kernel, req.principal!, String(req.params.id), body.reason, body.rating));
    },
    async copyOrder(req, res) {
      const order = await copyOrder(kernel, req.principal!, String(req.params.id), (req.body as { startsAt: string }).startsAt);
      res.status(201).location(`/v1/orders/${order.id}`).json(order);
    },
    async cancelOrder(req, res) {
      const body = (req.body ?? {}) as { reason?: string };
      res.json(await cancelOrder(kernel, req.principal!, String(req.params.id), body.reason));
    },
  };
}
