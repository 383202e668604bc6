/**
 * Serves a built site with live reload: Eleventy's dev server for the files
 * (base path, 404 page, reload client), chokidar for the sources. On a change
 * it waits for the caller's rebuild (normalise → Eleventy → Pagefind), then
 * tells the open pages to reload. Changes that arrive during a rebuild are
 * gathered into the next one.
 */
import { resolve, sep } from "node:path";
import { createRequire } from "node:module";
import chokidar from "chokidar";

export interface ServeOptions {
  outDir: string;
  /** 127.0.0.1 unless you mean to share the site on the network */
  host: string;
  /** 8080 by default in the CLI; 0 picks a free port */
  port: number;
  base: string;
  /** files and folders whose changes trigger a rebuild (not the output folder) */
  watch: string[];
  rebuild: (changed: string[]) => Promise<void>;
  /** where messages go; silent by default */
  log?: (message: string) => void;
}

export interface SiteServer {
  /** e.g. http://127.0.0.1:8080/prefix/ */
  url: string;
  /** resolves after each finished rebuild-and-reload (for tests) */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface DevServerOptions {
  port: number;
  pathPrefix: string;
  liveReload: boolean;
  domDiff: boolean;
  showVersion: boolean;
  portReassignmentRetryCount: number;
  messageOnStart: () => false;
  logger: { info: (m: string) => void; log: (m: string) => void; error: (m: string) => void };
}
interface DevServer {
  server: import("node:http").Server;
  serve(port: number): void;
  ready(): Promise<void>;
  reload(event: { files: string[]; build?: { templates: unknown[] } }): void;
  sendError(e: { error: unknown }): void;
  close(): Promise<void>;
  _serverListen(port: number): void;
}
type DevServerClass = new (name: string, dir: string, options: Partial<DevServerOptions>) => DevServer;

// CommonJS package without types
const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as DevServerClass;

/** The dev server listens on every interface; this one listens on the host asked for. */
function boundTo(host: string): DevServerClass {
  return class extends EleventyDevServer {
    override _serverListen(port: number): void {
      this.server.listen({ port, host });
    }
  };
}

export async function serveSite(opts: ServeOptions): Promise<SiteServer> {
  const log = opts.log ?? (() => {});
  const outDir = resolve(opts.outDir);
  const Server = boundTo(opts.host);
  const server = new Server("zone-press-archive", outDir, {
    port: opts.port,
    pathPrefix: opts.base,
    liveReload: true,
    domDiff: false,
    showVersion: false,
    portReassignmentRetryCount: 0,
    messageOnStart: () => false,
    logger: { info: log, log, error: log },
  });
  server.serve(opts.port);
  await server.ready();
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const hostForUrl = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  const url = `http://${hostForUrl}:${port}${opts.base}`;

  // ── watch → rebuild → reload ──
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let waiters: (() => void)[] = [];

  const runPending = async (): Promise<void> => {
    while (pending.size) {
      const changed = [...pending].sort();
      pending.clear();
      log(`rebuilding: ${changed.join(", ")}`);
      try {
        await opts.rebuild(changed);
        server.reload({ files: changed, build: { templates: [] } });
        log("rebuilt, reloading");
      } catch (error) {
        log(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
        server.sendError({ error });
      }
    }
    running = null;
    const w = waiters;
    waiters = [];
    for (const resolveWaiter of w) resolveWaiter();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!running) running = runPending();
    }, 150);
  };

  const watcher = chokidar.watch(opts.watch, {
    ignoreInitial: true,
    ignored: (path: string) => {
      const p = resolve(path);
      return p === outDir || p.startsWith(outDir + sep) || /[\\/](node_modules|\.git)([\\/]|$)/.test(p);
    },
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  watcher.on("all", (event, path) => {
    if (event === "addDir") return;
    pending.add(path);
    schedule();
  });
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));

  return {
    url,
    settled: () =>
      new Promise<void>((done) => {
        if (!running && !pending.size && !timer) return done();
        waiters.push(done);
      }),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      if (running) await running;
      await server.close();
    },
  };
}
