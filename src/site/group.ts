/** Lists kept by key: the grouping the archive, the figures, the slugs and the search shards all do. */

/** Adds a value to its key's list. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Items grouped by a key, each group in the items' order, the groups in the order their keys first came. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) push(out, key(item), item);
  return out;
}
