"""`python -m calculators plan ...`: exit codes and output, in-process via calculators.cli.main."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from calculators.cli import main
from calculators.plan.model import Doorbraakplan

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"
OUD = ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json"


def draai(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["plan", *args])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def schrijf(tmp_path: Path, data) -> Path:
    pad = tmp_path / "plan.json"
    pad.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return pad


def test_controleer_compleet_plan_json(capsys):
    code, uit, fout = draai(capsys, "controleer", str(VOORBEELD), "--json")
    assert code == 0, fout
    data = json.loads(uit)
    assert set(data) == {"compleet", "ontbreekt", "waardendriehoek", "meldingen"}
    assert data["compleet"] is True and data["ontbreekt"] == []
    assert data["waardendriehoek"] == {"legitiem": True, "rendabel": True, "betrokken": True}


def test_controleer_oud_bestand_is_geldig_maar_niet_compleet(capsys):
    code, uit, _ = draai(capsys, "controleer", str(OUD), "--json")
    assert code == 0
    data = json.loads(uit)
    assert data["compleet"] is False
    assert "perspectief" in data["ontbreekt"]
    assert data["waardendriehoek"] == {"legitiem": False, "rendabel": True, "betrokken": False}


def test_controleer_als_tekst_noemt_wat_ontbreekt(capsys, tmp_path):
    code, uit, _ = draai(capsys, "controleer", str(schrijf(tmp_path, {"titel": "Leeg plan"})))
    assert code == 0
    assert "nog niet compleet" in uit and "het perspectief van het huishouden" in uit


def test_ongeldig_plan_geeft_code_2_en_nederlandse_melding(capsys, tmp_path):
    pad = schrijf(tmp_path, {"legitimiteit": [{"artikel": "Pw 999", "motivering": "m"}]})
    code, uit, fout = draai(capsys, "controleer", str(pad), "--json")
    assert code == 2 and uit == ""
    assert fout.startswith("Fout: Het plan in plan.json klopt niet.")
    assert "legitimiteit" in fout and "Traceback" not in fout


def test_kapotte_json_en_bijzonder_bestand(capsys, tmp_path):
    code, _, fout = draai(capsys, "controleer", str(schrijf(tmp_path, '{"titel": ')))
    assert code == 2 and "geen geldige JSON" in fout
    code, _, fout = draai(capsys, "controleer", "/dev/zero")
    assert code == 2 and "geen gewoon bestand" in fout


def test_privacywaarschuwing_in_json_en_bij_afdruk(capsys, tmp_path):
    data = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    data["perspectief"] = "Mevrouw Jansen wil in haar huis blijven."
    pad = schrijf(tmp_path, data)
    code, uit, _ = draai(capsys, "controleer", str(pad), "--json")
    assert code == 0
    meldingen = json.loads(uit)["meldingen"]
    assert any(m["veld"] == "perspectief" and "Jansen" in m["tekst"] for m in meldingen)
    doel = tmp_path / "plan.html"
    code, uit, fout = draai(capsys, "afdruk", str(pad), "-o", str(doel))
    assert code == 0
    assert "Let op:" in fout and "perspectief" in fout
    assert "Mevrouw Jansen" in doel.read_text(encoding="utf-8")  # warned, not silently stripped


def test_afdruk_kiest_het_formaat_op_de_naam(capsys, tmp_path):
    code, _, fout = draai(capsys, "afdruk", str(VOORBEELD), "-o", str(tmp_path / "plan.txt"))
    assert code == 2 and ".html, .pdf, .docx" in fout
    assert not (tmp_path / "plan.txt").exists()
    for ext, begin in ((".html", b"<!doctype html>"), (".docx", b"PK"), (".pdf", b"%PDF")):
        doel = tmp_path / f"plan{ext}"
        code, uit, fout = draai(capsys, "afdruk", str(VOORBEELD), "-o", str(doel))
        assert code == 0, fout
        assert doel.read_bytes().startswith(begin)
        assert str(doel) in uit


def test_afdruk_zonder_uitvoer_is_gebruiksfout(capsys):
    try:
        main(["plan", "afdruk", str(VOORBEELD)])
    except SystemExit as e:
        assert e.code == 2
    assert "deze gegevens ontbreken" in capsys.readouterr().err


def test_schema_is_het_json_schema_van_het_model(capsys):
    code, uit, _ = draai(capsys, "schema")
    assert code == 0
    assert json.loads(uit) == json.loads(json.dumps(Doorbraakplan.model_json_schema()))


def test_rooktest_als_apart_proces():
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "plan", "controleer", str(VOORBEELD), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["compleet"] is True


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(
    inhoud=st.one_of(
        st.binary(max_size=300),
        st.sampled_from(
            [b"", b"{", b"{}", b"[]", b'{"scenarios": {"huidig": [{"bedrag": 1e999}]}}', b'{"titel": "\\u0000"}']
        ),
    )
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_willekeurige_inhoud_code_0_of_2_zonder_traceback(inhoud, tmp_path, capsys):
    pad = tmp_path / "plan.json"
    pad.write_bytes(inhoud)
    code, uit, fout = draai(capsys, "controleer", str(pad), "--json")
    assert code in (0, 2)
    assert "Traceback" not in uit + fout and "onverwachts" not in fout
    if code == 0:
        assert set(json.loads(uit)) == {"compleet", "ontbreekt", "waardendriehoek", "meldingen"}
    else:
        assert fout.startswith("Fout: ")


def test_cli_noemt_dezelfde_afdrukformaten_als_de_afdruk():
    from calculators.plan import afdruk, cli

    assert cli.FORMATEN == afdruk.FORMATEN
