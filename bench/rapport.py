"""Write bench/RESULTS.md (Dutch, B1) from the results of a bench run."""

from __future__ import annotations

import os
import platform
import subprocess
import time
from pathlib import Path

from bench.gemeen import PY, ROOT, chromium_versie, mediaan
from calculators.kern.opmaak import getal

RESULTS = ROOT / "bench" / "RESULTS.md"


# --- machine ---------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.lower().startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekend"


def _versie(module: str) -> str:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        return "onbekend"


def omgeving() -> dict:
    import psutil

    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return {
        "datum": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "nproc": len(os.sched_getaffinity(0)),
        "geheugen_gb": psutil.virtual_memory().total / 2**30,
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "chromium": chromium_versie(),
        "playwright": _versie("playwright"),
        "voila": _versie("voila"),
        "jupyter_book": _versie("jupyter-book"),
        "besturingssysteem": platform.platform(),
        "git": git.stdout.strip() or "onbekend",
    }


# --- formatting ------------------------------------------------------------------------------


def ms(x) -> str:
    """Milliseconds; from 1000 ms on as seconds with one decimal (easier to read)."""
    if x is None:
        return "–"
    if x >= 1000:
        return f"{getal(round(x / 1000, 1), 1)} s"
    return f"{getal(round(x), 0)} ms"


def sec(x, decimalen: int = 1) -> str:
    return "–" if x is None else f"{getal(round(x, decimalen), decimalen)} s"


def mb(x) -> str:
    return "–" if x is None else f"{getal(round(x), 0)} MB"


def keer(x) -> str:
    return "–" if x is None else f"{getal(round(x, 1), 1)}×"


def oordeel(gehaald: bool | None) -> str:
    return "niet gemeten" if gehaald is None else ("gehaald" if gehaald else "**niet gehaald**")


def _fout(deel: dict | None) -> str | None:
    if deel is None:
        return "Dit onderdeel is nog niet gemeten."
    if "fout" in deel:
        return f"Dit onderdeel liep vast: `{deel['fout'][:300]}`."
    if "overgeslagen" in deel:
        return f"Dit onderdeel is overgeslagen: {deel['overgeslagen']}."
    return None


def _gemeten(deel: dict) -> str:
    return f"Gemeten op {deel.get('gemeten_op', '?')}, duur {sec(deel.get('duur_s'), 0)}."


# --- sections --------------------------------------------------------------------------------


def _kernelstart(d: dict | None) -> list[str]:
    """What a new kernel costs per calculator: imports, building the widget, memory."""
    if d is None:
        return []
    uit = ["## 1b. Wat het starten van een rekenhulp kost", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        "Een nieuwe kernel doet wat het notebook van de rekenhulp doet: importeren en de rekenhulp bouwen.",
        "We doen dat in een nieuw Python-proces, zonder de kernel zelf. Geheugen: het hoogste RSS van dat proces.",
        f"Mediaan van {d['rondes']} metingen.{_kernel_extra(d)}",
        "Rekentijd (CPU) is wat het proces zelf rekent. Op een drukke machine is de kloktijd veel langer.",
        "Voorverwarmen verbergt deze tijd voor de eerste bezoeker. Bij drukte start er steeds een nieuwe kernel bij.",
        "",
        "De laatste kolommen: het geheugen van een echte kernel nadat het notebook draaide, één meting.",
        "Die kernel start zoals de server hem start: ipykernel zonder debugger (`calculators/server/kernel.py`).",
        "Daar kijkt het doel van ≤ 120 MB per kernel naar.",
        "",
        "| Rekenhulp | Importeren (CPU) | Bouwen (CPU) | Samen (CPU) | Samen (klok) | Geheugen (RSS) "
        "| Echte kernel (RSS / USS) | Doel ≤ 120 MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in d["rekenhulpen"]:
        if r["import_s"] is None:
            uit.append(f"| {r['naam']} | – | – | – | – | fout: {'; '.join(r['fouten'])[:120]} | – | – |")
            continue
        cpu_i, cpu_b = r.get("import_cpu_s") or 0.0, r.get("bouw_cpu_s") or 0.0
        uit.append(
            f"| {r['naam']} | {sec(cpu_i)} | {sec(cpu_b)} | {sec(cpu_i + cpu_b)} "
            f"| {sec(r['import_s'] + r['bouw_s'])} | {mb(r['rss_mb'])} "
            f"| {_kernel_mb(r)} | {oordeel(None if r.get('kernel_rss_mb') is None else r['kernel_rss_mb'] <= 120)} |"
        )
    return uit + ["", _gemeten(d), ""]


def _kernel_extra(d: dict) -> str:
    """What a real kernel costs on top of the plain process (median over the calculators)."""
    verschil = [
        r["kernel_rss_mb"] - r["rss_mb"]
        for r in d["rekenhulpen"]
        if r.get("kernel_rss_mb") is not None and r.get("rss_mb") is not None
    ]
    if not verschil:
        return ""
    return f" Een echte kernel kost daarbovenop ongeveer {mb(mediaan(verschil))} (mediaan)."


def _kernel_mb(r: dict) -> str:
    if r.get("kernel_rss_mb") is None:
        return "–"
    return f"{mb(r['kernel_rss_mb'])} / {mb(r['kernel_uss_mb'])}"


def _laadtijd(d: dict | None) -> list[str]:
    uit = ["## 1. Tijd tot je de rekenhulp kunt gebruiken", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        "We meten in Chromium zonder scherm. De klok loopt vanaf het openen van de pagina.",
        "Hij stopt zodra het eerste veld of de eerste knop zichtbaar en bruikbaar is.",
        "Bij een boekpagina zoeken we dat veld in de rekenhulp op de pagina.",
        "De vloer is een gewone boekpagina zonder rekenhulp. Daar stopt de klok als de pagina helemaal geladen is.",
        "Koud: de server is net gestart en meldt dat de rekenhulpen klaarstaan (de laatste regel van `make serve`).",
        "Warm: de pagina is al eens geopend, maar de browsercache is leeg.",
        "Tweede bezoek: de pagina is al eens geopend in dezelfde browser, dus de browser heeft de",
        "vaste bestanden (scripts, stijl) al. Zo gaat het bij een lezer die het boek al eerder gebruikte.",
        "De vloer wordt op dezelfde manier gemeten als de pagina ernaast.",
        f"Koud: {d['rondes_koud']} meting per pagina. Warm en tweede bezoek: mediaan van {d['rondes_warm']} metingen.",
        "",
        "| Pagina | Koud | Warm, lege cache | ÷ vloer | Tweede bezoek | ÷ vloer | Doel koud ≤ 3 s "
        "| Doel ≤ 1,5× vloer (lege cache / tweede bezoek) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    klaar: list[float] = []
    for p in d["pagina's"]:
        klaar += p.get("klaar_s", [])
        if p["soort"] == "statisch":
            naam = f"Vloer: `{p['pad']}`"
            uit.append(
                f"| {naam} | {ms(p['koud_mediaan'])} | {ms(p['warm_mediaan'])} | 1,0× "
                f"| {ms(p.get('cache_mediaan'))} | 1,0× | – | – |"
            )
            continue
        naam = f"{p['naam']}: {'rekenhulp alleen' if p['soort'] == 'voila' else 'boekpagina'} `{p['pad']}`"
        koud_ok = None if p["koud_mediaan"] is None else p["koud_mediaan"] <= d["doel_koud_ms"]
        warm_ok = None if p["factor_warm"] is None else p["factor_warm"] <= d["doel_warm_factor"]
        cache_ok = None if p.get("factor_cache") is None else p["factor_cache"] <= d["doel_warm_factor"]
        if p["fouten"]:
            naam += f" ({len(p['fouten'])} keer niet bruikbaar binnen 40 s)"
        uit.append(
            f"| {naam} | {ms(p['koud_mediaan'])} | {ms(p['warm_mediaan'])} | {keer(p['factor_warm'])} "
            f"| {ms(p.get('cache_mediaan'))} | {keer(p.get('factor_cache'))} "
            f"| {oordeel(koud_ok)} | {oordeel(warm_ok)} / {oordeel(cache_ok)} |"
        )
    if klaar:
        uit += [
            "",
            f"Klaarzetten na het starten (tot de regel 'De rekenhulpen staan klaar'): mediaan "
            f"{sec(mediaan(klaar))}, langste {sec(max(klaar))}, over {len(klaar)} starts.",
        ]
    uit += _trage_lijn(d)
    uit += ["", _gemeten(d), ""]
    return uit


def _kb(n: float | None) -> str:
    return "–" if n is None else f"{getal(n / 1000, 0)} kB"


def _trage_lijn(d: dict) -> list[str]:
    """The slow-line rows: with the server's gzip, and with compression refused."""
    rijen = [p for p in d["pagina's"] if p.get("traag")]
    if not rijen:
        return []
    uit = [
        "",
        f"### Op een tragere lijn ({d.get('trage_lijn_mbit', 10)} Mbit/s, "
        f"{d.get('trage_lijn_latency_ms', 40)} ms extra per heen en terug)",
        "",
        "Op deze machine komt alles over localhost; een lezer op kantoor of op een telefoon heeft een tragere lijn.",
        "Chromium maakt de lijn zelf trager (netwerkemulatie van DevTools). Lege cache, één meting per vorm.",
        "Met compressie: zoals een browser vraagt (de server stuurt gzip). Zonder: de browser vraagt om geen compressie.",
        "Bytes: wat over de lijn kwam (met kopjes) en hoe groot dat uitgepakt is.",
        "",
        "| Pagina | Bruikbaar met compressie | Over de lijn | Zonder compressie | Over de lijn | Uitgepakt |",
        "|---|---|---|---|---|---|",
    ]
    for p in rijen:
        g, z = p["traag"].get("gzip", {}), p["traag"].get("zonder", {})
        naam = (
            "Vloer"
            if p["soort"] == "statisch"
            else f"{p['naam']}: {'rekenhulp alleen' if p['soort'] == 'voila' else 'boekpagina'}"
        )
        uit.append(
            f"| {naam} | {ms(g.get('ms'))} | {_kb(g.get('lijn_bytes'))} | {ms(z.get('ms'))} "
            f"| {_kb(z.get('lijn_bytes'))} | {_kb(g.get('uitgepakt_bytes'))} |"
        )
    return uit


def _interactie(d: dict | None) -> list[str]:
    uit = ["## 2. Hoe snel de uitkomst verandert als je iets typt", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        "We zetten steeds een nieuwe tekst in een veld van de rekenhulp.",
        "Dan meten we in de browser hoe lang het duurt tot de uitkomst verandert.",
        "De uitkomst is het gebied dat een schermlezer voorleest (`role=status`).",
        "Bij de prijzen is het veld 'Zoekwoorden'. Bij andere rekenhulpen nemen we het eerste veld dat iets verandert.",
        "Verandert typen alleen niets? Dan klikken we ook op de eerste knop, zoals 'Controleer'.",
        f"Per rekenhulp doen we {d['aantal']} wijzigingen. Er is één gebruiker.",
        "",
        "Soms blijft de uitkomst gelijk bij een nieuw woord. Dan telt de meting als 'geen uitkomst binnen 5 s'.",
        "Die metingen tellen niet mee in p50 en p95.",
        "",
        "| Rekenhulp | Veld | p50 | p95 | Metingen | Geen uitkomst binnen 5 s | Doel p95 ≤ 100 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in d["rekenhulpen"]:
        if "overgeslagen" in r:
            uit.append(f"| {r['naam']} | – | – | – | 0 | – | overgeslagen: {r['overgeslagen']} |")
            continue
        veld = (
            f"veld {r['veld'] + 1} ({r['invoer']})"
            + (" en knop" if r.get("knop") else "")
            + ("" if r["modus"] == "status" else ", hele uitvoer")
        )
        ok = None if r.get("p95") is None else r["p95"] <= d["doel_p95_ms"]
        uit.append(
            f"| {r['naam']} | {veld} | {ms(r.get('p50'))} | {ms(r.get('p95'))} | {r.get('n', 0)} "
            f"| {r['fouten']} | {oordeel(ok)} |"
        )
    uit += ["", _gemeten(d), ""]
    return uit


def _zoeken(d: dict | None) -> list[str]:
    uit = ["## 3. Zoeken met 1, 10 en 100 keer zoveel gegevens", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        "We maken kopieën van de prijzen, wetsartikelen en casussen. Zo is er 10 of 100 keer zoveel.",
        "Dan zoeken we met echte zoekwoorden en vragen uit het project.",
        "De eerste zoekopdracht bouwt de index. Die tijd staat apart.",
        f"Elke zoekvraag doen we {d['rondes']} keer.",
        "",
        "| Zoeken in | Factor | Aantal | Index bouwen | p50 | p95 | Doel p95 ≤ 50 ms bij 100× |",
        "|---|---|---|---|---|---|---|",
    ]
    for naam, titel in (("prijzen", "prijzen"), ("wetten", "wetsartikelen"), ("casussen", "casussen")):
        rijen = d.get(naam)
        if isinstance(rijen, dict):
            uit.append(f"| {titel} | – | – | – | – | – | {_fout(rijen)} |")
            continue
        for r in rijen or []:
            bouwen = r.get("bouw_ms", r.get("eerste_ms"))
            ok = oordeel(r["p95"] <= d["doel_p95_ms"]) if r["factor"] == 100 else ""
            uit.append(
                f"| {titel} | {r['factor']}× | {getal(r['documenten'], 0)} | {ms(bouwen)} "
                f"| {getal(round(r['p50'], 1), 1)} ms | {getal(round(r['p95'], 1), 1)} ms | {ok} |"
            )
    uit += [
        "",
        "Bij de wetten bouwt `bench/zoeken_wetten.py` de index; die tijd staat in de kolom 'Index bouwen'.",
        "Bij de prijzen is het de eerste zoekvraag, want die bouwt de index.",
        "",
        _gemeten(d),
        "",
    ]
    return uit


def _monitor(d: dict | None) -> list[str]:
    uit = ["## Monitor: 1.000 planbestanden optellen", ""]
    if d is None:
        return uit + ["Nog niet gemeten: `BENCH_ALLEEN=monitor make bench`.", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        f"We maken {getal(d['aantal'], 0)} planbestanden uit de voorbeeldmap. De verhaalvelden zijn per plan anders.",
        f"Dan draaien we `python -m calculators monitor MAP --json` {d['rondes']} keer (mediaan).",
        "",
        "| Wat | Tijd | Doel ≤ 5 s |",
        "|---|---|---|",
        f"| Hele opdracht, met privacycontrole | {sec(d['cli_s'])} | {oordeel(d['cli_s'] <= d['doel_s'])} |",
        f"| Hele opdracht, rekentijd (CPU) | {sec(d.get('cli_cpu_s'))} | {oordeel(d['cli_cpu_s'] <= d['doel_s']) if 'cli_cpu_s' in d else ''} |",
        f"| Binnen één proces, met privacycontrole | {sec(d['binnen_met_privacy_s'])} | {oordeel(d['binnen_met_privacy_s'] <= d['doel_s'])} |",
        f"| Binnen één proces, zonder privacycontrole | {sec(d['binnen_zonder_privacy_s'])} | {oordeel(d['binnen_zonder_privacy_s'] <= d['doel_s'])} |",
        f"| waarvan bestanden lezen | {sec(d['lezen_s'], 2)} | |",
        f"| waarvan plannen controleren (planmodel) | {sec(d['plannen_s'], 2)} | |",
        f"| waarvan optellen met privacycontrole | {sec(d['overzicht_met_privacy_s'], 2)} | |",
        f"| waarvan optellen zonder privacycontrole | {sec(d['overzicht_zonder_privacy_s'], 2)} | |",
        "",
        _gemeten(d),
        "",
    ]
    return uit


def _bouwen(d: dict | None) -> list[str]:
    uit = ["## 4. Het boek bouwen", ""]
    if t := _fout(d):
        return uit + [t, ""]
    clean, incr = d["clean_mediaan"], d["incrementeel_mediaan"]
    uit += [
        "We bouwen zoals `make book`: eerst de pagina's uit de gegevens, dan het boek.",
        "Dat gebeurt in een kopie van de map, zodat niemand er last van heeft.",
        f"Schoon: een lege kopie ({len(d['clean'])} keer). Na een wijziging: we veranderen `{d['gewijzigde_pagina']}` "
        f"en bouwen opnieuw ({len(d['incrementeel'])} keer, mediaan).",
        f"Het boek heeft nu {d['html_bestanden']} HTML-bestanden.",
        "",
        "| Soort bouw | Gemeten | Doel | Oordeel |",
        "|---|---|---|---|",
        f"| Schoon | {sec(clean)} | ≤ {sec(d['doel_clean'], 0)} | {oordeel(clean <= d['doel_clean'])} |",
        f"| Na wijziging van één pagina | {sec(incr)} | ≤ {sec(d['doel_incrementeel'], 0)} "
        f"| {oordeel(incr <= d['doel_incrementeel'])} |",
        f"| Na wijziging, alleen `jupyter-book build` | {sec(d['incrementeel_zonder_genereren_mediaan'])} | – | – |",
        "",
        f"Commando: `{d['commando']}`.",
        "",
        _gemeten(d),
        "",
    ]
    return uit


def _sessies(d: dict | None) -> list[str]:
    uit = ["## 5. Veel gebruikers tegelijk", ""]
    if t := _fout(d):
        return uit + [t, ""]
    sec_per = d["niveaus"][0]["seconden"] if d["niveaus"] else 0
    uit += [
        "Iedere gebruiker is een eigen browservenster met een eigen kernel. Alle vensters zitten in één Chromium.",
        "Alle gebruikers openen de prijzen-rekenhulp op hetzelfde moment. Zo gaat het ook in een training om 9 uur.",
        "Daarna typt iedere gebruiker ongeveer elke 2 seconden een nieuw zoekwoord.",
        f"Elke ronde duurt {sec(sec_per, 0)} na het openen."
        + (" Dat is korter dan de standaard van 60 s, omdat de tijd voor deze run op was." if sec_per < 60 else ""),
        "We meten hoe snel de uitkomst verandert, net als bij meting 2.",
        "Wie eerder klaar is met openen, typt al terwijl de anderen nog openen. Die metingen tellen mee.",
        "Een gebruiker die na 180 s nog geen werkende rekenhulp heeft, telt als fout.",
        "Een fout is: de rekenhulp opent niet, de uitkomst verandert niet binnen 10 s, een scriptfout, of een verbroken verbinding.",
        "Geheugen per kernel: het hoogste RSS van een kernel tijdens de ronde. USS is het deel dat alleen die kernel gebruikt.",
        "We geven het zwaarste van alle kernels (daar kijkt het doel naar), en apart de kernels van de gebruikers",
        "(de prijzen-rekenhulp) en de voorverwarmde kernels van alle rekenhulpen.",
        f"Na de ronde sluiten we alle vensters zoals een lezer een tabblad sluit: de pagina vraagt de server dan zelf om haar kernel te stoppen. De server ruimt een kernel op na {d['cull_seconden']} s zonder gebruik "
        f"(in de bench; normaal 40 s).",
        "",
        "Boven de kernelgrens krijgt een gebruiker de pagina 'Het is nu druk' (HTTP 503). Dat telt niet als fout.",
        "",
        "| Gebruikers | Open / drukpagina | p50 | p95 | Fouten | Bruikbaar na openen (mediaan / langste) "
        "| Geheugen per kernel (RSS / USS): zwaarste van allemaal | van de gebruikers | voorverwarmd "
        "| Totaal geheugen (USS) | Kernels tijdens / na sluiten / na opruimen "
        "| Doel p95 ≤ 300 ms, 0 fouten, ≤ 120 MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in d["niveaus"]:
        i = r["interactie"]
        b = r["bruikbaar_na_openen_ms"]
        ok = (
            i.get("p95") is not None
            and i["p95"] <= d["doel_p95_ms"]
            and r["fouten"] == 0
            and r["kernel_rss_piek_mb"] <= d["doel_mb_per_kernel"]
        )
        uit.append(
            f"| {r['sessies']} | {r.get('open', r['sessies'])} / {r.get('druk_pagina', 0)} "
            f"| {ms(i.get('p50'))} | {ms(i.get('p95'))} | {r['fouten']} "
            f"| {sec((b.get('p50') or 0) / 1000)} / {sec((b.get('max') or 0) / 1000)} "
            f"| {mb(r['kernel_rss_piek_mb'])} / {mb(r['kernel_uss_piek_mb'])} "
            f"| {_mb_paar(r, 'sessie')} | {_mb_paar(r, 'pool')} | {mb(r['totaal_uss_mb'])} "
            f"| {r['kernels_tijdens']} / {r['kernels_na_sluiten']} / {r['kernels_na_cull']} | {oordeel(ok)} |"
        )
    soorten = sorted({s for r in d["niveaus"] for s in r["fout_soorten"]})
    uit += [""]
    if soorten:
        uit += [f"Soorten fouten: {', '.join(soorten)}.", ""]
    voor = d["niveaus"][0]["kernels_voor"] if d["niveaus"] else 0
    uit += [
        f"Voor de start draaien er {voor} kernels: één voorverwarmde kernel per rekenhulp.",
        "Na het opruimen hoort dat aantal weer terug te zijn.",
        "",
        _gemeten(d),
        "",
    ]
    return uit


def _mb_paar(r: dict, soort: str) -> str:
    """'RSS / USS' of the session kernels or the preheated ones ('–' in older results)."""
    if f"{soort}_rss_piek_mb" not in r:
        return "–"
    return f"{mb(r[f'{soort}_rss_piek_mb'])} / {mb(r[f'{soort}_uss_piek_mb'])}"


def _soak(d: dict | None) -> list[str]:
    uit = ["## 6. Duurtest", ""]
    if d is None:
        return uit + [
            "De duurtest draaide niet in deze run. Start hem met `BENCH_SOAK=1 make bench`.",
            "Hij duurt standaard 60 minuten (`BENCH_SOAK_MINUTEN`).",
            "",
        ]
    if t := _fout(d):
        return uit + [t, ""]
    groei = d.get("groei_procent")
    ok = None if groei is None else (groei <= d["doel_groei_procent"] and d["fouten"] == 0)
    i = d["interactie"]
    uit += [
        f"20 gebruikers typen {getal(d['minuten'], 1)} minuten lang elke 2 seconden een zoekwoord.",
        "We vergelijken het geheugen (USS van server en kernels samen) na de eerste minuut met het eind.",
        "",
        "| Geheugen na 1 minuut | Geheugen aan het eind | Groei | Fouten | p95 | Doel: groei ≤ 10 %, 0 fouten |",
        "|---|---|---|---|---|---|",
        f"| {mb((d.get('start_monster') or {}).get('totaal_uss'))} | {mb(d['eind_monster']['totaal_uss'])} "
        f"| {'–' if groei is None else getal(round(groei, 1), 1) + ' %'} | {d['fouten']} | {ms(i.get('p95'))} | {oordeel(ok)} |",
        "",
    ]
    if d.get("fout_soorten"):
        uit += [f"Soorten fouten: {', '.join(d['fout_soorten'])}.", ""]
    if d.get("overgenomen"):
        uit += [f"Let op: {d['overgenomen']}", ""]
    uit += [
        _gemeten(d),
        "",
    ]
    return uit


def _balans(d: dict | None) -> list[str]:
    uit = ["## 7. Test van de voorbeeldconfiguratie voor nginx", ""]
    if t := _fout(d):
        return uit + [t, ""]
    i = d["interactie"]
    uit += (
        [
            "We starten twee servers en Debian-nginx ervoor, alleen op 127.0.0.1.",
            "nginx gebruikt `bench/nginx-doorbraakwijzer.conf`. Alleen de poorten zijn anders.",
            f"Daarna openen {d['sessies']} gebruikers de prijzen-rekenhulp via nginx. Ieder typt {d['wijzigingen_per_sessie']} keer.",
            "",
            "| Gebruikers per server | Cookie gezet | Fouten | p50 | p95 | Oordeel |",
            "|---|---|---|---|---|---|",
            f"| {' en '.join(str(n) for n in d['sessies_per_proces'])} | {d['cookie_gezet']} van {d['sessies']} "
            f"| {d['fouten']} | {ms(i.get('p50'))} | {ms(i.get('p95'))} | {oordeel(d['geslaagd'])} |",
            "",
            "Elke typeactie kreeg antwoord. De websocket kwam dus steeds bij de server met de juiste kernel.",
            f"Versie: {d['nginx']}.",
            "",
            _gemeten(d),
            "",
        ]
        if d["geslaagd"]
        else [
            "De test met nginx is niet gelukt.",
            f"Fouten: {d['fouten']} ({', '.join(d['fout_soorten'])}). Gebruikers per server: {d['sessies_per_proces']}.",
            "",
        ]
    )
    return uit


def _opruimen(d: dict | None) -> list[str]:
    uit = ["## 8. Opruimen van kernels: een klaargezette kernel kan te vroeg stoppen", ""]
    if t := _fout(d):
        return uit + [t, ""]
    uit += [
        "Per rekenhulp staat één kernel klaar. Voila beschermt die tegen opruimen zolang hij wacht.",
        "Komt er een bezoeker, dan haalt Voila de kernel eerst uit de wachtrij. Pas daarna maakt de browser verbinding.",
        "Was de kernel al langer ongebruikt dan de opruimtijd? Dan kan de opruimer hem juist in die paar seconden stoppen.",
        "De bezoeker ziet dan nooit een werkende rekenhulp.",
        f"Proef: opruimtijd {d['cull_seconden']} s, opruimen elke {d['cull_interval']} s.",
        f"We wachten 15 s en openen dan de prijzen-rekenhulp. Dat doen we {d['pogingen']} keer.",
        "",
        "| Server | Pogingen | Niet bruikbaar binnen 25 s | Oordeel |",
        "|---|---|---|---|",
        f"| Zoals nu | {d['pogingen']} | {d['niet_bruikbaar']} | {oordeel(d['niet_bruikbaar'] == 0)} |",
        "",
        "De server heeft de oplossing zelf: hij markeert een kernel als net gebruikt op het moment dat Voila hem",
        "uit de wachtrij haalt, en nog eens als de pagina verstuurd is (`markeer_actief` in `calculators/server/app.py`).",
        "'Zoals nu' is die server. De echte instelling is 40 s, opruimen elke 10 s.",
        "Is de kernel toch weg voordat de browser verbinding maakt (een heel trage lijn), dan zegt de pagina dat in het Nederlands.",
        "",
        _gemeten(d),
        "",
    ]
    return uit


def _betekenis(r: dict) -> list[str]:
    s = r["onderdelen"].get("sessies") or {}
    niveaus = [n for n in s.get("niveaus", [])] if "fout" not in s else []
    omg = r["omgeving"]
    uit = ["## Wat betekent dit voor een gemeente?", ""]
    if niveaus:
        goed = [n for n in niveaus if n["fouten"] == 0 and (n["interactie"].get("p95") or 1e9) <= 300]
        beste = max((n["sessies"] for n in goed), default=None)
        kernel = max(n["kernel_rss_piek_mb"] for n in niveaus)
        laatste = niveaus[-1]
        open_mediaan = (laatste["bruikbaar_na_openen_ms"].get("p50") or 0) / 1000
        open_max = (laatste["bruikbaar_na_openen_ms"].get("max") or 0) / 1000
        per_4gb = int(4 * 1024 * 0.8 // kernel) if kernel else 0
        uit += [
            f"De metingen draaiden op één machine met {omg['nproc']} kernen, samen met alle browservensters van de bench.",
            "Echte bezoekers hebben elk hun eigen computer. De cijfers zijn dus eerder te hoog dan te laag.",
            "",
            (
                f"- **Typen gaat goed tot {beste} gebruikers tegelijk.** Dan is p95 hooguit 300 ms en zijn er geen fouten."
                if beste
                else f"- **Al bij {niveaus[0]['sessies']} gebruikers tegelijk is typen te traag of gaat er iets mis.**"
            ),
            f"- **Openen is het zwakke punt.** Openen {laatste['sessies']} mensen tegelijk de rekenhulp? "
            f"Dan wacht de helft {sec(open_mediaan, 0)} of langer. De laatste wacht {sec(open_max, 0)}.",
            "  Elke gebruiker krijgt een eigen kernel. Die moet starten en de rekenhulp opbouwen. Dat kost veel rekenkracht.",
            "  Er staat maar één kernel per rekenhulp klaar (voorverwarmd).",
            f"- **Geheugen:** een kernel gebruikt tot {mb(kernel)}. Met 4 GB vrij geheugen passen er zo'n {per_4gb} tegelijk.",
            "",
            f"Een server met {omg['nproc']} kernen kan dus {beste or 'minder dan ' + str(niveaus[0]['sessies'])} gebruikers tegelijk aan, "
            "als de rekenhulp eenmaal open is.",
            "Voor een training: laat de deelnemers niet allemaal op dezelfde seconde beginnen.",
            "Of zet vooraf meer kernels klaar: start de server met `--pool` (of `POOL=`).",
            "Let op: de pool geldt voor elke rekenhulp. Tien klaar betekent tien kernels per rekenhulp, dus veel geheugen.",
            "",
        ]
    uit += [
        "### Meer gebruikers dan één server aankan",
        "",
        "1. **Meer processen op één grotere machine.** Start per kern één server op een eigen poort.",
        "   Zet nginx ervoor, zoals in `bench/nginx-doorbraakwijzer.conf`.",
        "   nginx geeft elke bezoeker een cookie. Daarmee blijft de bezoeker bij dezelfde server.",
        "   Dat moet, want de kernel en zijn websocket horen bij één proces.",
        "   Zet ook TLS (https) aan in nginx. De servers zelf luisteren alleen op 127.0.0.1.",
        "2. **Meer machines.** Dezelfde nginx-regels werken ook met servers op andere machines in een intern netwerk.",
        "   Zet dan in `upstream` hun interne adressen. Laat de servers niet direct op internet.",
        "3. **Kubernetes.** Maak een image met het gebouwde boek en `python -m calculators.server --host 0.0.0.0`.",
        "   Draai meerdere kopieën (replicas) en zet er een ingress voor met vaste sessies op een cookie.",
        "   Bij ingress-nginx is dat `nginx.ingress.kubernetes.io/affinity: cookie`.",
        "   Laat Kubernetes kopieën bijzetten als de processor druk is (HorizontalPodAutoscaler).",
        "   Geef elke kopie genoeg geheugen: aantal gebruikers maal het geheugen per kernel, plus de server.",
        "4. **JupyterHub** is vooral handig als iedere gebruiker een eigen omgeving met inloggen nodig heeft.",
        "   Voor een openbaar handboek zonder inloggen is dat zwaarder dan nodig.",
        "",
        "Deze bench testte alleen optie 1, met twee processen op deze machine (meting 7).",
        "Opties 2 tot 4 zijn hier niet getest.",
        "",
    ]
    return uit


def schrijf(r: dict, pad: Path = RESULTS) -> Path:
    o = r["omgeving"]
    d = r["onderdelen"]
    koppen = [
        "# Metingen: snelheid en belasting",
        "",
        "Dit bestand maakt `make bench` (`.venv/bin/python -m bench`). Pas het niet met de hand aan.",
        "De ruwe cijfers staan in `bench/resultaten.json`.",
        "",
        "## Machine",
        "",
        f"- Datum: {o['datum']} (git {o['git']})",
        f"- Processor: {o['cpu']}, {o['nproc']} kernen (nproc)",
        f"- Geheugen: {getal(round(o['geheugen_gb'], 1), 1)} GB",
        f"- Python {o['python']}, {o['chromium']}, Playwright {o['playwright']}, Voila {o['voila']}, "
        f"Jupyter Book {o['jupyter_book']}",
        f"- Systeem: {o['besturingssysteem']}",
        f"- Belasting van de machine (load average 1, 5, 15 min) bij de start: "
        f"{', '.join(getal(round(x, 2), 2) for x in o.get('belasting_begin', []))}; "
        f"aan het eind: {', '.join(getal(round(x, 2), 2) for x in o.get('belasting_eind', []))}",
        "",
        "Let op: de machine kan gedeeld zijn; de belasting bij de start zegt of er iets anders draaide.",
        "Daarom geven we medianen en p95 over meerdere metingen.",
        "",
        "## Samenvatting",
        "",
    ]
    koppen += _samenvatting(r) + [""]
    tekst = koppen
    tekst += _laadtijd(d.get("laadtijd")) + _kernelstart(d.get("kernelstart"))
    tekst += _interactie(d.get("interactie")) + _zoeken(d.get("zoeken"))
    tekst += _monitor(d.get("monitor"))
    tekst += _bouwen(d.get("bouwen")) + _sessies(d.get("sessies")) + _soak(d.get("soak")) + _balans(d.get("balans"))
    tekst += _opruimen(d.get("opruimen"))
    tekst += _betekenis(r)
    tekst += _commando_s(r)
    pad.write_text("\n".join(tekst).rstrip() + "\n", encoding="utf-8")
    return pad


def _samenvatting(r: dict) -> list[str]:
    d = r["onderdelen"]
    rijen = ["| Meting | Doel | Gemeten | Oordeel |", "|---|---|---|---|"]
    l = d.get("laadtijd")
    if l and "pagina's" in l:
        calc = [p for p in l["pagina's"] if p["soort"] != "statisch"]
        koud = max((p["koud_mediaan"] for p in calc if p["koud_mediaan"] is not None), default=None)
        factor = max((p["factor_warm"] for p in calc if p["factor_warm"] is not None), default=None)
        fout = sum(len(p["fouten"]) for p in calc)
        rijen.append(
            f"| 1. Koud bruikbaar (traagste pagina) | ≤ 3 s | {ms(koud)} "
            f"| {oordeel(None if koud is None else koud <= 3000 and not fout)} |"
        )
        rijen.append(
            f"| 1. Warm, lege cache ÷ vloer (slechtste pagina) | ≤ 1,5× | {keer(factor)} (vloer {ms(l['vloer_ms'])}) "
            f"| {oordeel(None if factor is None else factor <= 1.5)} |"
        )
        cache = max((p["factor_cache"] for p in calc if p.get("factor_cache") is not None), default=None)
        if cache is not None:
            rijen.append(
                f"| 1. Tweede bezoek ÷ vloer (slechtste pagina) | ≤ 1,5× | {keer(cache)} "
                f"(vloer {ms(l.get('vloer_cache_ms'))}) | {oordeel(cache <= 1.5)} |"
            )
    i = d.get("interactie")
    if i and "rekenhulpen" in i:
        p95 = [x["p95"] for x in i["rekenhulpen"] if x.get("p95") is not None]
        rijen.append(
            f"| 2. Typen → uitkomst, p95 (slechtste rekenhulp) | ≤ 100 ms | {ms(max(p95, default=None))} "
            f"| {oordeel(None if not p95 else max(p95) <= 100)} |"
        )
    z = d.get("zoeken")
    if z and "rondes" in z:
        for naam in ("prijzen", "wetten", "casussen"):
            rij = next((x for x in z.get(naam) or [] if isinstance(x, dict) and x.get("factor") == 100), None)
            if rij:
                rijen.append(
                    f"| 3. Zoeken in {naam} bij 100×, p95 | ≤ 50 ms | {getal(round(rij['p95'], 1), 1)} ms "
                    f"| {oordeel(rij['p95'] <= 50)} |"
                )
    b = d.get("bouwen")
    if b and "clean_mediaan" in b:
        rijen.append(
            f"| 4. Boek schoon bouwen | ≤ 90 s | {sec(b['clean_mediaan'])} | {oordeel(b['clean_mediaan'] <= 90)} |"
        )
        rijen.append(
            f"| 4. Boek bouwen na één wijziging | ≤ 15 s | {sec(b['incrementeel_mediaan'])} "
            f"| {oordeel(b['incrementeel_mediaan'] <= 15)} |"
        )
    s = d.get("sessies")
    if s and "niveaus" in s:
        for n in s["niveaus"]:
            p95 = n["interactie"].get("p95")
            ok = p95 is not None and p95 <= 300 and n["fouten"] == 0 and n["kernel_rss_piek_mb"] <= 120
            rijen.append(
                f"| 5. {n['sessies']} gebruikers tegelijk | p95 ≤ 300 ms, 0 fouten, ≤ 120 MB per kernel "
                f"| {ms(p95)}, {n['fouten']} fouten, {mb(n['kernel_rss_piek_mb'])}, "
                f"{n.get('druk_pagina', 0)} keer drukpagina | {oordeel(ok)} |"
            )
            rijen.append(
                f"| 5. Kernels opgeruimd na {n['sessies']} gebruikers | terug naar {n['kernels_voor']} "
                f"| {n['kernels_na_cull']} | {oordeel(n['kernels_na_cull'] <= n['kernels_voor'])} |"
            )
    k = d.get("soak")
    if k and "groei_procent" in k and k["groei_procent"] is not None:
        rijen.append(
            f"| 6. Duurtest geheugengroei | ≤ 10 %, 0 fouten | {getal(round(k['groei_procent'], 1), 1)} %, "
            f"{k['fouten']} fouten | {oordeel(k['groei_procent'] <= 10 and k['fouten'] == 0)} |"
        )
    else:
        rijen.append("| 6. Duurtest | ≤ 10 % groei, 0 fouten | niet gedraaid | niet gemeten |")
    o = d.get("opruimen")
    if o and "pogingen" in o:
        rijen.append(
            f"| 8. Klaargezette kernel overleeft het opruimen | 0 keer stuk | {o['niet_bruikbaar']} "
            f"van {o['pogingen']} keer stuk | {oordeel(o['niet_bruikbaar'] == 0)} |"
        )
    n = d.get("balans")
    if n and "geslaagd" in n:
        rijen.append(f"| 7. nginx met twee servers | werkt | {n['fouten']} fouten | {oordeel(n['geslaagd'])} |")
    return rijen


def _commando_s(r: dict) -> list[str]:
    o = r["omgeving"]
    return [
        "## Zelf meten",
        "",
        "Alles samen (zonder duurtest). De onderdelen duurden samen "
        f"{sec(sum(d.get('duur_s', 0) for n, d in r['onderdelen'].items() if n != 'soak'), 0)}:",
        "",
        "```",
        "make bench                      # = .venv/bin/python -m bench",
        "BENCH_SOAK=1 make bench         # met duurtest (standaard 10 minuten)",
        "BENCH_ALLEEN=zoeken,bouwen make bench   # alleen deze onderdelen",
        "BENCH_SESSIE_SECONDEN=180 make bench    # langere rondes met veel gebruikers",
        "```",
        "",
        "Andere instellingen: `BENCH_SESSIES` (standaard 10,20,30), `BENCH_SOAK_MINUTEN`, `BENCH_KOUD_RONDES`,",
        "`BENCH_WARM_RONDES`, `BENCH_INTERACTIES`, `BENCH_ZOEK_RONDES`, `BENCH_BOUW_CLEAN_RONDES`, `BENCH_BOUW_INCR_RONDES`.",
        "Eén onderdeel los: `.venv/bin/python -m bench.zoeken` (of `bouwen`, `laadtijd`, `interactie`, `balans`).",
        "",
        f"In de laatste run gemeten: {', '.join(o.get('onderdelen_deze_run', []))}. "
        "Elk onderdeel noemt zijn eigen meettijd. Python: `" + PY + "`.",
        "De bench werkt in een kopie van de map: `/tmp/dbw-bench/repo`. Servers luisteren alleen op 127.0.0.1,",
        "op een vrije poort. De bench start `bench/serverstart.py`: dat is `calculators.server.app` met een korte opruimtijd.",
        "",
    ]


if __name__ == "__main__":
    # Write RESULTS.md again from the saved figures (bench/resultaten.json).
    import json

    from bench.gemeen import RESULTATEN

    print(schrijf(json.loads(RESULTATEN.read_text(encoding="utf-8"))))
