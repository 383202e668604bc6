/**
 * The dev server is for the machine it runs on: serveSite listens on the host
 * it is given, and `npm run serve` gives it 127.0.0.1 unless --host says
 * otherwise. Checked by connecting: on 127.0.0.1 it answers, on this
 * machine's other (non-loopback) addresses nothing listens.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, writeFile } from "node:fs/promises";
import { createServer, request } from "node:http";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { serveSite } from "../../src/site/serve.ts";
import { REPO, SEEDS, tempRoot } from "../build/helpers.ts";

/** This machine's addresses that are not loopback (IPv4 and IPv6). */
const outward = Object.values(networkInterfaces())
  .flat()
  .filter((a): a is NonNullable<typeof a> => !!a && !a.internal && !(a.family === "IPv6" && a.address.startsWith("fe80")))
  .map((a) => a.address);

/** GET / on host:port: the status, or the connection error's code. */
function probe(host: string, port: number): Promise<number | string> {
  return new Promise((done) => {
    const req = request({ host, port, path: "/", timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    req.end();
  });
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

let root: string;
let cleanup: () => Promise<void>;
let child: ChildProcess | null = null;

before(async () => {
  ({ root, cleanup } = await tempRoot("serve"));
});

after(async () => {
  if (child && child.exitCode === null) child.kill("SIGTERM");
  await cleanup?.();
});

describe("the dev server", () => {
  it("serveSite listens only on the host it is given (127.0.0.1)", { timeout: 30_000 }, async (t) => {
    const outDir = join(root, "site");
    await cp(join(REPO, "templates", "assets"), join(outDir, "assets"), { recursive: true });
    await writeFile(join(outDir, "index.html"), "<!doctype html><title>t</title><p>ok</p>\n");
    const watched = join(root, "watched");
    await cp(SEEDS, watched, { recursive: true });
    const server = await serveSite({ outDir, host: "127.0.0.1", port: 0, base: "/", watch: [watched], rebuild: async () => {} });
    try {
      const port = Number(new URL(server.url).port);
      assert.equal(new URL(server.url).hostname, "127.0.0.1");
      assert.equal(await probe("127.0.0.1", port), 200);
      if (outward.length === 0) t.diagnostic("this machine has no non-loopback address: only the loopback side was checked");
      for (const address of outward) assert.equal(await probe(address, port), "ECONNREFUSED", `reachable on ${address}`);
    } finally {
      await server.close();
    }
  });

  it("npm run serve without --host is on 127.0.0.1 only", { timeout: 90_000 }, async (t) => {
    const articles = join(root, "articles");
    await cp(SEEDS, articles, { recursive: true });
    const port = await freePort();
    child = spawn(
      process.execPath,
      ["--import", "tsx", join(REPO, "scripts", "build.ts"), "--serve", "--quiet", "--articles", articles, "--out", join(root, "out"), "--content", join(root, "content"), "--port", String(port)],
      { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "Serving" line in 60 s: ${stderr}`)), 60_000);
      child!.stderr!.on("data", (d: Buffer) => {
        stderr += d.toString();
        const m = /Serving (http:\/\/\S+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      child!.on("exit", (code) => fail(new Error(`npm run serve exited (${code}): ${stderr}`)));
    });
    assert.equal(url, `http://127.0.0.1:${port}/`);
    assert.equal(await probe("127.0.0.1", port), 200);
    if (outward.length === 0) t.diagnostic("this machine has no non-loopback address: only the loopback side was checked");
    for (const address of outward) assert.equal(await probe(address, port), "ECONNREFUSED", `reachable on ${address}`);
    const exited = new Promise<number | null>((ok) => child!.on("exit", (code) => ok(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0, "npm run serve did not stop cleanly on SIGTERM");
  });
});
