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
    /* The page's own fallback text already says the calculator needs the server:
       show that one notice, keep the status for screen readers only. */
    var eigen = null;
    blok.querySelectorAll(".rekenhulp-fallback p").forEach(function (p) {
      if (!eigen && /rekenserver/i.test(p.textContent)) eigen = p;
    });
    if (eigen) {
      eigen.classList.add("rekenhulp-melding");
      status.classList.add("visually-hidden");
    }
    if (blok.getAttribute("data-rekenhulp") === "rendement") voorbeeldplannen(blok, eigen);
  }

  /* The cost calculator without server: besides the fixed example, offer the example
     plans of data/reizen (list generated at build time in doorbraak-gegevens.js). */
  function voorbeeldplannen(blok, na) {
    var plannen = window.DOORBRAAK_VOORBEELDPLANNEN || [];
    if (!plannen.length || blok.querySelector(".rekenhulp-voorbeelden")) return;
    var wortel = document.documentElement.getAttribute("data-content_root") || "";
    var vak = document.createElement("div");
    vak.className = "rekenhulp-voorbeelden";
    var kop = document.createElement("p");
    kop.textContent = "Bekijk ook de uitkomst van een voorbeeldplan:";
    var lijst = document.createElement("ul");
    plannen.forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = wortel + p.pagina;
      a.textContent = p.titel;
      li.appendChild(a);
      lijst.appendChild(li);
    });
    vak.appendChild(kop);
    vak.appendChild(lijst);
    var fb = blok.querySelector(".rekenhulp-fallback");
    if (na && na.parentNode) na.parentNode.insertBefore(vak, na.nextSibling);
    else fb.insertBefore(vak, fb.firstChild);
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

  /* --- Dutch words: the same normalisation as the calculators' search ------- */
  function normaal(t) {
    return (t || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* A rough base form for literal filtering: "schulden" -> "schuld", "woningen" -> "woning". */
  function basisvorm(w) {
    if (w.length >= 6 && /en$/.test(w)) w = w.slice(0, -2);
    else if (w.length >= 5 && /[^aeiou]s$/.test(w)) w = w.slice(0, -1);
    else if (w.length >= 6 && /[^aeiou]e$/.test(w)) w = w.slice(0, -1);
    if (/([bdfgklmnprst])\1$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  var synGroepen = null;
  function synoniemen() {
    if (synGroepen === null) {
      synGroepen = (window.DOORBRAAK_SYNONIEMEN || []).map(function (g) {
        return g.map(function (t) { return normaal(t).replace(/\s+/g, " ").trim(); });
      });
    }
    return synGroepen;
  }

  /* Everything a query word may match literally: itself, its base form and its synonyms. */
  function zoekvormen(woord) {
    var vormen = [woord, basisvorm(woord)];
    synoniemen().forEach(function (g) {
      var raak = g.some(function (t) { return t === woord || basisvorm(t) === basisvorm(woord); });
      if (raak) vormen.push.apply(vormen, g);
    });
    return vormen.filter(function (v, i) { return v && vormen.indexOf(v) === i; });
  }

  /* A query split into parts; a phrase from the synonym list ("dakloos worden") stays one part. */
  function zoekdelen(vraag) {
    var tekst = normaal(vraag).replace(/\s+/g, " ").trim();
    if (!tekst) return [];
    var zinnen = [];
    synoniemen().forEach(function (g) {
      g.forEach(function (t) { if (t.indexOf(" ") > 0 && tekst.indexOf(t) >= 0) zinnen.push(t); });
    });
    zinnen.sort(function (a, b) { return b.length - a.length; });
    var delen = [];
    zinnen.forEach(function (z) {
      if (tekst.indexOf(z) >= 0) { delen.push(z); tekst = tekst.replace(z, " "); }
    });
    return delen.concat(tekst.split(/\s+/).filter(Boolean)).map(zoekvormen);
  }

  /* --- Sortable, searchable tables ------------------------------------------ */
  function tabellen() {
    document.querySelectorAll(".doorzoekbare-tabel").forEach(function (wrap) {
      var tabel = wrap.querySelector("table");
      var invoer = wrap.querySelector(".tabel-zoek");
      var aantal = wrap.querySelector(".tabel-aantal");
      var rijen = Array.prototype.slice.call(tabel.tBodies[0].rows);
      var teksten = new Map();
      rijen.forEach(function (r) { teksten.set(r, normaal(r.textContent).replace(/\s+/g, " ")); });
      function filter() {
        var delen = zoekdelen(invoer.value);
        var n = 0;
        rijen.forEach(function (r) {
          var tekst = teksten.get(r);
          var zien = delen.every(function (vormen) {
            return vormen.some(function (v) { return tekst.indexOf(v) >= 0; });
          });
          r.hidden = !zien;
          if (zien) n++;
        });
        aantal.textContent = n + " van " + rijen.length + " rijen zichtbaar.";
        scrollHints();
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

  /* --- Wide tables on a phone: a scroll container with a visible cue ---------- */
  function scrollt(el) {
    var s = getComputedStyle(el).overflowX;
    return s === "auto" || s === "scroll";
  }

  /* A scroll container must be reachable by keyboard (WCAG 2.1.1): one tab stop, named
     after the table. The theme's inner container scrolls, so it gets the stop. */
  function bereikbaar(houder, tabel) {
    if (houder.hasAttribute("tabindex")) return houder;
    var cap = tabel.querySelector("caption");
    var naam = cap ? cap.textContent.replace(/\s+/g, " ").trim() : "Tabel";
    var buiten = houder.parentElement ? houder.parentElement.closest(".tabel-scroll[tabindex]") : null;
    if (buiten) {
      naam = buiten.getAttribute("aria-label") || naam;
      buiten.removeAttribute("tabindex");
      buiten.removeAttribute("role");
      buiten.removeAttribute("aria-label");
    }
    houder.setAttribute("tabindex", "0");
    houder.setAttribute("role", "region");
    houder.setAttribute("aria-label", naam);
    return houder;
  }

  function scrollHouder(tabel) {
    for (var el = tabel.parentElement; el && !el.classList.contains("bd-article"); el = el.parentElement) {
      if (scrollt(el)) return bereikbaar(el, tabel);
    }
    var houder = document.createElement("div");
    houder.className = "tabel-scroll";
    houder.setAttribute("role", "region");
    houder.setAttribute("tabindex", "0");
    var cap = tabel.querySelector("caption");
    houder.setAttribute("aria-label", cap ? cap.textContent.trim() : "Tabel");
    tabel.parentNode.insertBefore(houder, tabel);
    houder.appendChild(tabel);
    return houder;
  }

  var houders = [];
  function tabelScroll() {
    document.querySelectorAll(".bd-article table").forEach(function (tabel) {
      var houder = scrollHouder(tabel);
      if (houders.indexOf(houder) >= 0) return;
      var omhulsel = document.createElement("div");
      omhulsel.className = "tabel-omhulsel";
      var hint = document.createElement("p");
      hint.className = "tabel-veeg";
      hint.textContent = "Veeg of scroll opzij om de hele tabel te zien.";
      hint.hidden = true;
      houder.parentNode.insertBefore(omhulsel, houder);
      omhulsel.appendChild(hint);
      omhulsel.appendChild(houder);
      houder.addEventListener("scroll", function () { scrollHint(houder); }, { passive: true });
      houders.push(houder);
    });
    scrollHints();
    window.addEventListener("resize", scrollHints);
  }

  function scrollHint(houder) {
    var omhulsel = houder.parentElement;
    var over = houder.scrollWidth - houder.clientWidth > 2;
    omhulsel.classList.toggle("loopt-over", over);
    omhulsel.classList.toggle("aan-het-begin", houder.scrollLeft <= 2);
    omhulsel.classList.toggle("aan-het-eind", houder.scrollLeft + houder.clientWidth >= houder.scrollWidth - 2);
    omhulsel.querySelector(".tabel-veeg").hidden = !over;
    /* The caption stays readable: as wide as what you see, not as wide as the table. */
    houder.querySelectorAll("caption").forEach(function (cap) {
      cap.style.maxWidth = over ? houder.clientWidth + "px" : "";
    });
  }

  function scrollHints() { houders.forEach(scrollHint); }

  /* --- Book search: Dutch word forms, synonyms, count, clean snippets -------- */
  function zoekhulp() {
    if (typeof Search === "undefined" || typeof Stemmer === "undefined") return;
    var stemmer = new Stemmer();
    var stam = function (w) { return stemmer.stemWord(w.toLowerCase()); };
    var splits = typeof splitQuery === "function" ? splitQuery : function (q) { return q.split(/\s+/); };
    var stop = typeof stopwords !== "undefined" ? stopwords : [];
    /* Every synonym term as a list of stems; which groups a single stem belongs to. */
    var groepen = (window.DOORBRAAK_SYNONIEMEN || []).map(function (g) {
      return g.map(function (t) {
        return splits(t.toLowerCase()).filter(function (w) { return stop.indexOf(w) < 0; }).map(stam);
      }).filter(function (t) { return t.length; });
    });
    var perStam = {};
    groepen.forEach(function (g, i) {
      g.forEach(function (t) { if (t.length === 1) (perStam[t[0]] = perStam[t[0]] || []).push(i); });
    });
    /* Adjectives that make a compound about its first part: "eiwitrijk" is about "eiwit". */
    var bijvoeglijk = ["rijk", "arm", "vrij", "loos", "vol"];

    function bekend(t) {
      return Object.prototype.hasOwnProperty.call(Search._index.terms, t) ||
             Object.prototype.hasOwnProperty.call(Search._index.titleterms, t);
    }

    /* Alternatives for one stemmed query word: itself, its synonyms, the parts of a compound. */
    function alternatieven(t) {
      var uit = [{ stammen: [t], gewicht: 1 }];
      (perStam[t] || []).forEach(function (i) {
        groepen[i].forEach(function (s) {
          if (!(s.length === 1 && s[0] === t)) uit.push({ stammen: s, gewicht: 0.9 });
        });
      });
      if (t.length >= 7) {
        for (var i = t.length - 3; i >= 4; i--) {
          var kop = t.slice(0, i), staart = t.slice(i);
          var kopStam = bekend(kop) ? kop : (bekend(stam(kop)) ? stam(kop) : null);
          if (!kopStam) continue;
          if (bijvoeglijk.indexOf(staart) >= 0) { uit.push({ stammen: [kopStam], gewicht: 0.7 }); break; }
          var st = bekend(staart) ? staart : (bekend(stam(staart)) ? stam(staart) : null);
          if (st) { uit.push({ stammen: [kopStam, st], gewicht: 0.7 }); break; }
        }
      }
      return uit;
    }

    var zoekTermen = Search.performTermsSearch;
    Search.performTermsSearch = function (searchTerms, excludedTerms) {
      var termen = Array.from(searchTerms);
      if (!termen.length) return zoekTermen.call(Search, searchTerms, excludedTerms);
      var perTerm = [];
      termen.forEach(function (t) {
        var docs = new Map();
        alternatieven(t).forEach(function (a) {
          zoekTermen.call(Search, new Set(a.stammen), excludedTerms).forEach(function (r) {
            var score = Math.round(r[4] * a.gewicht);
            var oud = docs.get(r[5]);
            if (!oud || oud[4] < score) { var kopie = r.slice(); kopie[4] = score; docs.set(r[5], kopie); }
          });
        });
        if (docs.size || t.length > 2) perTerm.push(docs);
      });
      if (!perTerm.length) return [];
      var uit = [];
      perTerm[0].forEach(function (r, bestand) {
        var som = r[4];
        for (var i = 1; i < perTerm.length; i++) {
          var o = perTerm[i].get(bestand);
          if (!o) return;
          som += o[4];
        }
        var kopie = r.slice();
        kopie[4] = Math.round(som / perTerm.length);
        uit.push(kopie);
      });
      return uit;
    };

    /* Snippets from the article only: not the theme's print contents ("Inhoud") or menus. */
    Search.htmlToText = function (htmlString, anchor) {
      var doc = new DOMParser().parseFromString(htmlString, "text/html");
      doc.querySelectorAll(".headerlink, script, style, #jb-print-docs-body, .bd-sidebar-secondary, " +
        ".bd-toc, .prev-next-area, .bd-footer-article, .bd-header-article, .rekenhulp-status, " +
        ".visually-hidden").forEach(function (el) { el.remove(); });
      if (anchor) {
        try {
          var deel = doc.querySelector('[role="main"] ' + anchor);
          if (deel) return deel.textContent;
        } catch (e) { /* an id that is no valid selector: use the whole article */ }
      }
      var art = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
      return art ? art.textContent : "";
    };

    /* The count names pages: a page found twice (also by a heading) counts once;
       "1 pagina gevonden", not "1 pagina's". */
    var uitkomst = document.getElementById("search-results");
    if (uitkomst && window.MutationObserver) {
      new MutationObserver(function () {
        uitkomst.querySelectorAll(".search-summary").forEach(function (p) {
          if (!/^\d+ pagina/.test(p.textContent)) return;
          var paginas = new Set();
          uitkomst.querySelectorAll("ul.search li > a").forEach(function (a) {
            paginas.add((a.getAttribute("href") || "").replace(/[#?].*$/, ""));
          });
          var tekst = paginas.size === 1 ? "1 pagina gevonden." : paginas.size + " pagina's gevonden.";
          if (p.textContent !== tekst) p.textContent = tekst;
        });
      }).observe(uitkomst, { childList: true, subtree: true, characterData: true });
    }
  }

  /* --- Print: footer with the page title and date on every sheet ------------- */
  function afdrukvoet() {
    var h1 = document.querySelector(".bd-article h1");
    var titel = (h1 ? h1.textContent : document.title).replace(/[#¶]/g, "").replace(/\s+/g, " ").trim();
    var meta = document.querySelector('meta[name="docbuild:last-update"]');
    var datum = meta && meta.content ? meta.content :
      new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    var tekst = ("Doorbraakwijzer · " + titel + " · " + datum).replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    var stijl = document.createElement("style");
    stijl.media = "print";
    stijl.textContent = '@page { @bottom-left { content: "' + tekst + '"; } }';
    document.head.appendChild(stijl);
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
    /* sphinx-copybutton has no Dutch texts. */
    document.querySelectorAll(".copybtn").forEach(function (b) {
      b.setAttribute("data-tooltip", "Kopiëren");
      b.setAttribute("aria-label", "Kopiëren");
      b.addEventListener("click", function () {
        window.setTimeout(function () { b.setAttribute("data-tooltip", "Gekopieerd"); }, 0);
        window.setTimeout(function () { b.setAttribute("data-tooltip", "Kopiëren"); }, 2100);
      });
    });
    var vertaal = { "Main": "Hoofdmenu", "Section Navigation": "Navigatie in dit deel",
                    "Site navigation": "Navigatie", "Page": "Pagina" };
    document.querySelectorAll("[aria-label]").forEach(function (el) {
      var l = el.getAttribute("aria-label");
      if (vertaal[l]) el.setAttribute("aria-label", vertaal[l]);
    });
  }

  klaar(function () { themaLabels(); zoekhulp(); rekenhulpen(); tabellen(); tabelScroll(); afdrukvoet(); });
})();
