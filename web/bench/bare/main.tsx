/**
 * The yardstick of `npm run bench -- web`: React 19 rendering one labelled input, built by the app's own Vite
 * config. The app's first load and its time to a usable activity form are reported as ratios to this page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Kinerja ASN</h1>
      <label>
        Uraian kegiatan
        <input name="description" />
      </label>
    </main>
  </StrictMode>,
);
