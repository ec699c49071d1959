/**
 * AdminJS posts forms flattened (`roles.0`, `kitItems.1.quantity`). Custom
 * admin actions unflatten the payload with this before handing it to a use
 * case, so use cases see the same shapes as the API's.
 */
export function unflattenPayload(payload: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(payload)) {
    const keys = path.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const slot = /^\d+$/.test(key) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
        return;
      }
      if (container[slot] === undefined) container[slot] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  return root;
}
