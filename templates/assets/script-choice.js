// The reader's choice of script, 简体 or 繁體, remembered in this browser.
// Loaded in the <head> of every page, before the body is drawn (a small
// classic script, so it runs at once): a reader who chose the other script
// is sent straight to the same page in it (the page's
// <link rel="alternate" hreflang>), and the wrong script never shows. The
// choice is made only by following the switch link in the header (which works
// without JavaScript too); going back in history never redirects.
(() => {
  const KEY = "zone-archive-script";
  const root = document.documentElement;
  const current = /^zh-Hant/i.test(root.lang) ? "Hant" : "Hans";
  let wanted = null;
  try {
    wanted = localStorage.getItem(KEY);
  } catch {
    // storage blocked: nothing is remembered
  }
  const nav = performance.getEntriesByType("navigation")[0];
  const backForward = nav && nav.type === "back_forward";
  if ((wanted === "Hans" || wanted === "Hant") && wanted !== current && !backForward) {
    const other = document.querySelector(`link[rel="alternate"][hreflang="zh-${wanted}"]`);
    if (other) {
      const to = new URL(other.href, location.href);
      if (to.origin === location.origin && to.pathname !== location.pathname) {
        to.search = location.search;
        to.hash = location.hash;
        root.style.visibility = "hidden";
        location.replace(to.href);
        return;
      }
    }
  }
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-script-switch]") : null;
    if (!link) return;
    try {
      localStorage.setItem(KEY, /^zh-Hant/i.test(link.hreflang) ? "Hant" : "Hans");
    } catch {
      // storage blocked: the link still leads to the other script
    }
  });
})();
