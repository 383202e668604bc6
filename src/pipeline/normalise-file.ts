import type { Article, ArticleRecord, Block, Removal, ReportInput, Zone } from "../types.ts";
import { ingestFile } from "../ingest/index.ts";
import { RULES, newContext } from "../normalize/rules/index.ts";
import { splitPage } from "../normalize/split.ts";
import { assemble } from "./assemble.ts";
import { inferDate } from "../extract/date.ts";
import { resolveZone, findZoneByName } from "../gazetteer/resolve.ts";
import { extractFigures } from "../extract/figures.ts";
import { canonicalFigures } from "../extract/canonical.ts";
import { extractTags } from "../extract/tags.ts";
import { applyOverrides, readOverrides } from "./overrides.ts";
import { articleId, sha256 } from "./ids.ts";
import { endsSentence } from "../normalize/text.ts";
import { attributeRemovals, repeatedArticles, repeatShare, reportRemovals } from "./provenance.ts";

export interface NormaliseOptions {
  /** base path of the site, e.g. "/" or "/prefix/" */
  base: string;
}

export interface NormalisedFile {
  articles: Article[];
  report: ReportInput;
}

/**
 * One raw input file in, its articles and its build-report entry out. Pure:
 * no file system, no flags, never throws (a failure is an "error" entry).
 */
export function normaliseFile(file: string, bytes: Uint8Array, opts: NormaliseOptions): NormalisedFile {
  const report: ReportInput = { file, status: "ok", encoding: null, articles: [], messages: [] };
  try {
    return run(file, bytes, opts, report);
  } catch (err) {
    report.status = "error";
    report.messages.push(`could not be normalised (${err instanceof Error ? err.message : String(err)}); skipped`);
    return { articles: [], report };
  }
}

function run(file: string, bytes: Uint8Array, opts: NormaliseOptions, report: ReportInput): NormalisedFile {
  const ingested = ingestFile(file, bytes);
  report.encoding = ingested.encoding;
  report.messages.push(...ingested.warnings);
  if (ingested.error) {
    report.status = "error";
    report.messages.push(`${ingested.error}; skipped`);
    return { articles: [], report };
  }
  const ctx = newContext();
  // each block keeps its place in the file, so what the rules remove can be tied to its article
  let blocks: Block[] = ingested.blocks.map((b, seq) => ({ ...b, seq }));
  for (const rule of RULES) blocks = rule.apply(blocks, ctx);
  report.messages.push(...ctx.warnings);

  const segments = splitPage(blocks);
  const pieces = segments.map((seg) => ({ seg, draft: assemble(seg) }));
  for (const d of pieces) {
    if (d.draft || d.seg.blocks.length === 0) continue;
    report.messages.push(`lines with no article text around them were left out: ${d.seg.blocks.map((b) => b.text).join(" / ").slice(0, 80)}`);
    ctx.removed.push(...d.seg.blocks.map((b) => ({ rule: "split: headline without text", text: b.text, part: null })));
  }
  // a whole article that only repeats an earlier one of the file (a page scraped twice) goes, logged
  const found = pieces.filter((d) => d.draft !== null);
  const repeats = repeatedArticles(found.map((d) => d.draft!));
  ctx.removed.push(...repeats.removed);
  // what the dropped repeats' own cleaning took out (their bylines) stays in the log too
  found.forEach((d, n) => {
    if (!repeats.keep[n]) for (const r of d.draft!.removed) ctx.removed.push({ ...r, part: null });
  });
  const dropped = repeats.keep.filter((k) => !k).length;
  if (dropped > 0) report.messages.push(`${dropped} article${dropped > 1 ? "s" : ""} that only repeated an earlier one in the file left out (their text is in the build report)`);
  const kept = found.filter((_, n) => repeats.keep[n]);
  const drafts = kept.map((d) => d.draft!);
  // the part each segment became (null: none), for the per-article provenance log
  const partOf = new Map(kept.map((d, n) => [d, n + 1]));
  attributeRemovals(ctx.removed, segments, pieces.map((d) => partOf.get(d) ?? null));

  if (drafts.length === 0) {
    report.status = "error";
    report.messages.push("no article text found after cleaning; skipped");
    report.removed = reportRemovals(ctx.removed);
    return { articles: [], report };
  }

  const { overrides, warnings } = readOverrides(ingested.frontMatter, findZoneByName);
  report.messages.push(...warnings);
  if (drafts.length > 1 && (overrides.title !== undefined || overrides.id !== undefined)) {
    report.messages.push(`front matter: title/id apply to a file of one article; this file holds ${drafts.length}, so they were ignored`);
  }

  const pageText = drafts.flatMap((d) => [d.headline.kicker ?? "", d.headline.title, d.headline.subtitle ?? "", ...d.body.map((p) => p.text), ...d.captions]).join("\n");
  let date: string | null = ctx.meta.date;
  let dateSource: ArticleRecord["dateSource"] = date ? "explicit" : null;
  if (!date && overrides.date === undefined) {
    const inferred = inferDate(pageText);
    if (inferred) {
      date = inferred.date;
      dateSource = "inferred";
      report.messages.push(`date inferred as ${inferred.date}: ${inferred.reason}`);
    } else {
      report.messages.push("no date stated and none can be inferred from the text: left undated");
    }
  }
  // the page's zone is a hint for each article of a page of several, and the fallback of an article that names none
  // (worked out once, and only when needed: a file of one article seldom needs it, and reading the text twice was
  // a tenth of normalising it)
  let pageZoneMemo: Zone | null | undefined;
  const pageZone = (): Zone | null =>
    pageZoneMemo === undefined
      ? (pageZoneMemo = resolveZone({ title: drafts[0].headline.title, paragraphs: pageText.split("\n") }))
      : pageZoneMemo;
  const sha = sha256(bytes);
  const parts = drafts.length;
  const articles: Article[] = [];
  const ids = new Set<string>();
  const removedFrom = new Map<number | null, Removal[]>();
  for (const r of ctx.removed) {
    const list = removedFrom.get(r.part ?? null) ?? [];
    list.push(r);
    removedFrom.set(r.part ?? null, list);
  }

  drafts.forEach((d, n) => {
    const part = n + 1;
    const paragraphs = d.body.map((p) => p.text);
    const prose = d.body.filter((p) => !p.subhead).map((p) => p.text);
    const page = parts > 1 ? pageZone() : null;
    const zone: Zone | null =
      resolveZone(
        { title: [d.headline.kicker, d.headline.title, d.headline.subtitle].filter(Boolean).join(" "), paragraphs: [...paragraphs, ...d.captions] },
        page ? { city: page.city, county: page.county, page: true } : undefined,
      ) ?? pageZone();
    const authors = [...d.authors];
    for (const a of ctx.meta.authors) if (!authors.some((b) => b.name === a.name && b.role === a.role)) authors.push(a);
    const tags: string[] = extractTags(d.headline.title, [...paragraphs, ...d.captions]);
    if (d.photo && !tags.includes("图片新闻")) tags.push("图片新闻");
    const record: ArticleRecord = {
      id: "",
      url: "",
      title: d.headline.title,
      kicker: d.headline.kicker,
      subtitle: d.headline.subtitle,
      date,
      dateSource,
      zone,
      authors,
      publisher: ctx.meta.publisher,
      script: ctx.meta.script,
      source: { file, sha256: sha, part, parts },
      figures: extractFigures([...prose, ...d.captions]),
      tags,
      chars: [...paragraphs, ...d.captions].join("").replace(/\s/gu, "").length,
    };
    applyOverrides(record, overrides, parts === 1);
    // canonical names, base units and period spans need the final date (front matter may set it)
    record.figures = canonicalFigures(record.figures, record.date);
    record.id = parts === 1 && overrides.id ? overrides.id : articleId({ date: record.date, zoneShortName: record.zone?.shortName ?? null, file, part });
    if (ids.has(record.id)) record.id = `${record.id}-${part}`;
    ids.add(record.id);
    record.url = `${opts.base}articles/${record.id}/`;
    if (d.titleFromText) report.messages.push(`part ${part}: no headline printed; title taken from the first clause of the text ("${record.title}")`);
    const lastProse = prose[prose.length - 1];
    if (lastProse && !endsSentence(lastProse)) report.messages.push(`part ${part}: text ends mid-sentence ("…${lastProse.slice(-12)}"): the source looks truncated`);
    for (const r of d.removed) r.part = part;
    articles.push({ record, body: d.body, captions: d.captions, removed: [...(removedFrom.get(part) ?? []), ...d.removed] });
  });

  report.articles = articles.map((a) => a.record.id);
  report.removed = reportRemovals([...ctx.removed, ...drafts.flatMap((d) => d.removed)]);
  const repeated = repeatShare(report.removed, articles);
  if (repeated >= 0.5) report.messages.push(`${Math.floor(repeated * 100)}% of the text repeated text already in the file and was left out (listed under removed)`);
  if (report.messages.some((m) => !m.startsWith("date inferred"))) report.status = "warning";
  return { articles, report };
}
