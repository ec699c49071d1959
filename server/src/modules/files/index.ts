import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { createStorage } from '../../platform/storage.ts';
import { AppError } from '../../platform/errors.ts';
import { FilesService } from './application/files.ts';
import { filesHandlers } from './http/handlers.ts';
import { filesTable } from './infra/files.table.ts';

export { FilesService, type FileInfo, type FileAccessRule } from './application/files.ts';
export { sniffImageType } from './domain/image-type.ts';

/** Files: photo uploads (JPEG, PNG, WebP by their bytes), stored on disk or S3, read only by those allowed; what killed uploads leave swept. */
export function createFilesModule(kernel: Kernel): ChorecatModule<FilesService> {
  const files = new FilesService(kernel, createStorage(kernel.config));
  return {
    name: 'files',
    handlers: filesHandlers(files),
    provides: files,
    jobs: [
      {
        name: 'files.sweep',
        description: 'Removes temporary files and stored files no row names, an hour old, that a killed upload left on disk.',
        schedule: { everyMs: 60 * 60_000 },
        lockLifetimeMs: 5 * 60_000,
        async run({ logger }) {
          const swept = await files.sweep();
          if (swept.temporary || swept.orphans) logger.info(swept, 'files left by killed uploads removed');
        },
      },
    ],
    services: {
      async readFile(user, id) {
        try {
          const { info, bytes } = await files.read(user, id);
          return { bytes, contentType: info.contentType };
        } catch (error) {
          // No such file, or none this user may read: the panel shows nothing either way.
          if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
          throw error;
        }
      },
    },
  };
}

/** Provides its FilesService: orders adds its access rule to it, the panel reads photos through it. */
export const filesModule = defineModule({ name: 'files', create: (kernel) => createFilesModule(kernel), tables: [filesTable] });
