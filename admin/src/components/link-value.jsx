// A value that names another record and links to its page: the label in params[path], the address in
// params[`${path}Href`] (set by the screen's after hook; none when the record has no page, or is gone).
import React from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'adminjs';
import { ButtonCSS, ValueGroup } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';

// Drawn as AdminJS draws a reference (a text button in the theme's colour), so both kinds of link look alike.
const StyledLink = styled(Link)`
  ${ButtonCSS};
  padding-left: ${({ theme }) => theme.space.xs};
  padding-right: ${({ theme }) => theme.space.xs};
  text-align: left;
`;

const LinkValue = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const label = record.params[property.path];
  const href = record.params[`${property.path}Href`];
  const text = label === undefined || label === null || label === '' ? '—' : String(label);
  const value = href ? (
    <StyledLink variant="text" to={href} data-link-value={property.path}>
      {text}
    </StyledLink>
  ) : (
    <span data-link-value={property.path}>{text}</span>
  );
  if (where === 'list') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default LinkValue;
