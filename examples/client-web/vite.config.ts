import { defaultClientConditions, defineConfig, type UserConfig } from 'vite';

/**
 * The client web app is served on its own port and reaches the API through
 * Vite's proxy (dev server and preview alike): the page and `/v1` share an
 * origin, so the API needs no CORS for it, as when a deployment puts both
 * behind one host.
 */
export function clientWebConfig(options: { apiUrl: string; port: number }): UserConfig {
  const proxy = { '/v1': { target: options.apiUrl, changeOrigin: true } };
  return {
    root: import.meta.dirname,
    // In this workspace the SDK comes from its source (no build step); a partner's app gets its dist/.
    resolve: { conditions: ['@chorecat/source', ...defaultClientConditions] },
    server: { port: options.port, strictPort: true, proxy },
    preview: { port: options.port, strictPort: true, proxy },
  };
}

export default defineConfig(
  clientWebConfig({ apiUrl: process.env.CHORECAT_URL ?? 'http://localhost:3000', port: Number(process.env.CLIENT_WEB_PORT ?? 5173) }),
);
