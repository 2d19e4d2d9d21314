import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', './tests/support/count-reporter.ts'],
    // electron-store imports `electron`; inlined, it sees the vi.mock of tests/mocks/electron.ts instead of the
    // real package, whose binary cannot be downloaded here (design/stack.md §3).
    server: { deps: { inline: ['electron-store'] } },
  },
});
