/** A chore clients can order: how long it takes, and the kit assembled for it. */
export interface KitItem {
  name: string;
  quantity: number;
}

export interface ServiceType {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  active: boolean;
  kitItems: KitItem[];
  createdAt: string;
  updatedAt: string;
}

/**
 * One line per item: the same item named twice (case and spaces aside) is
 * merged by adding the quantities, so a kit never lists an item twice.
 */
export function normaliseKitItems(items: KitItem[]): KitItem[] {
  const merged = new Map<string, KitItem>();
  for (const item of items) {
    const name = item.name.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    const existing = merged.get(key);
    if (existing) existing.quantity += item.quantity;
    else merged.set(key, { name, quantity: item.quantity });
  }
  return [...merged.values()];
}
