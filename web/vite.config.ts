/**
 * The web app's build: served under /app/ (locally by the gateway, in the cloud by CloudFront), so its routes
 * never meet the API's paths. Output in web/dist (git-ignored); hashed file names under assets/ are cached forever.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react(), VitePWA(pwa())],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows no inline script or style: nothing may be inlined into index.html.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

/**
 * Installable, and opens offline: the web app manifest (public/icon*), and a service worker (sw.js, scope /app/)
 * that keeps the app shell and answers every /app/ page with index.html; config.json from the network when it can.
 * registerSW.js is a file, not an inline script (the CSP). sw.js, registerSW.js and the manifest keep fixed names,
 * so they are served no-cache (infra/local/web.ts, infra/stacks/web-app.ts).
 */
function pwa(): Parameters<typeof VitePWA>[0] {
  return {
    registerType: 'autoUpdate',
    injectRegister: 'script',
    // The icons are in workbox.globPatterns already.
    includeManifestIcons: false,
    manifest: {
      id: '/app/',
      name: 'Kinerja ASN',
      short_name: 'Kinerja',
      description: 'Catat aktivitas harian dan pantau kinerja ASN Pemerintah Kota Medan.',
      lang: 'id',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b4f8a',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
      navigateFallback: '/app/index.html',
      navigateFallbackAllowlist: [/^\/app\//],
      // The workbox runtime inside sw.js: no second file with a fixed name to keep uncached.
      inlineWorkboxRuntime: true,
      cleanupOutdatedCaches: true,
      // A new worker takes over at once, this page included (config.json is then kept through it: offline/shell.ts).
      skipWaiting: true,
      clientsClaim: true,
      runtimeCaching: [
        {
          urlPattern: ({ url }) => url.pathname === '/app/config.json',
          handler: 'NetworkFirst',
          options: { cacheName: 'kinerja-config', networkTimeoutSeconds: 4 },
        },
      ],
    },
  };
}
