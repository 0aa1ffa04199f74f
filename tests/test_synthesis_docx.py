"""The Word synthesis, reopened with python-docx: structure, text, tables, chart, styles and
language, in French and English, with and without a template."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from synthesis_support import with_style

from facilitation.cli import main
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.synthesis import Options, write_synthesis

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NOTES = {
    (1, 1): "La **confiance** vient en premier, puis le logement abordable.",
    (1, 2): "Le *logement abordable* manque pour les familles immigrantes.",
    (2, 1): "Les familles immigrantes cherchent un logement abordable près des écoles.",
    (
        2,
        2,
    ): "- guichet unique\n- suivi en juin\n\nVoir [le portail](https://www.quebec.ca/immigration).",
}


def make_event(path: Path, lang: str = "fr") -> Event:
    event = Event.create(path, sample_script(lang), "", "sample.md")
    people = [
        event.add_participant("Hélène Tremblay", "CRÉ", "Signataire", "hôte"),
        event.add_participant("Karim Haddad", "Emploi-Québec", "Employabilité"),
        event.add_participant("Ana Ortiz", "SOIT", "Accueil"),
    ]
    from facilitation.store import Seat

    event.set_seating(
        1, [Seat(1, 1, 1, people[0], True), Seat(1, 1, 2, people[1]), Seat(1, 2, 1, people[2])]
    )
    for (rnd, table), text in NOTES.items():
        event.add_note(1, text, round=rnd, table=table, author="Ana Ortiz", tags="housing")
    event.add_note(1, "Récolte : le logement revient partout.", kind="plenary")
    topic = event.add_topic(2, "Logement d'abord", convener="Karim Haddad", slot=0, space=1)
    other = event.add_topic(2, "Jeunesse et emploi", slot=1, space=0)
    event.save_report(
        topic,
        key_points="- loyers trop **chers**\n- peu de logements",
        next_steps="Réunir la Ville",
    )
    event.set_votes(2, 12, topic_id=topic)
    event.set_votes(2, 5, topic_id=other)
    event.add_action(
        2,
        "Inventaire des logements",
        topic_id=topic,
        lead="Ville",
        partners="OMH",
        first_step="Appel",
        deadline="juin 2026",
    )
    return event


def body_paragraphs(document) -> list:
    return list(document.paragraphs)


def plain(text: str) -> str:
    """Text as typed: French typography's non-breaking spaces read as spaces."""
    return text.replace("\u00a0", " ")


def texts_with_style(document, style_name: str) -> list[str]:
    return [plain(p.text) for p in with_style(document, style_name)]


@pytest.fixture
def event(tmp_path):
    with make_event(tmp_path / "event.db") as ev:
        yield ev


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The synthesis of make_event's event with the default options, written once for the
    tests that only read it (each reopens it: a document of its own)."""
    folder = tmp_path_factory.mktemp("written")
    with make_event(folder / "event.db") as event:
        return write_synthesis(event, folder / "s.docx")


def test_french_document_structure(event, tmp_path):
    options = Options(names=True, appendices="all", participants=True)
    out = write_synthesis(event, tmp_path / "synthese.docx", options=options)
    document = docx.Document(str(out))
    h1 = texts_with_style(document, "Heading 1")
    assert h1[:4] == ["En bref", "Déroulement", "Participation", "Café"]
    assert h1.index("Forum ouvert") > h1.index("Café")
    assert "Thèmes transversaux" in h1
    assert h1[-3:] == [
        "Annexe : participantes et participants",
        "Annexe : plan de salle",
        "Annexe : toutes les notes",
    ]
    assert texts_with_style(document, "Title") == ["Forum régional 2026"]
    h2 = texts_with_style(document, "Heading 2")
    assert h2.index("Ronde 1") < h2.index("Ronde 2") < h2.index("Récolte en plénière")
    for wanted in (
        "Mur de l'ordre du jour",
        "Comptes rendus des ateliers",
        "Votes",
        "Plan d'action",
    ):
        assert wanted in h2
    quotes = texts_with_style(document, "Quote")
    assert quotes.count("Qu'est-ce qui compte?") == 2  # rounds 1 and 2 have notes
    h3 = texts_with_style(document, "Heading 3")
    assert "Table 1 — hôte : Hélène Tremblay; notes : Ana Ortiz" in h3
    assert "Ce qui est revenu à plusieurs tables" in h3
    bullets = texts_with_style(document, "List Bullet")
    assert any(b.startswith("le logement abordable : 2 tables — « ") for b in bullets), bullets


def test_each_note_once_in_body_and_once_in_appendix(written):
    document = docx.Document(str(written))
    texts = [plain(p.text) for p in document.paragraphs]
    # the last occurrences: the contents list the headings too
    themes = len(texts) - 1 - texts[::-1].index("Thèmes transversaux")
    appendix = len(texts) - 1 - texts[::-1].index("Annexe : toutes les notes")
    for text in (
        "La confiance vient en premier, puis le logement abordable.",
        "Le logement abordable manque pour les familles immigrantes.",
        "Les familles immigrantes cherchent un logement abordable près des écoles.",
        "Récolte : le logement revient partout.",
    ):
        assert texts[:themes].count(text) == 1, text  # the themes quote a selection
        assert texts[appendix:].count(text) == 1, text


def test_markdown_becomes_word_formatting(written):
    document = docx.Document(str(written))
    para = next(p for p in document.paragraphs if p.text.startswith("La confiance"))
    bold = [r.text for r in para.runs if r.bold]
    assert bold == ["confiance"]
    assert "**" not in "\n".join(p.text for p in document.paragraphs)
    para = next(p for p in document.paragraphs if p.text.startswith("Le logement abordable manque"))
    assert [r.text for r in para.runs if r.italic] == ["logement abordable"]
    items = [p.text for p in with_style(document, "List Bullet")]
    assert "guichet unique" in items and "suivi en juin" in items
    links = [h for h in document.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id"))]
    assert links, "the link must be a real hyperlink"
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.target_ref == "https://www.quebec.ca/immigration"
    assert rel.is_external


def test_tables_chart_and_open_space(event, tmp_path):
    options = Options(participants=True)
    document = docx.Document(str(write_synthesis(event, tmp_path / "s.docx", options=options)))
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    wall = next(t for h, t in by_header.items() if h[0] == "Créneau")
    assert [c.text for c in wall.rows[0].cells] == ["Créneau", "Salle A", "Salle B"]
    assert wall.rows[1].cells[2].text == "Logement d'abord"  # conveners sign their reports
    assert wall.rows[2].cells[1].text == "Jeunesse et emploi"
    votes = by_header[("Rang", "Sujet", "Votes")]
    assert [[c.text for c in r.cells] for r in votes.rows[1:]] == [
        ["1", "Logement d'abord", "12"],
        ["2", "Jeunesse et emploi", "5"],
    ]
    actions = by_header[("Action", "Responsable", "Partenaires", "Premier pas", "Échéance")]
    assert [c.text for c in actions.rows[1].cells] == [
        "Inventaire des logements (Logement d'abord)",
        "Ville",
        "OMH",
        "Appel",
        "juin 2026",
    ]
    assert len(document.inline_shapes) == 1  # the votes chart
    assert any("Votes par sujet" in p.text for p in with_style(document, "Caption"))
    themes = next(t for h, t in by_header.items() if h[0] == "Thème")
    assert [c.text for c in themes.rows[2].cells][0] == "Logement abordable"
    assert any(t.style is not None and t.style.name == "Table Grid" for t in document.tables)
    people = by_header[("Nom", "Organisme", "Secteur", "Rôle")]
    assert len(people.rows) == 4


def test_language_properties_toc_and_page_numbers(written):
    out = written
    document = docx.Document(str(out))
    assert document.core_properties.title == "Forum régional 2026"
    assert document.core_properties.author == "CRÉ"
    assert document.core_properties.language == "fr-CA"
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(W + "val") == "fr-CA"
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    instr = "".join(t.text for t in document.element.body.iter(qn("w:instrText")))
    assert "TOC" in instr
    footer = document.sections[0].footer._element
    assert any(" PAGE " in f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple")))
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None


def test_english_document(tmp_path):
    with make_event(tmp_path / "e.db", lang="en") as event:
        out = write_synthesis(event, tmp_path / "synthesis.docx")
    document = docx.Document(str(out))
    h1 = texts_with_style(document, "Heading 1")
    assert h1[:3] == ["At a glance", "Agenda", "Participation"]
    assert "Appendix: every note" in h1
    assert "What came up at several tables" in texts_with_style(document, "Heading 3")
    assert document.core_properties.language == "en-CA"
    tables = [tuple(c.text for c in t.rows[0].cells) for t in document.tables]
    assert ("Rank", "Topic", "Votes") in tables


def test_lang_option_overrides_event_language(event, tmp_path):
    out = write_synthesis(event, tmp_path / "s.docx", lang="en")
    document = docx.Document(str(out))
    assert "Agenda" in texts_with_style(document, "Heading 1")


def make_template(path: Path) -> Path:
    template = docx.Document()
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0xC0, 0x10, 0x20)
    template.sections[0].header.paragraphs[0].text = "Ville de Victoriaville — LOGO"
    template.sections[0].footer.paragraphs[0].text = "Service de l'accueil"
    template.add_paragraph("Texte du modèle à effacer")
    template.save(str(path))
    return path


def test_template_styles_headers_and_footers_are_kept(event, tmp_path):
    template = make_template(tmp_path / "ville.docx")
    out = write_synthesis(event, tmp_path / "s.docx", template=template)
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0xC0, 0x10, 0x20)
    assert document.sections[0].header.paragraphs[0].text == "Ville de Victoriaville — LOGO"
    assert document.sections[0].footer.paragraphs[0].text == "Service de l'accueil"
    texts = [p.text for p in document.paragraphs]
    assert "Texte du modèle à effacer" not in texts
    assert "Déroulement" in texts
    assert document.element.body[-1].tag == qn("w:sectPr")


def test_template_missing_styles_are_added(event, tmp_path):
    template = docx.Document()
    for name in ("List Bullet", "Quote", "Caption"):
        element = template.styles[name].element
        element.getparent().remove(element)
    template.save(str(tmp_path / "bare.docx"))
    out = write_synthesis(event, tmp_path / "s.docx", template=tmp_path / "bare.docx")
    document = docx.Document(str(out))
    assert "Qu'est-ce qui compte?" in texts_with_style(document, "Quote")
    assert any(text.startswith("•\t") for text in texts_with_style(document, "List Bullet"))


def test_empty_event_says_so_and_is_valid(tmp_path):
    with Event.create(tmp_path / "empty.db", sample_script(), "", "s.md") as event:
        out = write_synthesis(event, tmp_path / "s.docx")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Rien n'a encore été saisi") for t in texts)
    assert "Annexe : toutes les notes" not in texts
    assert texts_with_style(document, "Heading 1") == ["Déroulement"]


def test_run_log_gives_actual_times(tmp_path):
    from facilitation.store.runlog import TimerState

    clock = [1_000_000.0]
    with Event.create(
        tmp_path / "r.db", sample_script(), "", "s.md", clock=lambda: clock[0]
    ) as event:
        event.write_timer(TimerState(step_index=1, status="running"), "started")
        clock[0] += 20 * 60
        event.write_timer(TimerState(step_index=1, status="running"), "extended", detail="+300 s")
        clock[0] += 7 * 60
        event.write_timer(TimerState(step_index=1, status="ended"), "ended")
        event.add_note(1, "Une note", round=1, table=1)
        out = write_synthesis(event, tmp_path / "s.docx")
    document = docx.Document(str(out))
    agenda = next(t for t in document.tables if t.rows[0].cells[0].text == "Étape")
    assert [c.text for c in agenda.rows[0].cells][3:] == [
        "Début réel",
        "Durée réelle",
        "Prolongations",
    ]
    row = [plain(c.text) for c in agenda.rows[2].cells]
    assert row[0] == "Ronde 1" and row[4] == "27 min" and row[5] == "1 prolongation (+5 min)"


def test_command_line(event, tmp_path, capsys):
    path = event.path
    event.close()
    # (the LibreOffice layout of the contents is test_synthesis_proceedings', marked slow)
    out = str(tmp_path / "cli.docx")
    assert main(["synthesize", str(path), "-o", out, "--no-page-numbers"]) == 0
    assert (tmp_path / "cli.docx").exists()
    assert main(["synthesize", str(path), "-o", str(tmp_path / "cli.txt")]) == 1
    assert "la synthèse doit se terminer par .docx, .pdf ou .md" in capsys.readouterr().err
    assert (
        main(
            [
                "synthesize",
                str(path),
                "-o",
                str(tmp_path / "x.docx"),
                "--template",
                str(tmp_path / "none.docx"),
            ]
        )
        == 1
    )
