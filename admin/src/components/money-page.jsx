// One person's money on one page (a client's balance, a worker's earnings): a few figures, then tables,
// from the record's `moneyPage` param (a JSON string the screen's action puts in: billing's MoneyPage).
// A table with a `resourceId` links each row (`_id`) to that record's page, or with a `filter` to the list filtered to it.
import React from 'react';
import { ViewHelpers } from 'adminjs';
import { Box, H3, H5, Text, Table, TableHead, TableBody, TableRow, TableCell } from '@adminjs/design-system';
import { formatMoment } from './formats.js';
import { StatusPill } from './status-badge.jsx';

const h = new ViewHelpers();
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const Cell = ({ column, value, timeZone }) => {
  if (value === undefined || value === null || value === '') return <Text as="span">—</Text>;
  if (column === 'Status') return <StatusPill value={value} />;
  return <Text as="span">{ISO_MOMENT.test(String(value)) ? formatMoment(value, timeZone) : String(value)}</Text>;
};

const Section = ({ table, timeZone }) => {
  const columns = table.rows.length ? Object.keys(table.rows[0]).filter((c) => c !== '_id') : [];
  return (
    <Box mb="xl" data-table={table.key}>
      <H5 mb="default">{table.title}</H5>
      {table.rows.length === 0 ? (
        <Text color="grey60">{table.empty}</Text>
      ) : (
        <Box style={{ overflowX: 'auto' }}>
          <Table>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c}>{c}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((row, i) => {
                const href = !(table.resourceId && row._id)
                  ? null
                  : table.filter
                    ? h.resourceUrl({ resourceId: table.resourceId, search: `?filters.${table.filter}=${encodeURIComponent(row._id)}` })
                    : h.recordActionUrl({ resourceId: table.resourceId, recordId: row._id, actionName: 'show' });
                return (
                  <TableRow key={row._id || i} data-row={row._id || i}>
                    {columns.map((c, j) => (
                      // Text wraps at its spaces ("120.00 / cat-units"), so a table of many columns (a statement's eight) fits the
                      // page's width rather than running past its right edge; a status pill stays whole.
                      <TableCell key={c} style={{ whiteSpace: c === 'Status' ? 'nowrap' : 'normal' }}>
                        {j === 0 && href ? (
                          <a href={href}>
                            <Cell column={c} value={row[c]} timeZone={timeZone} />
                          </a>
                        ) : (
                          <Cell column={c} value={row[c]} timeZone={timeZone} />
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

const MoneyPage = ({ record }) => {
  let page;
  try {
    page = JSON.parse((record && record.params && record.params.moneyPage) || 'null');
  } catch {
    page = null;
  }
  if (!page) return <Text>Loading…</Text>;
  return (
    <Box variant="card" p="xl" data-money-page>
      <H3 mb="lg">{page.title}</H3>
      <Box flex flexDirection="row" flexWrap="wrap" mb="xl">
        {page.facts.map((f) => (
          <Box key={f.key} mr="xxl" mb="lg" style={{ minWidth: 180 }} data-fact={f.key}>
            <Text color="grey60" fontSize="sm">
              {f.label}
            </Text>
            <Text fontSize="xl" fontWeight="bold" style={{ whiteSpace: 'nowrap' }} data-value>
              {f.value}
            </Text>
            {f.note ? (
              <Text color="grey60" fontSize="sm">
                {f.note}
              </Text>
            ) : null}
          </Box>
        ))}
      </Box>
      {page.tables.map((t) => (
        <Section key={t.key} table={t} timeZone={page.timeZone} />
      ))}
    </Box>
  );
};

export default MoneyPage;
