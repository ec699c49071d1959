// Draws a JSON column (the audit log's before and after, a timeline entry's
// changes). AdminJS keeps such a value flattened into the record's params
// ("before.status", "before.items.0.name" …) and has no view for it, so the
// show page stayed blank: this gathers it back and prints it.
import React from 'react';
import { flat, useTranslation } from 'adminjs';
import { Box, ValueGroup } from '@adminjs/design-system';

const JsonView = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const value = flat.get(record.params, property.path);
  const empty = value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  const text = empty ? '—' : JSON.stringify(value, null, where === 'list' ? 0 : 2);
  if (where === 'list') {
    return <span title={text}>{text.length > 80 ? `${text.slice(0, 79)}…` : text}</span>;
  }
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      <Box
        as="pre"
        p="md"
        bg="grey20"
        data-json-view={property.path}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 13, margin: 0 }}
      >
        {text}
      </Box>
    </ValueGroup>
  );
};

export default JsonView;
