/** An empty list shared by every commit that has nothing of a kind: frozen, so nobody can write to it. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];
