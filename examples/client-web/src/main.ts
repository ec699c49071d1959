/**
 * The client web app: plain TypeScript and the DOM. Sign in, see your
 * orders (click one for its timeline), post an order, see what this
 * Sunday's invoice will say. Every API call goes through ./api.ts.
 */
import * as chorecat from './api.ts';

const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
};

/** An element with text (never HTML: addresses and descriptions are the user's own words). */
function el(tag: string, text = '', className = ''): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '—');
const STATUS_LABELS: Record<string, string> = { in_progress: 'in progress' };
const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

let serviceNames = new Map<string, string>();
let ordersById = new Map<string, chorecat.Order>();
let selectedOrderId: string | undefined;

function showError(form: HTMLFormElement, problem: chorecat.Problem | undefined) {
  // With field errors the list says it all (the detail repeats them); otherwise the detail.
  const message = $('[data-error]', form);
  const fieldErrors = problem?.errors ?? [];
  message.hidden = !problem || fieldErrors.length > 0;
  message.textContent = problem ? (problem.detail ?? problem.title) : '';
  const list = form.querySelector<HTMLElement>('[data-field-errors]');
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  if (!list) return;
  list.replaceChildren();
  for (const error of fieldErrors) {
    // "/body/address" names the form field "address".
    const field = error.path.split('/').pop() ?? '';
    form.querySelector(`[name="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
    list.append(el('li', `${field}: ${error.message}`));
  }
  list.hidden = list.childElementCount === 0;
}

/** Runs an API step; a lost session (refresh refused) sends the user back to sign-in. */
async function guarded<T>(step: () => Promise<T>, onProblem: (problem: chorecat.Problem) => void): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    const problem = chorecat.problemOf(error);
    if (problem.status === 401) await showSignIn();
    else onProblem(problem);
    return undefined;
  }
}

async function showSignIn() {
  $('#sign-in').hidden = false;
  $('#app').hidden = true;
  $('#who').hidden = true;
}

async function showApp() {
  const me = await guarded(chorecat.me, (problem) => showError($('#sign-in-form'), problem));
  if (!me) return;
  $('#who-email').textContent = me.email;
  $('#sign-in').hidden = true;
  $('#app').hidden = false;
  $('#who').hidden = false;
  await loadServiceTypes();
  // The orders first: the invoice names each line's order.
  await renderOrders();
  await renderInvoice();
}

async function loadServiceTypes() {
  const types = (await guarded(chorecat.serviceTypes, () => undefined)) ?? [];
  serviceNames = new Map(types.map((t) => [t.id, t.name]));
  const select = $<HTMLSelectElement>('select[name="serviceTypeId"]');
  select.replaceChildren(
    ...types.map((t) => {
      const option = el('option', `${t.name} (${t.durationMinutes} min)`) as HTMLOptionElement;
      option.value = t.id;
      return option;
    }),
  );
}

async function renderOrders() {
  const orders = await guarded(chorecat.myOrders, () => undefined);
  if (!orders) return;
  ordersById = new Map(orders.map((o) => [o.id, o]));
  const body = $('#orders-body');
  body.replaceChildren(
    ...orders.map((order) => {
      const row = document.createElement('tr');
      row.dataset.orderId = order.id;
      row.tabIndex = 0;
      if (order.id === selectedOrderId) row.classList.add('selected');
      const status = el('span', statusLabel(order.status), `status status-${order.status}`);
      const statusCell = el('td');
      statusCell.append(status);
      row.append(
        el('td', serviceNames.get(order.serviceTypeId) ?? 'Service'),
        el('td', when(order.startsAt)),
        el('td', order.address),
        statusCell,
        el('td', order.price ?? 'not yet fixed', order.price ? 'num' : 'num muted'),
      );
      row.addEventListener('click', () => void renderTimeline(order.id));
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') void renderTimeline(order.id);
      });
      return row;
    }),
  );
  $('#orders-empty').hidden = orders.length > 0;
}

async function renderTimeline(orderId: string) {
  const entries = await guarded(
    () => chorecat.timeline(orderId),
    () => undefined,
  );
  if (!entries) return;
  selectedOrderId = orderId;
  document
    .querySelectorAll<HTMLElement>('#orders-body tr')
    .forEach((row) => row.classList.toggle('selected', row.dataset.orderId === orderId));
  $('#timeline-of').textContent = `of order ${orderId.slice(0, 8)}`;
  $('#timeline-list').replaceChildren(
    ...entries.map((entry) => {
      const item = el('li');
      item.append(
        el('time', when(entry.at)),
        el('span', entry.from ? `${statusLabel(entry.from)} → ${statusLabel(entry.to)}` : statusLabel(entry.to), 'step'),
        // The first entry's event is `created` again: name only who acted.
        el('span', entry.from ? `${entry.event.replaceAll('_', ' ')} · by ${entry.actorRole}` : `by ${entry.actorRole}`, 'muted'),
      );
      if (entry.reason) item.append(el('span', entry.reason, 'reason'));
      return item;
    }),
  );
  $('#timeline').hidden = false;
}

async function renderInvoice() {
  const invoice = await guarded(chorecat.upcomingInvoice, () => undefined);
  if (!invoice) return;
  $('#invoice-period').textContent = `Completed orders not yet invoiced, until ${when(invoice.periodEnd)}`;
  const lines = invoice.lines.map((line) => {
    const row = document.createElement('tr');
    row.dataset.orderId = line.orderId;
    const order = ordersById.get(line.orderId);
    const what = order ? `${serviceNames.get(order.serviceTypeId) ?? 'Service'}, ${order.address}` : `Order ${line.orderId.slice(0, 8)}`;
    const cell = el('td', what);
    cell.append(el('div', `completed ${when(line.completedAt)}`, 'muted small'));
    row.append(cell, el('td', line.price, 'num'));
    return row;
  });
  if (lines.length === 0) {
    const row = document.createElement('tr');
    const cell = el('td', 'Nothing completed this week yet.', 'muted') as HTMLTableCellElement;
    cell.colSpan = 2;
    row.append(cell);
    lines.push(row);
  }
  $('#invoice-lines').replaceChildren(...lines);
  $('#invoice-subtotal').textContent = invoice.subtotal;
  $('#invoice-rate').textContent = `(${invoice.discountRate} %)`;
  $('#invoice-discount').textContent = invoice.discount === '0.00' ? '0.00' : `-${invoice.discount}`;
  $('#invoice-total').textContent = invoice.total;
}

/** `datetime-local` gives local wall time without a zone; tomorrow at 10:00 to start with. */
function defaultStart(): string {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:${pad(start.getMinutes())}`;
}

$<HTMLFormElement>('#sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  try {
    await chorecat.signInAs(String(data.get('email')), String(data.get('password')));
    showError(form, undefined);
    form.reset();
    await showApp();
  } catch (error) {
    showError(form, chorecat.problemOf(error));
  }
});

$<HTMLFormElement>('#order-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const start = String(data.get('startsAt'));
  const order = await guarded(
    () =>
      chorecat.createOrder({
        serviceTypeId: String(data.get('serviceTypeId')),
        // An empty or unparsable start is sent as is, so the API's own refusal is what the user sees.
        startsAt: start && !Number.isNaN(Date.parse(start)) ? new Date(start).toISOString() : start,
        address: String(data.get('address')),
        description: String(data.get('description')),
      }),
    (problem) => showError(form, problem),
  );
  if (!order) return;
  showError(form, undefined);
  form.reset();
  $<HTMLInputElement>('input[name="startsAt"]', form).value = defaultStart();
  await renderOrders();
  await renderTimeline(order.id);
});

$('#sign-out').addEventListener('click', async () => {
  await chorecat.signOutNow();
  selectedOrderId = undefined;
  $('#timeline').hidden = true;
  await showSignIn();
});

$<HTMLInputElement>('input[name="startsAt"]').value = defaultStart();
if (await chorecat.isSignedIn()) await showApp();
else await showSignIn();
