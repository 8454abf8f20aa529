import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// swc (not esbuild) compiles the tests because type-graphql and MikroORM need decorator metadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // graphql ships CJS and ESM builds; Node (type-graphql, Apollo) loads the CJS one, so tests must
  // too, or schema objects from the two copies fail graphql's instanceof checks.
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    include: ['server/src/**/*.test.ts', 'client-common/src/**/*.test.ts', 'e2e/**/*.test.ts', 'device-agent/src/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
