import { col, defineTable } from '../../../platform/table.ts';
import type { ImageType } from '../domain/image-type.ts';

/** `files` as the code sees it (history: migrations/): a stored image's record; its bytes are in storage under its id. */
export const filesTable = defineTable('files', {
  id: col.uuid({ primaryKey: true }),
  owner_id: col.uuid(),
  content_type: col.text<ImageType>(),
  size_bytes: col.integer(),
  sha256: col.text(),
  created_at: col.timestamptz(),
});
