/**
 * npm run build [-- --articles DIR --out DIR --base /prefix/]
 * npm run serve [-- --port 8080 --host 127.0.0.1]
 *
 * Wires the stages together; nothing below this file reads flags or the environment.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { relative, resolve } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "../src/build.ts";

const USAGE = `usage: npm run build -- [--articles DIR] [--out DIR] [--base /prefix/] [--shard-pages 8000] [--quiet]
       npm run serve -- [same options] [--port 8080] [--host 127.0.0.1]`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        articles: { type: "string", default: "articles" },
        out: { type: "string", default: "_site" },
        base: { type: "string", default: "/" },
        content: { type: "string" },
        serve: { type: "boolean", default: false },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        quiet: { type: "boolean", default: false },
        "data-only": { type: "boolean", default: false },
        // article pages per search-index shard (Pagefind run); fewer, larger shards make a first search lighter and need more memory
        "shard-pages": { type: "string" },
        // where normalised articles are cached by content (default .cache/normalised)
        cache: { type: "string" },
        // seconds per stage, as JSON (for scripts/bench.ts)
        timings: { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const opts = {
    articlesDir: args.articles!,
    outDir: args.out!,
    contentDir: args.content,
    base: args.base,
    quiet: args.quiet,
    dataOnly: args["data-only"],
    ...(args.cache ? { cacheDir: args.cache } : {}),
    ...(args["shard-pages"] ? { maxShardPages: Number(args["shard-pages"]) } : {}),
  };
  if (opts.maxShardPages !== undefined && !(Number.isInteger(opts.maxShardPages) && opts.maxShardPages > 0)) {
    console.error(`--shard-pages ${args["shard-pages"]}: a positive whole number, please`);
    return 2;
  }
  const result = await build(opts);
  if (args.timings) writeFileSync(args.timings, `${JSON.stringify({ ...result.timings, redone: result.redone ?? null })}\n`);
  if (!args.serve) return 0;

  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--port ${args.port}: not a port number`);
    return 2;
  }
  const { serveSite } = await import("../src/site/serve.ts");
  const { normaliseBase } = await import("../src/build.ts");
  // Rebuild in a fresh process, so that a change to the code itself (src/, .eleventy.ts) takes effect too.
  const rebuildArgs = [
    "--import", "tsx", fileURLToPath(import.meta.url),
    "--articles", opts.articlesDir, "--out", opts.outDir, "--content", result.contentDir, "--base", opts.base ?? "/",
    ...(args["shard-pages"] ? ["--shard-pages", args["shard-pages"]] : []),
  ];
  const server = await serveSite({
    outDir: resolve(opts.outDir),
    host: args.host!,
    port,
    base: normaliseBase(opts.base),
    watch: [resolve(opts.articlesDir), resolve("templates"), resolve("src"), resolve(".eleventy.ts")],
    rebuild: (changed) =>
      new Promise<void>((done) => {
        console.error(`\nchanged: ${changed.map((c) => relative(process.cwd(), c)).join(", ")} — rebuilding`);
        const child = spawn(process.execPath, rebuildArgs, { stdio: "inherit" });
        child.on("exit", (code) => {
          if (code !== 0) console.error("rebuild failed; the last good site is still served");
          done();
        });
      }),
  });
  console.error(`\nServing ${server.url} (Ctrl-C to stop); rebuilding when articles, templates or sources change.`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(`build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
