// adminjs/bundler ships no types; this is the part the panel and its bundler use.
declare module 'adminjs/bundler' {
  /** The bundle folder, read from ADMIN_JS_TMP_DIR when AdminJS is first imported. */
  export const ADMIN_JS_TMP_DIR: string;
  export const componentsBundler: {
    createEntry(options: { content: string }): Promise<void>;
    build(): Promise<void>;
  };
  export function generateUserComponentEntry(admin: unknown, entryPath: string): string;
}
