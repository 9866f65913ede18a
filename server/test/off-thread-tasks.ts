/** Tasks for the off-thread runner's tests: one that never ends, one that eats its heap. */
export function spinForever(): never {
  for (;;) {
    // A parser stuck in a loop: the thread must be stopped from outside.
  }
}

export function eatHeap(): number {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 10_000 }, (_, i) => `${i}-${kept.length}`));
}

export function twice(n: number): number {
  return n * 2;
}

export function refuse(): never {
  throw Object.assign(new Error("no"), { code: "archive_bomb" });
}
