"""The lists on "Over de gegevens" come from data/, and nothing a file contains can break the HTML."""

from calculators.naslag import bestanden_rijen


def test_bestandenlijst_telt_regels_en_bestanden(tmp_path):
    (tmp_path / "prijzen.csv").write_text("id,item\na,A\nb,B\n", encoding="utf-8")
    (tmp_path / "lijst.yaml").write_text("- een\n- twee\n- drie\n", encoding="utf-8")
    (tmp_path / "wetten").mkdir()
    (tmp_path / "wetten" / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# uitleg\n", encoding="utf-8")
    rijen = {r[0]: r for r in bestanden_rijen(tmp_path)}
    assert rijen["prijzen.csv"][2] == "2 regels"
    assert rijen["lijst.yaml"][2] == "3 onderdelen"
    assert rijen["wetten/"][2] == "1 bestand"
    assert "README.md" not in rijen
