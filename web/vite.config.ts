/**
 * The web app's build: served under /app/ (locally by the gateway, in the cloud by CloudFront), so its routes
 * never meet the API's paths. Output in web/dist (git-ignored); hashed file names under assets/ are cached forever.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows no inline script or style: nothing may be inlined into index.html.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
