// A record's lines (an invoice's orders, a statement's earnings and fines) on its show page, from the
// record's param (a JSON array of rows, column → value) that the screen's show action adds.
import React from 'react';
import { useTranslation } from 'adminjs';
import { ValueGroup, Table, TableHead, TableBody, TableRow, TableCell, Text } from '@adminjs/design-system';
import { formatMoment } from './formats.js';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const LinesTable = ({ record, property }) => {
  const { translateProperty } = useTranslation();
  let rows = [];
  try {
    rows = JSON.parse(record.params[property.path] || '[]');
  } catch {
    rows = [];
  }
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const cell = (value) => (ISO_MOMENT.test(String(value)) ? formatMoment(value, property.custom?.timeZone) : String(value ?? ''));
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      {rows.length === 0 ? (
        <Text>No lines.</Text>
      ) : (
        <Table data-lines={property.path}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={i}>
                {columns.map((c) => (
                  <TableCell key={c} style={{ whiteSpace: 'nowrap' }}>
                    {cell(row[c])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ValueGroup>
  );
};

export default LinesTable;
