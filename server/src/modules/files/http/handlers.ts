import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FilesService } from '../application/files.ts';

export function filesHandlers(files: FilesService): OperationHandlers {
  return contractHandlers({
    async uploadFile(req, res) {
      // The multipart parser (the validator's multer) puts the parts here, outside the typed body.
      const upload = (req.files as { fieldname: string; buffer: Buffer }[] | undefined)?.find((f) => f.fieldname === 'file');
      if (!upload)
        throw new AppError('VALIDATION.FAILED', 'Send the image in the multipart field "file".', {
          errors: [{ path: '/body/file', message: 'is required' }],
        });
      const info = await files.upload(req.principal!, upload.buffer);
      res
        .status(201)
        .location(`/v1/files/${info.id}`)
        .json({ id: info.id, contentType: info.contentType, size: info.size, sha256: info.sha256, createdAt: info.createdAt });
    },
    async getFile(req, res) {
      const { info, bytes } = await files.read(req.principal!, req.params.id);
      res.setHeader('X-Content-SHA256', info.sha256);
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.type(info.contentType).send(bytes);
    },
  });
}
