import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// swc (not esbuild) compiles the tests because type-graphql and MikroORM need decorator metadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['server/src/**/*.test.ts', 'e2e/**/*.test.ts', 'device-agent/src/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
