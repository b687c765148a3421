// Fetching published reports (issue 15): `govreport check https://…` and `--urls FILE`. Node's
// built-in fetch (undici) with what a polite, bounded client needs: a timeout per request, redirects
// followed by hand (at most MAX_REDIRECTS, a loop seen as one), a size cap while the body streams,
// one retry after a timeout or a 5xx, at most `perHost` requests at a time to one host, and a
// User-Agent that names the tool. A failure is a value (the reason), never an exception: the run
// reports it as FILE-FETCH for that URL and goes on. The bytes and the media type go to the engine,
// which tells an HTML page from a PDF or a Word file and finds the charset (header, then page).
import pkg from '../package.json' with { type: 'json' };

export const MAX_REDIRECTS = 5;
export const USER_AGENT = `govreport/${pkg.version} (government information-disclosure annual report checker; +https://www.npmjs.com/package/govreport)`;

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Requests at a time to one host (scheme, name and port). */
  perHost: number;
  /** Pause before the one retry, in milliseconds. */
  retryDelayMs?: number;
}

export type Fetched =
  | { ok: true; url: string; finalUrl: string; bytes: Uint8Array; mediaType: string | undefined; status: number }
  | { ok: false; url: string; reason: string };

/** One line a URL, `#` starts a comment (whole line or after the URL); blank lines skipped. */
export function parseUrlList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A counting semaphore per host. */
class HostGate {
  private active = new Map<string, number>();
  private waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(host: string, job: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolveTurn) => {
        const q = this.waiting.get(host) ?? [];
        q.push(resolveTurn);
        this.waiting.set(host, q);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await job();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      const next = this.waiting.get(host)?.shift();
      if (next) next();
    }
  }
}

class Failure extends Error {
  constructor(readonly reason: string, readonly retry: boolean) {
    super(reason);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fetcher {
  private readonly gate: HostGate;

  constructor(private readonly options: FetchOptions) {
    this.gate = new HostGate(Math.max(1, options.perHost));
  }

  /** Fetches one URL; never throws. */
  async fetch(url: string): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, url, reason: 'invalid URL' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, url, reason: `unsupported scheme ${parsed.protocol}` };
    let current = parsed.href;
    const seen = new Set<string>([current]);
    for (let hop = 0; ; hop++) {
      const got = await this.once(current);
      if (!got.ok) return { ok: false, url, reason: got.reason };
      if (got.redirect === undefined) return { ok: true, url, finalUrl: current, bytes: got.bytes, mediaType: got.mediaType, status: got.status };
      if (hop >= MAX_REDIRECTS) return { ok: false, url, reason: `more than ${MAX_REDIRECTS} redirects` };
      let next: string;
      try {
        next = new URL(got.redirect, current).href;
      } catch {
        return { ok: false, url, reason: `bad redirect location ${got.redirect}` };
      }
      if (seen.has(next)) return { ok: false, url, reason: `redirect loop at ${next}` };
      if (!/^https?:$/.test(new URL(next).protocol)) return { ok: false, url, reason: `redirect to an unsupported scheme (${next})` };
      seen.add(next);
      current = next;
    }
  }

  /** One request (one retry after a timeout, a network error or a 5xx), through the host's gate. */
  private async once(url: string): Promise<{ ok: true; bytes: Uint8Array; mediaType: string | undefined; status: number; redirect?: string } | { ok: false; reason: string }> {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.gate.run(host, () => this.request(url));
      } catch (e) {
        const f = e instanceof Failure ? e : new Failure((e as Error).message, false);
        if (!f.retry || attempt >= 1) return { ok: false, reason: attempt >= 1 ? `${f.reason} (after a retry)` : f.reason };
        await sleep(this.options.retryDelayMs ?? 500);
      }
    }
  }

  private async request(url: string): Promise<{ ok: true; bytes: Uint8Array; mediaType: string | undefined; status: number; redirect?: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Failure(`timed out after ${Math.round(this.options.timeoutMs / 1000)} s`, true)), this.options.timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(url, {
          redirect: 'manual', signal: controller.signal,
          headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.5' },
        });
      } catch (e) {
        throw reasonOf(e, controller);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => {});
        return { ok: true, bytes: new Uint8Array(0), mediaType: undefined, status: res.status, redirect: res.headers.get('location')! };
      }
      if (res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        throw new Failure(`HTTP ${res.status}`, true);
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => {});
        throw new Failure(`HTTP ${res.status}`, false);
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > this.options.maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw new Failure(`larger than the limit of ${this.options.maxBytes} bytes (Content-Length ${declared})`, false);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body ?? []) {
          size += chunk.byteLength;
          if (size > this.options.maxBytes) {
            controller.abort();
            throw new Failure(`larger than the limit of ${this.options.maxBytes} bytes`, false);
          }
          chunks.push(chunk);
        }
      } catch (e) {
        throw reasonOf(e, controller);
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      return { ok: true, bytes, mediaType: res.headers.get('content-type') ?? undefined, status: res.status };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** An error from fetch or the body stream as a Failure: the abort's reason, or the network's. */
function reasonOf(e: unknown, controller: AbortController): Failure {
  if (e instanceof Failure) return e;
  if (controller.signal.aborted && controller.signal.reason instanceof Failure) return controller.signal.reason;
  const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  // undici wraps the socket's error; trying several addresses it is an AggregateError of them.
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? (e as NodeJS.ErrnoException).code;
  const detail = code ? `${code}${cause?.message && !cause.message.includes(code) ? ` (${cause.message})` : ''}` : cause?.message ?? (e as Error).message;
  return new Failure(detail, true);
}

/** An attachment link of a page, resolved against the page's address; only http(s). */
export function attachmentUrl(link: string, page: string): string | null {
  try {
    const u = new URL(link, page);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
