/**
 * A tiny static file server for the browser tests: serves a built site under
 * its base path on 127.0.0.1 and a free port, like a plain static host would
 * (index.html for folders, the site's 404.html for anything missing).
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  /** http://127.0.0.1:<port><base> */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, base = "/"): Promise<StaticServer> {
  const dir = resolve(root);
  const send = async (res: import("node:http").ServerResponse, status: number, file: string) => {
    const body = await readFile(file);
    res.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  };
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        if (path === "/" && base !== "/") {
          res.writeHead(302, { location: base }).end();
          return;
        }
        await send(res, 404, join(dir, "404.html"));
        return;
      }
      path = `/${path.slice(base.length)}`;
      const file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = join(file, "index.html");
        if (await stat(index).catch(() => null)) return await send(res, 200, index);
      } else if (st?.isFile()) {
        return await send(res, 200, file);
      }
      await send(res, 404, join(dir, "404.html"));
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
