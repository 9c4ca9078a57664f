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

  /* Height of what the calculator really shows. Empty cells are hidden (height 0), so we take
     the visible cells only; the document itself grows with the frame, so it is no measure. */
  function inhoudHoogte(doc) {
    var cellen = doc.querySelectorAll(".jp-Cell");
    var boven = Infinity, onder = -Infinity;
    for (var i = 0; i < cellen.length; i++) {
      var r = cellen[i].getBoundingClientRect();
      if (r.height <= 0) continue;
      if (r.top < boven) boven = r.top;
      if (r.bottom > onder) onder = r.bottom;
    }
    var extra = doc.getElementById("doorbraak-herstart");
    var h = onder > boven ? onder - boven : 0;
    if (extra) h += extra.getBoundingClientRect().height;
    if (!h) {
      /* No notebook (e.g. the "druk" page): the body's own content. */
      var main = doc.querySelector("main") || doc.body;
      h = main ? main.scrollHeight : 0;
    }
    return Math.ceil(h);
  }

  function pasHoogteAan(frame, blok) {
    try {
      var doc = frame.contentDocument;
      if (!doc || !doc.body) return;
      var h = inhoudHoogte(doc) + 48;
      var nu = parseInt(frame.style.height || "0", 10);
      if (h > 150 && Math.abs(h - nu) > 8) frame.style.height = h + "px";
      /* The kernel died or restarted: say so above the frame too. */
      var melding = doc.getElementById("doorbraak-herstart");
      if (melding && blok && !blok.classList.contains("rekenhulp-herstart")) {
        blok.classList.add("rekenhulp-herstart");
        toonFallback(blok, melding.querySelector("p").textContent);
        blok.classList.remove("rekenhulp-statisch");
      }
    } catch (e) { /* other origin: keep the given height */ }
  }

  function startRekenhulp(blok) {
    if (blok.querySelector("iframe.rekenhulp-frame")) return;
    var knop = blok.querySelector(".rekenhulp-start");
    if (knop) knop.parentNode.removeChild(knop);
    var src = blok.getAttribute("data-src");
    var titel = blok.getAttribute("data-titel") || "Rekenhulp";
    var hoogte = parseInt(blok.getAttribute("data-hoogte") || "800", 10);
    var zoek = window.location.search || "";
    var frame = document.createElement("iframe");
    frame.className = "rekenhulp-frame";
    frame.title = titel;
    frame.src = src + zoek;
    frame.style.height = hoogte + "px";
    var status = blok.querySelector(".rekenhulp-status");
    status.textContent = "De rekenhulp wordt geladen…";
    frame.addEventListener("load", function () {
      pasHoogteAan(frame, blok);
      try {
        var ro = new ResizeObserver(function () { pasHoogteAan(frame, blok); });
        ro.observe(frame.contentDocument.body);
        frame.contentDocument.querySelectorAll(".jp-Cell").forEach(function (c) { ro.observe(c); });
      } catch (e) { /* no ResizeObserver */ }
      /* Widgets render after load and change size while used: check now and then too. */
      window.setInterval(function () { pasHoogteAan(frame, blok); }, 700);
      if (!blok.classList.contains("rekenhulp-herstart")) {
        status.textContent = "De rekenhulp is geladen.";
        status.classList.add("visually-hidden");
      }
    });
    blok.insertBefore(frame, blok.querySelector(".rekenhulp-fallback"));
    blok.classList.add("rekenhulp-live");
  }

  /* A calculator costs a kernel on the server: start it only when the reader gets near it,
     or clicks the button. Opened with a starting point (?casus=...): start and go there. */
  function wachtOpLezer(blok, waarnemer) {
    var knop = document.createElement("button");
    knop.type = "button";
    knop.className = "rekenhulp-start";
    knop.textContent = "Open de rekenhulp";
    knop.addEventListener("click", function () {
      if (waarnemer) waarnemer.unobserve(blok);
      startRekenhulp(blok);
      var f = blok.querySelector("iframe.rekenhulp-frame");
      if (f) f.focus();
    });
    var status = blok.querySelector(".rekenhulp-status");
    status.textContent = "De rekenhulp start als je hier bent, of als je op de knop klikt.";
    status.parentNode.insertBefore(knop, status.nextSibling);
    if (waarnemer) waarnemer.observe(blok);
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
        if (!(s && s.rekenserver)) { blokken.forEach(function (b) { toonFallback(b, uit); }); return; }
        var direct = !!window.location.search;
        var waarnemer = null;
        if (!direct && "IntersectionObserver" in window) {
          waarnemer = new IntersectionObserver(function (items) {
            items.forEach(function (it) {
              if (it.isIntersecting) { waarnemer.unobserve(it.target); startRekenhulp(it.target); }
            });
          }, { rootMargin: "300px 0px" });
        }
        blokken.forEach(function (b, i) {
          if (direct) {
            startRekenhulp(b);
            if (i === 0) b.scrollIntoView({ block: "start" });
          } else if (waarnemer) {
            wachtOpLezer(b, waarnemer);
          } else {
            startRekenhulp(b);
          }
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
