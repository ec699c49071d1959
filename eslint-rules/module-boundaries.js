import path from 'node:path';

/**
 * Modules talk only through each other's index.ts (ARCHITECTURE.md):
 * - a file inside server/src/modules/<a>/ may import from modules/<b>/ only
 *   through modules/<b>/index.ts;
 * - the platform kernel (server/src/platform/) never imports a module.
 * Relative imports are resolved against the importing file.
 */
const MODULES = `${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
const PLATFORM = `${path.sep}server${path.sep}src${path.sep}platform${path.sep}`;

function moduleOf(file) {
  const at = file.indexOf(MODULES);
  if (at === -1) return undefined;
  const rest = file.slice(at + MODULES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'import another module only through its index.ts; the platform imports no module' },
    schema: [],
    messages: {
      internals: "'{{source}}' reaches into module '{{target}}'. Import '{{target}}/index.ts' instead: it is the module's only door.",
      platform: "The platform kernel must not import module '{{target}}': modules depend on the platform, not the other way round.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = moduleOf(filename);
    const inPlatform = filename.includes(PLATFORM);
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(filename), source);
      const target = moduleOf(resolved);
      if (!target) return;
      if (inPlatform) {
        context.report({ node, messageId: 'platform', data: { target: target.name } });
        return;
      }
      if (from && from.name === target.name) return;
      if (target.inner === 'index.ts' || target.inner === 'index' || target.inner === '') return;
      context.report({ node, messageId: 'internals', data: { source, target: target.name } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => check({ source: node.source, ...node }),
    };
  },
};
