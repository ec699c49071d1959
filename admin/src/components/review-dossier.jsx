// A quality review's whole case on one page (SPEC §10): the order, its
// photos shown large with their SHA-256, the timeline, the kit, the
// matching attempts, the emails sent about it, the invoice line, the
// worker's record, and the result once recorded. The action's handler
// puts the review's API view (GET /v1/reviews/{id}) in `params.dossier`.
import React from 'react';
import { Box, H3, H4, Text, Table, TableHead, TableBody, TableRow, TableCell } from '@adminjs/design-system';

const photoSrc = (id) => `${window.location.pathname.split('/resources/')[0]}/photos/${id}`;

const Rows = ({ head, rows }) => (
  <Table mb="lg">
    <TableHead>
      <TableRow>
        {head.map((h) => (
          <TableCell key={h}>{h}</TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row, i) => (
        <TableRow key={i}>
          {row.map((cell, j) => (
            <TableCell key={j}>{cell === null || cell === undefined ? '—' : String(cell)}</TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const ReviewDossier = ({ record }) => {
  let d;
  try {
    d = JSON.parse((record && record.params && record.params.dossier) || 'null');
  } catch {
    d = null;
  }
  if (!d) return <Text>Loading the review…</Text>;
  const o = d.order;
  return (
    <Box variant="card" p="xl" data-review-dossier={d.id}>
      <H3>
        Review of order {o.id} ({d.reason}, {d.status})
      </H3>
      <Text mb="lg">
        {o.status}
        {o.failureReason ? ` (${o.failureReason})` : ''} · starts {o.startsAt} · {o.address} · price {o.price || '—'} · client {o.clientId}{' '}
        · worker {o.workerId || '—'}
      </Text>
      {o.description ? <Text mb="lg">“{o.description}”</Text> : null}

      <H4>Photos</H4>
      {d.photos.length === 0 ? <Text mb="lg">No photos.</Text> : null}
      <Box flex flexDirection="row" flexWrap="wrap" mb="lg">
        {d.photos.map((p) => (
          <Box key={`${p.purpose}-${p.fileId}`} mr="lg" mb="lg" data-photo={p.fileId}>
            <a href={photoSrc(p.fileId)} target="_blank" rel="noreferrer">
              <img
                src={photoSrc(p.fileId)}
                alt={p.purpose}
                style={{
                  width: 480,
                  maxWidth: '100%',
                  maxHeight: 640,
                  objectFit: 'contain',
                  background: '#f3f3f3',
                  borderRadius: 4,
                  display: 'block',
                }}
              />
            </a>
            <Text>{p.purpose}</Text>
            <Text style={{ fontFamily: 'monospace', fontSize: 11 }}>sha256 {p.sha256 || 'missing'}</Text>
          </Box>
        ))}
      </Box>

      <H4>Timeline</H4>
      <Rows
        head={['at', 'event', 'from → to', 'by', 'reason', 'photo hashes']}
        rows={d.timeline.map((e) => [e.at, e.event, `${e.from || '—'} → ${e.to}`, e.actorRole, e.reason, (e.fileHashes || []).join(' ')])}
      />

      <H4>Kit</H4>
      {d.kit ? (
        <Text mb="lg">
          {d.kit.status} · cookie {d.kit.cookie.status} ·{' '}
          {d.kit.items.map((i) => `${i.quantity}× ${i.name}${i.packed ? ' ✓' : ''}`).join(', ')}
        </Text>
      ) : (
        <Text mb="lg">No kit.</Text>
      )}

      <H4>Matching attempts</H4>
      <Rows
        head={['at', 'strategy', 'candidates', 'chosen', 'price', 'outcome']}
        rows={d.matchingAttempts.map((a) => [a.at, a.strategy, a.candidates.length, a.chosen, a.price, a.outcome])}
      />

      <H4>Emails about the order</H4>
      <Rows head={['created', 'to', 'subject', 'status']} rows={d.emails.map((e) => [e.createdAt, e.to, e.subject, e.status])} />

      <H4>Invoice line</H4>
      <Text mb="lg">
        {d.invoiceLine
          ? `${d.invoiceLine.amount} · week ending ${d.invoiceLine.periodEnd} · invoice ${d.invoiceLine.invoiceId || 'not issued yet'} (${d.invoiceLine.invoiceStatus || '—'})${d.invoiceLine.refunded ? ` · refunded ${d.invoiceLine.refunded}` : ''}`
          : 'Not billed (only accepted orders are).'}
      </Text>

      <H4>The worker</H4>
      {d.worker ? (
        <Box mb="lg">
          <Text>
            {d.worker.name || d.worker.id} {d.worker.workerCode ? `(${d.worker.workerCode})` : ''} · {d.worker.completedOrders} completed ·{' '}
            {d.worker.failedOrders} failed
          </Text>
          <Rows
            head={['at', 'order', 'outcome', 'fine reversed']}
            rows={d.worker.recentOutcomes.map((r) => [
              r.at,
              r.orderId,
              r.outcome,
              r.outcome === 'failed' ? (r.fineReversed ? 'yes' : 'no') : '',
            ])}
          />
        </Box>
      ) : (
        <Text mb="lg">No worker was assigned.</Text>
      )}

      <H4>Result</H4>
      {d.status === 'done' ? (
        <Box>
          <Text>
            {d.verdict} by {d.reviewerId} at {d.completedAt} on “{d.form && d.form.name}” v{d.form && d.form.version}
            {d.fineReversed ? ' · fine reversed' : ''}
            {d.refund ? ` · refunded ${d.refund}` : ''}
          </Text>
          {d.clientFeedback ? <Text>Client: “{d.clientFeedback}”</Text> : null}
          <Rows
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
