/**
 * The public pages' one stylesheet (survey, verification of prints, their error pages) and the Content-Security-Policy
 * source that allows exactly it. Its own module, so that every function's handler can name the pages' headers without
 * bundling the pages themselves.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0}
.lead{color:#333}
fieldset{border:1px solid #767676;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
legend{float:left;width:100%;padding:0;margin:0 0 .6rem}
.step{display:inline-block;font-weight:600;font-size:.9rem;color:#fff;background:#0b4f8a;border-radius:.3rem;padding:0 .4rem;margin-right:.35rem}
.element{font-weight:600}
.q{display:block;margin-top:.2rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
input[type=text]{width:100%;margin:0 0 1rem;min-height:2.75rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
.opts{clear:both;display:grid;grid-template-columns:1fr 1fr;gap:.4rem}
.opt{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #767676;border-radius:.4rem}
.opt input{flex-shrink:0;width:1.4rem;height:1.4rem;margin:0;accent-color:#0b4f8a}
label{cursor:pointer}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
.check{display:flex;gap:.5rem;align-items:flex-start;margin:.75rem 0}
.check input{flex-shrink:0;width:1.4rem;height:1.4rem;margin:.15rem 0 0}
button{font:inherit;font-weight:600;color:#fff;background:#0b4f8a;border:0;border-radius:.5rem;padding:.8rem 1.5rem;min-height:3rem;width:100%}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.note{color:#333;font-size:.95rem}
.box{border-left:.35rem solid #0b4f8a;padding:.5rem 1rem;background:#f3f6fa}
`;

/**
 * The pages' Content-Security-Policy allows exactly this stylesheet by its hash (no 'unsafe-inline'): a style
 * injected into a page would not apply, and there are no scripts at all.
 */
export const pageStyleSource = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
