// A quality review's whole case on one page (SPEC §10): the order, its
// photos shown large with their SHA-256, the timeline, the kit, the
// matching attempts, the emails sent about it, the invoice line, the
// worker's record, and the result once recorded. The action's handler
// puts the review's API view (GET /v1/reviews/{id}) in `params.dossier`.
import React from 'react';
import { Box, H3, H4, Text } from '@adminjs/design-system';
import { CaseSections, Rows, personOf, when } from './order-case.jsx';

const ReviewDossier = ({ record }) => {
  let d;
  try {
    d = JSON.parse((record && record.params && record.params.dossier) || 'null');
  } catch {
    d = null;
  }
  if (!d) return <Text>Loading the review…</Text>;
  const o = d.order;
  const people = d.people || {};
  return (
    <Box variant="card" p="xl" data-review-dossier={d.id}>
      <H3>
        Review of order {o.id} ({d.reason}, {d.status})
      </H3>
      <Text mb="lg">
        {o.status}
        {o.failureReason ? ` (${o.failureReason})` : ''} · starts {when(o.startsAt)} · {o.address} · price {o.price || '—'} · client{' '}
        {personOf(people, o.clientId)} · worker {o.workerId ? personOf(people, o.workerId) : '—'}
      </Text>
      {o.description ? <Text mb="lg">“{o.description}”</Text> : null}

      <CaseSections c={d} people={people} />

      <H4>Result</H4>
      {d.status === 'done' ? (
        <Box>
          <Text>
            {d.verdict} by {personOf(people, d.reviewerId)} at {when(d.completedAt)} on “{d.form && d.form.name}” v
            {d.form && d.form.version}
            {d.fineReversed ? ' · fine reversed' : ''}
            {d.refund ? ` · refunded ${d.refund}` : ''}
          </Text>
          {d.clientFeedback ? <Text>Client: “{d.clientFeedback}”</Text> : null}
          <Rows
            empty="The form has no questions."
            wrap={[0, 1]}
            head={['question', 'answer']}
            rows={((d.form && d.form.fields) || []).map((f) => [f.label, d.answers ? d.answers[f.key] : null])}
          />
        </Box>
      ) : (
        <Text>Open: use “Fill in review” to record the result.</Text>
      )}
    </Box>
  );
};

export default ReviewDossier;
