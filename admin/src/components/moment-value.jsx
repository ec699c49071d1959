// A date column in the panel's one format (see formats.js), in the business time zone the server gives as property.custom.timeZone.
import React from 'react';
import { useTranslation } from 'adminjs';
import { ValueGroup } from '@adminjs/design-system';
import { formatMoment } from './formats.js';

const MomentValue = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const text = formatMoment(record.params[property.path], property.custom?.timeZone);
  const value = (
    <span data-moment={property.path} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
  if (where === 'list') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default MomentValue;
