import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where `npm run dev` finds the API (apps/api listens on 127.0.0.1:4000 by default). */
const api = process.env['AFTERSALE_API_URL'] ?? 'http://127.0.0.1:4000';

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // Apollo Client's development checks and messages stay out of the build.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
  resolve: {
    // Workspace packages (@aftersale/graphql) resolve to their TypeScript
    // sources, so the console never runs against a stale build.
    conditions: ['@aftersale/source', ...defaultClientConditions],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // In production the API serves the built console on the same origin; in
    // development Vite stands in front of it.
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': { target: api },
      // Files: invoice PDFs, claim attachments, CSV import and export.
      '/api': { target: api },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the console: separate chunks stay
        // cached across deploys and download in parallel.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 4 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group)[\\/]/, priority: 3 },
            { name: 'graphql', test: /node_modules[\\/](@apollo|graphql|graphql-tag|optimism|@wry|zen-observable|zen-observable-ts)[\\/]/, priority: 2 },
            { name: 'react-admin', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
}));
