/**
 * What the SDK needs of a key-value storage: the three methods of the Web
 * Storage API, so the browser's `localStorage` and `sessionStorage` fit. Its
 * own interface rather than the DOM's `Storage`, so the SDK's types need no
 * DOM lib (a Node project compiles them with `lib: ["es2022"]`).
 */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
