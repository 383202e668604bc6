// Indicator pages: the filters are plain links (they work without JavaScript);
// with it, three menus (zone, city, year) take the reader to the filtered page.
const form = document.querySelector("[data-facet-form]");
if (form) {
  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const select of form.querySelectorAll("select[data-facet]")) {
    select.addEventListener("change", () => {
      const url = select.value;
      if (url && url !== decodeURIComponent(location.pathname)) location.assign(url);
    });
  }
}
