/**
 * Records of one kind keyed by id. Records are replaced, never mutated, so a clone (for a fault's
 * throw-away write) copies the map only.
 */
export class Records<T extends { id: string }> {
	private readonly byId: Map<string, T>;

	constructor(items: Iterable<T> = []) {
		this.byId = new Map([...items].map((item) => [item.id, item]));
	}

	clone(): Records<T> {
		return new Records(this.byId.values());
	}

	get(id: string): T | undefined {
		return this.byId.get(id);
	}

	put(item: T): void {
		this.byId.set(item.id, item);
	}

	delete(id: string): void {
		this.byId.delete(id);
	}

	/** Every record, ordered by id (the order Admin API lists page in). */
	all(): T[] {
		return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}
}
