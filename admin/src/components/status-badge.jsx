// A status coloured by what it means (done green, failed red, waiting amber), not AdminJS's one grey.
import React from 'react';
import { useTranslation } from 'adminjs';
import { ValueGroup } from '@adminjs/design-system';
import { TONE_COLOURS, statusTone } from './formats.js';

/** One status as its coloured pill: the tone of `value`, the words of `label` (default: the value). */
export const StatusPill = ({ value, label = value }) => {
  const tone = statusTone(value);
  return (
    <span
      data-status-tone={tone}
      style={{
        ...TONE_COLOURS[tone],
        borderRadius: 12,
        padding: '2px 10px',
        fontSize: 12,
        whiteSpace: 'nowrap',
        display: 'inline-block',
      }}
    >
      {String(label).replace(/_/g, ' ')}
    </span>
  );
};

const StatusBadge = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const raw = record.params[property.path];
  const label = property.availableValues?.find((v) => v.value === raw)?.label ?? raw;
  const value = raw === undefined || raw === null || raw === '' ? <span>—</span> : <StatusPill value={raw} label={label} />;
  if (where === 'list') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default StatusBadge;
