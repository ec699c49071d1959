// The sections of an order's whole case, shared by the order page and the
// quality review's dossier: both get the same gathered case (quality's
// orderCase) plus `people`, the names behind every id on the page.
import React from 'react';
import { Box, H4, Text, Badge, Table, TableHead, TableBody, TableRow, TableCell } from '@adminjs/design-system';

export const photoSrc = (id) => `${window.location.pathname.split('/resources/')[0]}/photos/${id}`;

/** An ISO time as a person reads it: date and minutes, in UTC (what the API stores). */
export const when = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : null);

/** "Name <email>" (and the worker code) for an id, or the id itself when nobody is known by it. */
export const personOf = (people, id) => {
  if (!id) return null;
  const p = people && people[id];
  if (!p) return id;
  return `${p.name}${p.workerCode ? ` (${p.workerCode})` : ''}${p.email ? ` <${p.email}>` : ''}`;
};

/** A table; only the columns in `wrap` (indexes) break lines, so times, events and amounts stay whole. */
export const Rows = ({ head, rows, empty, testId, wrap = [] }) =>
  rows.length === 0 ? (
    <Text mb="xl" color="grey60">
      {empty}
    </Text>
  ) : (
    <Table mb="xl" data-section={testId}>
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
              <TableCell key={j} style={{ verticalAlign: 'top', whiteSpace: wrap.includes(j) ? undefined : 'nowrap' }}>
                {cell === null || cell === undefined || cell === '' ? '—' : typeof cell === 'object' ? cell : String(cell)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

const mono = { fontFamily: 'monospace', fontSize: 11, wordBreak: 'break-all' };

const Photos = ({ photos }) => (
  <Box mb="xl" data-section="photos">
    <H4>Photos</H4>
    {photos.length === 0 ? <Text color="grey60">No photos yet.</Text> : null}
    <Box flex flexDirection="row" flexWrap="wrap">
      {photos.map((p) => (
        <Box key={`${p.purpose}-${p.fileId}`} mr="lg" mb="lg" data-photo={p.fileId} style={{ width: 320 }}>
          <a href={photoSrc(p.fileId)} target="_blank" rel="noreferrer" title="Open full size">
            <img
              src={photoSrc(p.fileId)}
              alt={p.purpose}
              style={{
                width: 320,
                height: 240,
                objectFit: 'contain',
                background: '#f3f3f3',
                border: '1px solid #e0e0e0',
                borderRadius: 4,
                display: 'block',
              }}
            />
          </a>
          <Text mt="sm" fontWeight="bold">
            {p.purpose.replace('_', ' ')}
          </Text>
          <Text style={mono} data-sha256={p.sha256 || ''}>
            SHA-256 {p.sha256 || 'missing'}
          </Text>
        </Box>
      ))}
    </Box>
  </Box>
);

/** Everything about the order but the order's own summary: photos, timeline, kit, matching, invoice, emails, the worker's record. */
export const CaseSections = ({ c, people }) => (
  <Box>
    <Photos photos={c.photos} />

    <H4>Timeline</H4>
    <Rows
      testId="timeline"
      empty="Nothing happened yet."
      wrap={[3, 4, 5]}
      head={['at', 'event', 'status', 'by', 'reason', 'photo hashes']}
      rows={c.timeline.map((e) => [
        when(e.at),
        e.event,
        `${e.from || '—'} → ${e.to}`,
        e.actorId ? `${personOf(people, e.actorId)} · ${e.actorRole}` : e.actorRole,
        e.reason,
        // The photos' own hashes, whole, are under Photos; here their start (the whole on hover).
        e.fileHashes && e.fileHashes.length ? (
          <span style={mono} title={e.fileHashes.join('\n')}>
            {e.fileHashes.map((h) => `${h.slice(0, 12)}…`).join(' ')}
          </span>
        ) : null,
      ])}
    />

    <H4>Kit and cookie</H4>
    {c.kit ? (
      <Box mb="xl" data-section="kit">
        <Text mb="sm">
          Kit <Badge variant={c.kit.status === 'ready' ? 'success' : 'default'}>{c.kit.status}</Badge> · cookie{' '}
          <Badge variant={c.kit.cookie.status === 'delivered' ? 'success' : 'default'}>{c.kit.cookie.status}</Badge>
        </Text>
        <Text>{c.kit.items.map((i) => `${i.quantity}× ${i.name}${i.packed ? ' ✓' : ''}`).join(' · ') || 'No items.'}</Text>
      </Box>
    ) : (
      <Text mb="xl" color="grey60">
        No kit.
      </Text>
    )}

    <H4>Matching attempts</H4>
    <Rows
      testId="matching"
      empty="Not matched yet."
      wrap={[2, 3]}
      head={['at', 'strategy', 'candidates', 'chosen', 'price', 'outcome']}
      rows={c.matchingAttempts.map((a) => [
        when(a.at),
        a.strategy,
        a.candidates.map((id) => personOf(people, id)).join(', '),
        personOf(people, a.chosen),
        a.price,
        a.outcome,
      ])}
    />
    {c.matchingAttempts.some((a) => a.offers && a.offers.length > 0) ? (
      <>
        <H4>Offers</H4>
        <Rows
          testId="offers"
          empty="No offers."
          wrap={[1]}
          head={['offered', 'worker', 'status', 'deadline', 'answered']}
          rows={c.matchingAttempts.flatMap((a) =>
            (a.offers || []).map((o) => [when(o.offeredAt), personOf(people, o.workerId), o.status, when(o.expiresAt), when(o.answeredAt)]),
          )}
        />
      </>
    ) : null}

    <H4>Invoice line</H4>
    <Text mb="xl" data-section="invoice">
      {c.invoiceLine
        ? `${c.invoiceLine.amount} · week ending ${when(c.invoiceLine.periodEnd)} · ${
            c.invoiceLine.invoiceId ? `invoice ${c.invoiceLine.invoiceId} (${c.invoiceLine.invoiceStatus})` : 'invoice not issued yet'
          }${c.invoiceLine.refunded ? ` · refunded ${c.invoiceLine.refunded}` : ''}`
        : 'Not billed (only completed orders are).'}
    </Text>

    <H4>Emails about the order</H4>
    <Rows
      testId="emails"
      empty="No emails."
      wrap={[2]}
      head={['created', 'to', 'subject', 'status', 'sent']}
      rows={c.emails.map((e) => [when(e.createdAt), e.to, e.subject, e.status, when(e.sentAt)])}
    />

    <H4>The worker's record</H4>
    {c.worker ? (
      <Box mb="xl" data-section="worker">
        <Text mb="sm">
          {personOf(people, c.worker.id)} · hired {when(c.worker.hiredAt) || '—'} · {c.worker.completedOrders} completed ·{' '}
          {c.worker.failedOrders} failed
        </Text>
        <Rows
          testId="worker-outcomes"
          empty="No finished orders yet."
          head={['at', 'order', 'outcome', 'fine reversed']}
          rows={c.worker.recentOutcomes.map((r) => [
            when(r.at),
            r.orderId,
            r.outcome,
            r.outcome === 'failed' ? (r.fineReversed ? 'yes' : 'no') : '',
          ])}
        />
      </Box>
    ) : (
      <Text mb="xl" color="grey60">
        No worker assigned yet.
      </Text>
    )}
  </Box>
);
