// A value shown as written: on one line (money, "100.00 cat-units", never wrapped in a narrow column) or, with
// property.custom.multiline, with its line breaks (an email's text).
import React from 'react';
import { flat, useTranslation } from 'adminjs';
import { Box, ValueGroup } from '@adminjs/design-system';

const TextValue = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  // An array arrives flattened (skills.0, skills.1 …): gathered back, it reads as its items.
  const value = flat.get(record.params, property.path);
  const raw = Array.isArray(value) ? value.join(', ') : value;
  const text = raw === undefined || raw === null || raw === '' ? '—' : String(raw);
  if (property.custom?.multiline) {
    if (where === 'list') return <span>{text.length > 80 ? `${text.slice(0, 79)}…` : text}</span>;
    return (
      <ValueGroup label={translateProperty(property.label, property.resourceId)}>
        <Box
          as="pre"
          p="md"
          bg="grey20"
          data-multiline={property.path}
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit' }}
        >
          {text}
        </Box>
      </ValueGroup>
    );
  }
  const line = (
    <span data-text-value={property.path} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
  if (where === 'list') return line;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{line}</ValueGroup>;
};

export default TextValue;
