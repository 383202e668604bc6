// Indicator pages: the filters are plain links (they work without JavaScript);
// with it, each list (zone, city, year) also becomes a menu that takes the
// reader to the filtered page. The menus are built from the links, so the page
// does not carry every option twice.
const facets = document.querySelector("[data-facets]");
if (facets) {
  const form = document.createElement("form");
  form.className = "facet-form";
  form.dataset.facetForm = "";
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const details of facets.querySelectorAll("details[data-facet]")) {
    const label = document.createElement("label");
    label.append(details.dataset.label ?? "");
    const select = document.createElement("select");
    select.name = details.dataset.facet ?? "";
    select.dataset.facet = select.name;
    select.append(new Option(facets.dataset.all ?? "", facets.dataset.allUrl ?? ""));
    for (const li of details.querySelectorAll("li")) {
      const link = li.querySelector("a");
      const here = li.querySelector("[aria-current]");
      const name = (link ?? here)?.textContent ?? "";
      const count = li.querySelector(".count")?.textContent ?? "";
      const text = count ? `${name}（${count}）` : name;
      select.append(new Option(text, link ? link.getAttribute("href") : "", Boolean(here), Boolean(here)));
    }
    select.addEventListener("change", () => {
      if (select.value && new URL(select.value, location.href).pathname !== location.pathname) location.assign(select.value);
    });
    label.append(select);
    form.append(label);
  }
  facets.prepend(form);
}
