// Builds the renderer (renderer/ → dist/renderer). The admin server serves it over HTTP in headless mode, and the
// Electron window loads it from file:, hence the relative base.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const adminUrl = process.env.PM_ADMIN_URL;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The window runs a current Chromium (Electron or Debian's), so no legacy transforms are needed.
    target: 'es2023',
    rolldownOptions: {
      output: {
        // Vendor code changes rarely and is large: separate chunks keep each under Vite's 500 kB warning and let
        // screens that do not chart anything skip recharts.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|@reduxjs|redux|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  // `npm run dev:ui` with PM_ADMIN_URL=http://127.0.0.1:<admin port> (from `serve`): API calls go to the running
  // monitor. The admin server only accepts its own Host and Origin, so the proxy presents them.
  server: {
    host: '127.0.0.1',
    proxy: adminUrl === undefined ? {} : Object.fromEntries(['/api', '/session'].map((path) => [path, {
      target: adminUrl,
      changeOrigin: true,
      configure: (proxy: { on(event: 'proxyReq', fn: (req: { setHeader(n: string, v: string): void }) => void): void }) => {
        proxy.on('proxyReq', (req) => req.setHeader('origin', adminUrl));
      },
    }])),
  },
});
