/**
 * Properties of the normaliser (normaliseFile), on generated raw pages
 * (tests/property/generators.ts) and on arbitrary strings:
 *  - it never throws and never fails inside: any string gives a well-formed result;
 *  - normalising its own output changes nothing (headline stack + body fed back in);
 *  - every Chinese character of the input is in the output (headline, body,
 *    captions, authors, publisher) or in the report's log of what was removed;
 *  - figures never exceed what the text states: each quote stands in the
 *    article, and each number of a figure is written in its quote.
 * Seeded for reproducibility: FC_SEED=<n> and FC_RUNS=<n> override; a failure
 * prints the seed and the path to replay it.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { normaliseFile, type NormalisedFile } from "../../src/pipeline/normalise-file.ts";
import { detectScript, toSimplified } from "../../src/normalize/rules/to-simplified.ts";
import { parseArabic, parseChineseNumeral } from "../../src/extract/numbers.ts";
import type { Article } from "../../src/types.ts";
import { anyInput, printedPage, rawPage } from "./generators.ts";

const SEED = Number(process.env.FC_SEED ?? 20240611);
const RUNS = Number(process.env.FC_RUNS ?? 200);

function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = RUNS): void {
  try {
    fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns: runs });
  } catch (err) {
    // fast-check's message carries { seed, path }; say how to run it again
    if (err instanceof Error) err.message = `FC_SEED=${SEED} FC_RUNS=${runs}\n${err.message}`;
    throw err;
  }
}

const run = (text: string, file = "page.txt"): NormalisedFile => normaliseFile(file, Buffer.from(text, "utf8"), { base: "/" });

const HAN = /\p{Script=Han}/gu;
function countHan(texts: readonly string[], into = new Map<string, number>(), times = 1): Map<string, number> {
  for (const t of texts) for (const ch of t.match(HAN) ?? []) into.set(ch, (into.get(ch) ?? 0) + times);
  return into;
}

/**
 * A headline deck as printed: a line of a headline is at most 40 characters,
 * so a longer one (lines joined with a space) goes back on the lines it came from.
 */
function deck(line: string): string {
  if (line.length <= 40) return line;
  const spaces = [...line.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return line;
  const at = spaces.reduce((best, i) => (Math.abs(i - line.length / 2) < Math.abs(best - line.length / 2) ? i : best));
  return `${deck(line.slice(0, at))}\n${deck(line.slice(at + 1))}`;
}

/** The article's text, paragraph by paragraph: photo captions (printed under the headline), then the body. */
const paragraphs = (a: Article): string[] => [...a.captions, ...a.body.map((p) => p.text)];

/** Everything of an article that a reader sees. */
function articleTexts(a: Article): string[] {
  const r = a.record;
  return [r.kicker ?? "", r.title, r.subtitle ?? "", ...a.body.map((p) => p.text), ...a.captions, ...r.authors.map((x) => x.name), r.publisher ?? ""];
}

/**
 * The article fed back in as a plain page: its headline stack (if it printed
 * one), then its paragraphs. Three blank lines between them: the normaliser
 * rejoins a line broken by the layout across up to two blank lines, so an
 * unfinished paragraph it kept apart (the next line was a lead, or far below)
 * must come back as plainly apart. Photo captions come back as the first
 * paragraphs (they are printed under the headline; their credit went into the
 * bylines), after a byline line of the article's authors.
 */
function asPage(a: Article, titleFromText: boolean): string {
  const r = a.record;
  const head = titleFromText ? [] : [r.kicker, r.title, r.subtitle ? `——${r.subtitle}` : null].filter((x): x is string => !!x).map(deck);
  // the bylines under the headline: they end the headline stack, as they did on the page
  const byline = head.length && r.authors.length ? [r.authors.slice(0, 4).map((x) => `${x.role} ${x.name}`).join(" ")] : [];
  return [...head, ...byline, ...paragraphs(a)].join("\n\n\n\n") + "\n";
}

describe("normaliser properties", () => {
  it("never throws and never fails inside, on any string, as .txt, .md or .html", () => {
    check(fc.tuple(anyInput, fc.constantFrom("a.txt", "a.md", "a.html")), ([text, file]) => {
      const { articles, report } = run(text, file);
      assert.ok(["ok", "warning", "error"].includes(report.status));
      assert.ok(!report.messages.some((m) => m.startsWith("could not be normalised")), report.messages.join("; "));
      if (report.status === "error") assert.equal(articles.length, 0);
      for (const a of articles) {
        assert.ok(typeof a.record.title === "string" && a.record.title.trim() !== "", `an empty title: ${JSON.stringify(a.record.title)}`);
        assert.ok(a.body.length + a.captions.length > 0, "an article with no text");
      }
      assert.deepEqual(report.articles, articles.map((a) => a.record.id));
      JSON.stringify(report);
    });
  });

  it("is idempotent: an article fed back in gives the same headline and paragraphs", () => {
    // pages as printed (tests/property/generators.ts: printedPage). The output keeps no trace of where a
    // line stood, so on free-form pages (a byline above the headline, a headline-like scrap between two
    // paragraphs) a second pass may read a line differently; and random characters can tip a page's
    // script guess, which a part of the page makes alone.
    check(printedPage, (text) => {
      const { articles, report } = run(text);
      articles.forEach((a, n) => {
        const fromText = report.messages.some((m) => m.startsWith(`part ${a.record.source.part}: no headline printed`));
        const again = run(asPage(a, fromText));
        const where = `part ${n + 1} fed back in:\n${asPage(a, fromText)}`;
        assert.equal(again.articles.length, 1, `${where}\n→ ${again.articles.length} articles: ${again.report.messages.join("; ")}`);
        const b = again.articles[0];
        // a title made from the text comes from the first paragraph, a caption's only when there is no other:
        // fed back in, the captions are ordinary paragraphs first in line
        const title = (x: Article) => (fromText && a.captions.length > 0 ? "(from the text)" : x.record.title);
        assert.deepEqual(
          { kicker: b.record.kicker, title: title(b), subtitle: b.record.subtitle, text: paragraphs(b) },
          { kicker: a.record.kicker, title: title(a), subtitle: a.record.subtitle, text: paragraphs(a) },
          where,
        );
      });
    });
  });

  it("loses no Chinese character: each is in the output or in the report's log of what was removed", () => {
    check(fc.oneof({ weight: 4, arbitrary: rawPage }, { weight: 1, arbitrary: anyInput }), (text) => {
      const { articles, report } = run(text);
      if (report.status === "error" && !report.removed) return; // the whole file refused (empty, binary): said in the report
      const decoded = new TextDecoder().decode(Buffer.from(text, "utf8"));
      // Traditional text is converted, not removed: compare with what the conversion made of it
      const hant = articles.length ? articles.some((a) => a.record.script === "Hant") : detectScript(decoded) === "Hant";
      const input = countHan([hant ? toSimplified(decoded) : decoded]);
      const kept = countHan(articles.flatMap(articleTexts));
      for (const r of report.removed ?? []) countHan([r.text], kept, r.count ?? 1);
      const lost: string[] = [];
      for (const [ch, n] of input) if ((kept.get(ch) ?? 0) < n) lost.push(`${ch}×${n - (kept.get(ch) ?? 0)}`);
      assert.deepEqual(lost, [], `lost: ${lost.join(" ")}\nremoved: ${JSON.stringify(report.removed)}`);
    });
  });

  it("never states a figure the text does not: quotes stand in the article, numbers stand in the quote", () => {
    check(rawPage, (text) => {
      for (const a of run(text).articles) {
        const prose = [...a.body.map((p) => p.text), ...a.captions].join("\n");
        for (const f of a.record.figures) {
          assert.ok(prose.includes(f.quote), `quote not in the article: ${f.quote}`);
          const stated = numbersIn(f.quote);
          if (f.value !== null) assert.ok(stated.has(f.value), `value ${f.value} not written in "${f.quote}" (${[...stated].join(", ")})`);
          if (f.growth !== null) assert.ok(stated.has(Math.abs(f.growth)), `growth ${f.growth} not written in "${f.quote}"`);
        }
      }
    });
  });
});

/** Every number written in a text: Arabic (1,200.5 → 1200.5) and Chinese (三千五百 → 3500). */
function numbersIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\d[\d,，]*(?:\.\d+)?/gu)) {
    const v = parseArabic(m[0].replace(/[,，](?=\d{3})/gu, ""));
    if (v !== null) out.add(v);
  }
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千万亿]+/gu)) {
    const v = parseChineseNumeral(m[0]);
    if (v !== null) out.add(v);
  }
  return out;
}
