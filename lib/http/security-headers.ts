// The security headers of every page (issue 13, defect 11). Scripts run only with the request's
// nonce (Next.js puts it on its own inline scripts) or when loaded by such a script
// ('strict-dynamic'); no eval outside development, where React's tooling needs it. Pages refuse
// to be framed, except the survey and its public dashboard on the sites the survey allows.

export type PageSecurity = { nonce: string; frameAncestors: string[]; development: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, frameAncestors, development }: PageSecurity): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Charts and the designer set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Chart downloads render the figure to data: and blob: images.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export function securityHeaders(page: PageSecurity): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(page),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(page.frameAncestors.length ? {} : { "X-Frame-Options": "DENY" }),
    ...(page.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The survey of a page that may be embedded: /s/{slug}… and /surveys/{slug}/dashboard. */
export function embeddableSurveyPage(pathname: string): { slug: string; dashboard: boolean } | null {
  const respondent = /^\/s\/([^/]+)/.exec(pathname)?.[1];
  if (respondent) return { slug: decoded(respondent), dashboard: false };
  const dashboard = /^\/surveys\/([^/]+)\/dashboard\/?$/.exec(pathname)?.[1];
  return dashboard ? { slug: decoded(dashboard), dashboard: true } : null;
}
