// One order on one page (the orders screen's "show"): who and what, the
// actions its lifecycle allows the panel user now, then the whole case
// (photos, timeline, kit, matching, invoice, emails, the worker's record).
// The handler puts the gathered case in `params.orderPage` (a JSON string).
import React from 'react';
import { Box, H3, Text, Badge, Button } from '@adminjs/design-system';
import { CaseSections, personOf, when } from './order-case.jsx';

const ACTION_LABELS = { cancel: 'Cancel order…', check_in: 'Check in', report: 'Report', accept: 'Accept', reject: 'Reject' };

const Fact = ({ label, children, testId }) => (
  <Box mr="xxl" mb="lg" style={{ minWidth: 200 }} data-fact={testId}>
    <Text color="grey60" fontSize="sm">
      {label}
    </Text>
    <Text>{children === null || children === undefined || children === '' ? '—' : children}</Text>
  </Box>
);

const OrderPage = ({ record }) => {
  let c;
  try {
    c = JSON.parse((record && record.params && record.params.orderPage) || 'null');
  } catch {
    c = null;
  }
  if (!c) return <Text>Loading the order…</Text>;
  const o = c.order;
  const people = c.people || {};
  return (
    <Box variant="card" p="xl" data-order-page={o.id}>
      <H3>
        Order {o.id} <Badge variant={o.status === 'failed' || o.status === 'cancelled' ? 'danger' : 'primary'}>{o.status}</Badge>
        {o.failureReason ? <Text as="span"> ({o.failureReason})</Text> : null}
      </H3>
      <Box flex flexDirection="row" flexWrap="wrap" mb="lg">
        <Fact label="Client" testId="client">
          {personOf(people, o.clientId)}
        </Fact>
        <Fact label="Worker" testId="worker">
          {o.workerId ? personOf(people, o.workerId) : 'not assigned yet'}
        </Fact>
        <Fact label="Starts – ends">{`${when(o.startsAt)} – ${when(o.endsAt).slice(11)}`}</Fact>
        <Fact label="Address">{o.address}</Fact>
        <Fact label="Price">{o.price}</Fact>
        <Fact label="Rating">{o.rating}</Fact>
        {o.copyOf ? <Fact label="Copy of">{o.copyOf}</Fact> : null}
      </Box>
      {o.description ? (
        <Text mb="lg" style={{ fontStyle: 'italic' }}>
          “{o.description}”
        </Text>
      ) : null}

      <Box mb="xl" data-section="actions">
        <Text color="grey60" fontSize="sm" mb="sm">
          What you can do now
        </Text>
        {c.actions.length === 0 ? <Text>Nothing: the order’s lifecycle allows no action of yours now.</Text> : null}
        <Box flex flexDirection="row">
          {c.actions.map((a) =>
            a.href ? (
              <Button key={a.action} as="a" href={a.href} mr="default" variant="outlined" data-action={a.action}>
                {ACTION_LABELS[a.action] || a.action}
              </Button>
            ) : (
              <Text key={a.action} mr="lg" data-action={a.action}>
                {ACTION_LABELS[a.action] || a.action} (through the API)
              </Text>
            ),
          )}
        </Box>
      </Box>

      <CaseSections c={c} people={people} />
    </Box>
  );
};

export default OrderPage;
