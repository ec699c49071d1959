/**
 * Bundles the panel's components into ADMIN_JS_TMP_DIR as AdminJS's own
 * `initialize()` does in production (its entry file, then rollup), in the
 * mode NODE_ENV names. Run by `bundlePanelComponents` in a process of its
 * own, since AdminJS fixes its bundle folder and mode when first imported.
 */
import { addPanelComponents } from '../src/index.ts';

const { default: AdminJS, ComponentLoader } = await import('adminjs');
const { componentsBundler, generateUserComponentEntry, ADMIN_JS_TMP_DIR } = await import('adminjs/bundler');
const componentLoader = new ComponentLoader();
addPanelComponents(componentLoader);
const admin = new AdminJS({ componentLoader });
await componentsBundler.createEntry({ content: generateUserComponentEntry(admin, ADMIN_JS_TMP_DIR) });
await componentsBundler.build();
