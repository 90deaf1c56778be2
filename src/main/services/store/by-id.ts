/** Where each record of one list was found, by id, and how long the list was then. */
interface Positions {
  at: Map<string, number>;
  length: number;
}

/**
 * Finds records of a list by id without a scan of the whole list for each
 * lookup: positions are kept per list object (forgotten with it) and brought
 * up to date from the records pushed since; a position that no longer holds
 * its record, a shorter list or an id not found makes them be taken again,
 * so the answer is always what a scan would give.
 */
export class RecordsById<T extends { id: string }> {
  private readonly positions = new WeakMap<readonly T[], Positions>();

  /** The records of `list` with these ids, in the order of `ids` (ids not in the list left out; a repeated id once). */
  find(list: readonly T[], ids: Iterable<string>): T[] {
    const found: T[] = [];
    const seen = new Set<string>();
    let positions = this.current(list);
    let fresh = false;
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      let record = this.at(list, positions, id);
      if (!record && !fresh) {
        positions = this.index(list);
        fresh = true;
        record = this.at(list, positions, id);
      }
      if (record) found.push(record);
    }
    return found;
  }

  private at(list: readonly T[], positions: Positions, id: string): T | undefined {
    const index = positions.at.get(id);
    const record = index === undefined ? undefined : list[index];
    return record?.id === id ? record : undefined;
  }

  private current(list: readonly T[]): Positions {
    const positions = this.positions.get(list);
    if (!positions || positions.length > list.length) return this.index(list);
    for (let index = positions.length; index < list.length; index++) {
      positions.at.set((list[index] as T).id, index);
    }
    positions.length = list.length;
    return positions;
  }

  private index(list: readonly T[]): Positions {
    const at = new Map<string, number>();
    list.forEach((record, index) => at.set(record.id, index));
    const positions = { at, length: list.length };
    this.positions.set(list, positions);
    return positions;
  }
}
