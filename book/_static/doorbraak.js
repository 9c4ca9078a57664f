/* Doorbraakwijzer: live calculators in the book, and sortable/searchable tables.
   No external scripts: everything here works offline. */
(function () {
  "use strict";

  function klaar(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  /* --- Live calculators ------------------------------------------------------ */
  function toonFallback(blok, tekst) {
    var status = blok.querySelector(".rekenhulp-status");
    status.textContent = tekst;
    status.classList.add("rekenhulp-status-uit");
    blok.classList.add("rekenhulp-statisch");
  }

  function pasHoogteAan(frame) {
    try {
      var doc = frame.contentDocument;
      if (!doc || !doc.body) return;
      /* Measure the rendered notebook, not the document: the document grows with the frame. */
      var cellen = doc.querySelectorAll(".jp-Cell");
      if (!cellen.length) return;
      var h = Math.ceil(cellen[cellen.length - 1].getBoundingClientRect().bottom -
                        cellen[0].getBoundingClientRect().top) + 48;
      var nu = parseInt(frame.style.height || "0", 10);
      if (h > 150 && Math.abs(h - nu) > 8) frame.style.height = h + "px";
    } catch (e) { /* other origin: keep the given height */ }
  }

  function startRekenhulp(blok) {
    var src = blok.getAttribute("data-src");
    var titel = blok.getAttribute("data-titel") || "Rekenhulp";
    var hoogte = parseInt(blok.getAttribute("data-hoogte") || "800", 10);
    var zoek = window.location.search || "";
    var frame = document.createElement("iframe");
    frame.className = "rekenhulp-frame";
    frame.title = titel;
    frame.src = src + zoek;
    frame.style.height = hoogte + "px";
    frame.setAttribute("loading", "eager");
    frame.addEventListener("load", function () {
      pasHoogteAan(frame);
      try {
        var ro = new ResizeObserver(function () { pasHoogteAan(frame); });
        frame.contentDocument.querySelectorAll(".jp-Cell").forEach(function (c) { ro.observe(c); });
      } catch (e) { /* no ResizeObserver */ }
      /* Widgets render after load and change size while used: check now and then too. */
      window.setInterval(function () { pasHoogteAan(frame); }, 700);
      var status = blok.querySelector(".rekenhulp-status");
      status.textContent = "De rekenhulp is geladen.";
      status.classList.add("visually-hidden");
    });
    blok.insertBefore(frame, blok.querySelector(".rekenhulp-fallback"));
    blok.classList.add("rekenhulp-live");
    /* Opened with a starting point (?casus=...): go straight to the calculator. */
    if (zoek) blok.scrollIntoView({ block: "start" });
  }

  function rekenhulpen() {
    var blokken = document.querySelectorAll(".rekenhulp[data-src]");
    if (!blokken.length) return;
    var uit = "De rekenhulp werkt hier niet, omdat de rekenserver niet draait. " +
              "Hieronder vind je dezelfde gegevens als tabel.";
    if (window.location.protocol === "file:") {
      blokken.forEach(function (b) { toonFallback(b, uit); });
      return;
    }
    fetch("/doorbraakwijzer/status.json", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        blokken.forEach(function (b) {
          if (s && s.rekenserver) startRekenhulp(b); else toonFallback(b, uit);
        });
      })
      .catch(function () { blokken.forEach(function (b) { toonFallback(b, uit); }); });
  }

  /* --- Sortable, searchable tables ------------------------------------------ */
  function normaal(t) {
    return (t || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function tabellen() {
    document.querySelectorAll(".doorzoekbare-tabel").forEach(function (wrap) {
      var tabel = wrap.querySelector("table");
      var invoer = wrap.querySelector(".tabel-zoek");
      var aantal = wrap.querySelector(".tabel-aantal");
      var rijen = Array.prototype.slice.call(tabel.tBodies[0].rows);
      function filter() {
        var woorden = normaal(invoer.value).split(/\s+/).filter(Boolean);
        var n = 0;
        rijen.forEach(function (r) {
          var tekst = normaal(r.textContent);
          var zien = woorden.every(function (w) { return tekst.indexOf(w) >= 0; });
          r.hidden = !zien;
          if (zien) n++;
        });
        aantal.textContent = n + " van " + rijen.length + " rijen zichtbaar.";
      }
      if (invoer) { invoer.addEventListener("input", filter); filter(); }
      tabel.querySelectorAll("th button.sorteer").forEach(function (knop, kolom) {
        knop.addEventListener("click", function () {
          var th = knop.parentNode;
          var op = th.getAttribute("aria-sort") !== "ascending";
          tabel.querySelectorAll("th").forEach(function (x) { x.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", op ? "ascending" : "descending");
          var body = tabel.tBodies[0];
          rijen.sort(function (a, b) {
            var ca = a.cells[kolom], cb = b.cells[kolom];
            var va = ca.getAttribute("data-sort"), vb = cb.getAttribute("data-sort");
            var x, y;
            if (va !== null && vb !== null) { x = parseFloat(va); y = parseFloat(vb); }
            else { x = normaal(ca.textContent); y = normaal(cb.textContent); }
            if (x < y) return op ? -1 : 1;
            if (x > y) return op ? 1 : -1;
            return 0;
          });
          rijen.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  /* --- Theme fixes: Dutch labels, accessible names that match visible text ---- */
  function themaLabels() {
    document.querySelectorAll(".search-button-field").forEach(function (b) {
      b.removeAttribute("aria-label");  /* name = visible text ("Zoeken Ctrl+K") */
    });
    /* Fold-out buttons in the side menu: give them a name a screen reader can read. */
    document.querySelectorAll(".bd-sidenav details > summary").forEach(function (sum) {
      var link = sum.parentNode.parentNode.querySelector(":scope > a");
      var naam = link ? link.textContent.trim() : "dit deel";
      sum.setAttribute("aria-label", "Onderdelen van " + naam + " tonen of verbergen");
    });
    document.querySelectorAll(".skip-link a").forEach(function (a) {
      a.textContent = "Ga direct naar de inhoud";
    });
    document.querySelectorAll("a.headerlink").forEach(function (a) {
      a.setAttribute("title", "Link naar dit kopje");
      a.setAttribute("aria-label", "Link naar dit kopje");
    });
    var vertaal = { "Main": "Hoofdmenu", "Section Navigation": "Navigatie in dit deel",
                    "Site navigation": "Navigatie", "Page": "Pagina" };
    document.querySelectorAll("[aria-label]").forEach(function (el) {
      var l = el.getAttribute("aria-label");
      if (vertaal[l]) el.setAttribute("aria-label", vertaal[l]);
    });
  }

  klaar(function () { themaLabels(); rekenhulpen(); tabellen(); });
})();
