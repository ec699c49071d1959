// Shows an order photo from the admin panel's own, session-protected photo route.
import React from 'react';
import { Box } from '@adminjs/design-system';

const PhotoThumbnail = ({ record, property }) => {
  const id = record.params[property.path];
  if (!id) return null;
  const src = `${window.location.pathname.split('/resources/')[0]}/photos/${id}`;
  return (
    <Box>
      <a href={src} target="_blank" rel="noreferrer">
        <img src={src} alt="order photo" style={{ maxHeight: 96, maxWidth: 160, borderRadius: 4 }} />
      </a>
    </Box>
  );
};

export default PhotoThumbnail;
