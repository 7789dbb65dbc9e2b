import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const pkg = (name: string) => fileURLToPath(new URL(`../../packages/${name}/src/index.ts`, import.meta.url));

// Where the studio's dev and preview servers forward API and simulator calls.
const apiUrl = process.env.TANDEM_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
const simUrl = process.env.TANDEM_SIM_URL ?? `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4010}`;
// A simulator run with NODE_ENV=production wants SIMULATOR_CONTROL_TOKEN on `/_sim`: the
// proxy adds it, so the token never reaches the browser (unset in development: nothing added).
const simToken = process.env.SIMULATOR_CONTROL_TOKEN;
const proxy = {
  '/api': apiUrl,
  '/health': apiUrl,
  '/_sim': { target: simUrl, headers: simToken ? { authorization: `Bearer ${simToken}` } : {} },
};

// The studio compiles the shared pure packages from source (no CommonJS in the browser).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: {
      '@tandem/api-contract': pkg('api-contract'),
      '@tandem/journey-model': pkg('journey-model'),
    },
  },
  server: {
    port: Number(process.env.STUDIO_PORT ?? 5173),
    proxy,
  },
  preview: {
    port: Number(process.env.STUDIO_PORT ?? 5173),
    proxy,
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
