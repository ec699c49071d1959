import type { ChorecatModule, Kernel } from '../../platform/module.ts';
import { createStorage } from '../../platform/storage.ts';
import { FilesService } from './application/files.ts';
import { filesHandlers } from './http/handlers.ts';

export { FilesService, type FileInfo, type FileAccessRule } from './application/files.ts';
export { sniffImageType } from './domain/image-type.ts';

/** Files: photo uploads (JPEG, PNG, WebP by their bytes), stored on disk or S3, read only by those allowed. */
export function createFilesModule(kernel: Kernel): { module: ChorecatModule; files: FilesService } {
  const files = new FilesService(kernel, createStorage(kernel.config));
  return { module: { name: 'files', handlers: filesHandlers(files) }, files };
}
