/**
 * Which browser origins may use the cookie-authenticated API and open sockets.
 * Browsers do not apply CORS to WebSockets, and a cross-site form post carries cookies,
 * so every state-changing request and every socket handshake is checked here.
 */
export class AllowedOrigins {
  readonly #origins: Set<string>;

  constructor(publicUrl: string, extra: string[]) {
    this.#origins = new Set([new URL(publicUrl).origin, ...extra.map((origin) => new URL(origin).origin)]);
  }

  /**
   * A request is acceptable when it names an allowed origin, or names none and is not
   * marked cross-site (non-browser clients such as captioning software send no Origin).
   */
  accepts(headers: { origin?: string | string[] | undefined; 'sec-fetch-site'?: string | string[] | undefined }): boolean {
    const origin = single(headers.origin);
    if (origin !== undefined && origin !== 'null') return this.#origins.has(origin);
    if (origin === 'null') return false;
    return single(headers['sec-fetch-site']) !== 'cross-site';
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
