import { defineConfig, type UserConfig } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * The build of one web app: Solid, the head every page shares, and in development the server's
 * routes (API with its WebSocket, file downloads and uploads) proxied to a local Portico.
 */
export function porticoApp(options: { base: string; themeColor: string }): UserConfig {
  const server = 'http://127.0.0.1:4000';
  return defineConfig({
    base: options.base,
    plugins: [
      solid(),
      {
        name: 'portico-head',
        transformIndexHtml: () => [
          { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'color-scheme', content: 'light' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'theme-color', content: options.themeColor }, injectTo: 'head' },
          // Where the app's Solid tree is mounted (src/index.tsx).
          { tag: 'div', attrs: { id: 'root' }, injectTo: 'body-prepend' },
        ],
      },
    ],
    build: { outDir: 'dist', emptyOutDir: true },
    server: {
      proxy: {
        '/graphql': { target: server, ws: true },
        '/attachments': server,
        '/uploads': server,
      },
    },
  });
}
