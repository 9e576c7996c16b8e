"""The bundled data files hang together: enough real procedures across the commune fields,
each citing its portal page, fields that map to configured queue services, synonyms and
finder entries that lead somewhere."""

from __future__ import annotations

import json
import tomllib
from collections import Counter

from kiosk.catalogue.finder import load_finder_data
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import bundled_catalogue_path, bundled_synonyms_path
from kiosk.i18n import load_catalogue as load_translations
from kiosk.paths import config_dir

PORTAL_PAGE = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"


def test_at_least_sixty_real_procedures_each_citing_its_portal_page(starter: Catalogue) -> None:
    procedures = starter.document.procedures
    assert len(procedures) >= 60
    assert len({p.code for p in procedures}) == len(procedures)
    for procedure in procedures:
        assert procedure.source.url.startswith(PORTAL_PAGE), procedure.code
        assert procedure.source.decision, procedure.code
        assert not procedure.code.startswith("9."), "synthetic codes never ship"


def test_the_commune_fields_and_province_procedures_are_covered(starter: Catalogue) -> None:
    commune = Counter(p.field for p in starter.procedures if "commune" in p.levels)
    for field in ("ho-tich", "chung-thuc", "cu-tru", "can-cuoc", "dat-dai", "ho-kinh-doanh"):
        assert commune[field] >= 3, field
    assert sum(1 for p in starter.procedures if p.levels == ["province"]) >= 5


def test_procedures_without_papers_are_the_known_gaps(starter: Catalogue) -> None:
    # The portal pages of these social-insurance procedures list no papers.
    without = {p.code for p in starter.procedures if not p.papers}
    assert without <= {"1.001613", "2.000821", "1.002759"}


def test_each_field_leads_to_a_configured_queue_service(starter: Catalogue) -> None:
    with (config_dir() / "kiosk.toml").open("rb") as fh:
        services = {s["id"] for s in tomllib.load(fh)["queue"]["services"]}
    for field in starter.fields:
        assert field.queue_service in services | {""}, field.id
    khai_sinh = starter.procedure("1.001193")
    assert khai_sinh is not None and starter.queue_service_for(khai_sinh) == "ho-tich"


def test_every_synonym_leads_to_a_procedure(starter: Catalogue) -> None:
    entries = json.loads(bundled_synonyms_path().read_text("utf-8"))["entries"]
    for entry in entries:
        assert starter.search(entry["means"]), entry["means"]


def test_the_finder_refers_only_to_catalogue_procedures(starter: Catalogue) -> None:
    codes = {p.code for p in starter.document.procedures}
    data = load_finder_data(
        bundled_catalogue_path().with_name("finder.json"),
        codes,
        starter.index.synonyms.concept_names,
    )
    assert {e.id for e in data.events} >= {
        "birth",
        "marriage",
        "death",
        "house_land",
        "business",
        "moving",
    }
    assert len(data.questions) >= 10


def test_portal_links_point_at_the_procedure_page(starter: Catalogue) -> None:
    procedure = starter.procedure("1.004222")
    assert procedure is not None
    assert starter.portal_link(procedure) == procedure.source.url


def test_translations_load_alongside_the_other_areas() -> None:
    translations = load_translations(config_dir() / "i18n")
    assert translations["catalogue.error.record"]["en"].startswith("{origin}: record")


def test_every_procedure_has_an_english_name_and_everyday_words_in_both_languages(
    starter: Catalogue,
) -> None:
    for procedure in starter.document.procedures:
        assert procedure.name_en, procedure.code
        assert len(procedure.keywords) >= 2, procedure.code
        assert len(procedure.keywords_en) >= 2, procedure.code


def test_every_bundled_abbreviation_names_its_source() -> None:
    entries = json.loads(bundled_synonyms_path().read_text("utf-8"))["entries"]
    abbreviations = [e for e in entries if e.get("kind") == "abbreviation"]
    spelled = {phrase.upper() for e in abbreviations for phrase in e["phrases"]}
    # The short forms the issue names, as citizens and officials write them.
    assert {"CCCD", "GPLX", "GPXD", "HKD", "BHYT", "BHXH"} <= spelled
    assert all(len(e["source"]) >= 10 for e in abbreviations)
    # A bare short form written in capitals belongs with its source, not among everyday words.
    everyday = [p for e in entries if e.get("kind", "everyday") == "everyday" for p in e["phrases"]]
    assert not [p for p in everyday if p.isupper()]
