// On an article opened from a search result (…/?highlight=招商引资), mark the
// words that were searched for, with the highlighter Pagefind writes into the
// site. Nothing happens, and nothing is loaded, on a plain visit.

const words = new URLSearchParams(location.search).getAll("highlight").filter((w) => w.trim());
if (words.length) {
  const { default: PagefindHighlight } = await import(new URL("../pagefind/pagefind-highlight.js", import.meta.url).href);
  new PagefindHighlight({
    highlightParam: "highlight",
    addStyles: false, // styled in site.css, no inline <style>
    markOptions: {
      className: "pagefind-highlight",
      exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
    },
  });
  const first = document.querySelector("mark.pagefind-highlight");
  if (first) first.scrollIntoView({ block: "center" });
}
