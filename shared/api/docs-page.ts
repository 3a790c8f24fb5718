/** A readable, dependency-free HTML page of the OpenAPI document (no CDN: works offline and locally). */
// biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary OpenAPI document; each use checks the shape it reads
type Json = Record<string, any>;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pretty = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

export function renderDocsPage(doc: Json): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(ops as Json)) {
      const params = (op.parameters as Json[]).filter((p) => !p.$ref);
      const body = op.requestBody?.content ? Object.entries(op.requestBody.content as Json)[0] : undefined;
      const auth =
        (op.security as Json[]).length === 0
          ? 'publik / public'
          : (op.security as Json[]).map((s) => Object.keys(s)[0]).join(' atau ');
      const html = `
<section id="${esc(op.operationId)}">
  <h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
  <p><strong>${esc(op.summary)}</strong></p>
  ${op.description ? `<p>${esc(op.description)}</p>` : ''}
  <p class="auth">Akses / auth: ${esc(auth)}</p>
  ${
    params.length
      ? `<table><tr><th>Parameter</th><th>Di / in</th><th>Wajib</th><th>Keterangan</th></tr>${params
          .map(
            (p) =>
              `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'ya' : 'tidak'}</td><td>${esc(p.description ?? '')}</td></tr>`,
          )
          .join('')}</table>`
      : ''
  }
  ${body ? `<details><summary>Isi permintaan / request body (${esc(body[0])})</summary>${body[1].example !== undefined ? `<p>Contoh / example:</p>${typeof body[1].example === 'string' ? `<pre>${esc(body[1].example)}</pre>` : pretty(body[1].example)}` : ''}${pretty(body[1].schema)}</details>` : ''}
  <details><summary>Jawaban / responses: ${Object.keys(op.responses).map(esc).join(', ')}</summary>${Object.entries(
    op.responses as Json,
  )
    .map(([status, r]) => `<p><strong>${esc(status)}</strong> ${esc((r as Json).description)}</p>`)
    .join('')}</details>
</section>`;
      const tag = (op.tags as string[])[0] ?? 'Lainnya';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const nav = [...byTag.keys()].map((t) => `<li><a href="#tag-${esc(t)}">${esc(t)}</a></li>`).join('');
  const sections = [...byTag.entries()]
    .map(([t, ops]) => `<h2 id="tag-${esc(t)}">${esc(t)}</h2>${ops.join('')}`)
    .join('');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — dokumentasi</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.5}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:.85rem}
section{border-top:1px solid #ccc;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;padding:0 .3rem;color:#fff;border-radius:3px;text-align:center}
.get{background:#0b5394}.post{background:#38761d}.patch{background:#7f6000}.put{background:#7f6000}.delete{background:#990000}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}.auth{color:#444}
</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Dokumen mesin / machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${nav}</ul></nav>
${sections}
</body></html>`;
}
