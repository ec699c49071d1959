import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import type { FilesService } from '../../files/index.ts';
import { accept } from '../application/accept-order.ts';
import { cancelOrder } from '../application/cancel-order.ts';
import { checkIn } from '../application/check-in.ts';
import { copyOrder } from '../application/copy-order.ts';
import { createOrder } from '../application/create-order.ts';
import { editOrder } from '../application/edit-order.ts';
import { getOrder } from '../application/get-order.ts';
import { getTimeline } from '../application/get-order-timeline.ts';
import { listOrders } from '../application/list-orders.ts';
import { reject } from '../application/reject-order.ts';
import { report } from '../application/report-order.ts';
import { addTip, parseTip } from '../application/tip-order.ts';

export function ordersHandlers(kernel: Kernel, files: FilesService): OperationHandlers {
  return contractHandlers({
    async createOrder(req, res) {
      const order = await createOrder(kernel, { client: req.principal!, order: req.body });
      res.status(201).location(`/v1/orders/${order.id}`).json(order);
    },
    async listOrders(req, res) {
      res.json(await listOrders(kernel, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getOrder(req, res) {
      res.json(await getOrder(kernel, req.principal!, req.params.id));
    },
    async updateOrder(req, res) {
      res.json(await editOrder(kernel, req.principal!, req.params.id, req.body, req.requestId));
    },
    async getOrderTimeline(req, res) {
      res.json(await getTimeline(kernel, req.principal!, req.params.id));
    },
    async checkInOrder(req, res) {
      res.json(await checkIn(kernel, files, req.principal!, req.params.id, req.body.photoId));
    },
    async reportOrder(req, res) {
      res.json(await report(kernel, files, req.principal!, req.params.id, req.body));
    },
    async acceptOrder(req, res) {
      res.json(await accept(kernel, req.principal!, req.params.id, { rating: req.body?.rating, tip: req.body?.tip }));
    },
    async tipOrder(req, res) {
      const tip = await addTip(kernel, req.principal!, { orderId: req.params.id, amount: parseTip(req.body.amount) });
      res.status(201).json(tip);
    },
    async rejectOrder(req, res) {
      res.json(await reject(kernel, req.principal!, req.params.id, req.body.reason, req.body.rating));
    },
    async copyOrder(req, res) {
      const order = await copyOrder(kernel, req.principal!, req.params.id, req.body.startsAt);
      res.status(201).location(`/v1/orders/${order.id}`).json(order);
    },
    async cancelOrder(req, res) {
      res.json(await cancelOrder(kernel, req.principal!, req.params.id, req.body?.reason));
    },
  });
}
