// A value shown as written: on one line (money, "100.00 cat-units", never wrapped in a narrow column) or, with
// property.custom.multiline, with its line breaks (an email's text).
import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, ValueGroup } from '@adminjs/design-system';

const TextValue = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const raw = record.params[property.path];
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
  const value = (
    <span data-text-value={property.path} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
  if (where === 'list') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default TextValue;
