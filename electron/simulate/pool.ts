/**
 * Runs async work over a list with at most `concurrency` items in flight (Entra's own concurrency is not published,
 * entra-behavior.md §4.1, so the simulator lets the admin choose).
 */

export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
