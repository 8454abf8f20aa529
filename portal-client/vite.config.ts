import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The server serves the built portal at `/`; in development Vite proxies the API (and its WebSocket).
export default defineConfig({
  base: '/',
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
});
