/**
 * The site's Content-Security-Policy: no inline script, no script from
 * anywhere but the site itself; Pagefind compiles its WebAssembly, which needs
 * 'wasm-unsafe-eval' (not 'unsafe-eval'). JSON-LD blocks
 * (<script type="application/ld+json">) are data, never run, and need nothing.
 *
 * Every page carries CSP_META in a <meta http-equiv> (templates/_includes/
 * layouts/base.njk; tests/hostile checks the two agree). A <meta> cannot set
 * frame-ancestors, so `_headers` (the Netlify / Cloudflare Pages format, at
 * the root of --out) sends the whole policy as an HTTP header where the host
 * reads that file; other hosts should send CSP_HEADER themselves.
 */
export const CSP_META = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

/** `_headers` for a site hosted under `base` ("/" or "/prefix/"). */
export function headersFile(base: string): string {
  return [
    `${base}*`,
    `  Content-Security-Policy: ${CSP_HEADER}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
  ].join("\n");
}
