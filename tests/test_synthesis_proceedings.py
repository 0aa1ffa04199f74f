"""The book of proceedings as an organiser sends it: reopened with python-docx (and read back
from the PDF), it starts with a summary, names nobody by default, fits the page, and is
Word-native (lists, styles, no empty paragraphs), with photos and table themes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import RGBColor
from PIL import Image
from synthesis_support import layouts_folder, layouts_shared  # noqa: F401 (the fixture)
from test_synthesis_docx import make_event

from facilitation.cli import main
from facilitation.errors import UserError
from facilitation.script import load_script
from facilitation.store import Event
from facilitation.store.photos import import_photos, list_photos, place_from_name
from facilitation.store.sample import sample_script
from facilitation.synthesis import Options, write_synthesis
from facilitation.synthesis.docx_sections import text_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parent.parent
NAMES = ("Hélène Tremblay", "Karim Haddad", "Ana Ortiz")
LISTS = "1. loger\n2. nourrir\n3. soigner"


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def body_texts(document) -> list[str]:
    return [plain(p.text) for p in document.paragraphs]


def add_lists(event) -> None:
    event.add_note(1, LISTS, round=1, table=3)
    event.add_note(1, "Ensuite :\n\n1. écouter\n2. agir", round=2, table=3)


@pytest.fixture
def event(tmp_path):
    with make_event(tmp_path / "event.db") as ev:
        add_lists(ev)
        yield ev


def reopen(event, path: Path, **kwargs):
    return docx.Document(str(write_synthesis(event, path, **kwargs)))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The synthesis of `event`'s event with the default options, written once for the tests
    that only read it (each reopens it: a document of its own)."""
    folder = tmp_path_factory.mktemp("written")
    with make_event(folder / "event.db") as event:
        add_lists(event)
        return write_synthesis(event, folder / "s.docx")


@pytest.fixture
def document(written):
    return docx.Document(str(written))


def test_summary_comes_first_with_top_votes_and_actions(document):
    texts = body_texts(document)
    h1 = [plain(p.text) for p in document.paragraphs if p.style.name == "Heading 1"]
    assert h1[0] == "En bref" and h1.index("En bref") < h1.index("Café")
    start = texts.index("En bref")
    end = texts.index("Table des matières")
    summary = texts[start:end]
    assert "Les priorités" in summary
    assert summary.index("Logement d'abord : 12 votes") < summary.index(
        "Jeunesse et emploi : 5 votes"
    )
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Action")
    assert [c.text for c in actions.rows[1].cells] == [
        "Inventaire des logements",
        "Ville",
        "juin 2026",
    ]
    assert "[à compléter : la prochaine rencontre, ce qui sera fait de ces travaux]" in summary
    ideas = summary[summary.index("Ce qui est revenu le plus") + 1 : summary.index("Les priorités")]
    assert ideas[0] == "Qu'est-ce qui compte?"
    assert ideas[1:] and all(re.fullmatch(r".+ \(2 tables\)", line) for line in ideas[1:])


def test_front_matter_says_what_happens_next(tmp_path):
    script = sample_script("fr")
    script.event.next_meeting = "Bilan le 12 juin à l'hôtel de ville"
    script.event.contact = "Marie Côté, 418 555-0101"
    with Event.create(tmp_path / "e.db", script, "", "x.md") as event:
        event.add_note(1, "Une note", round=1, table=1)
        texts = body_texts(reopen(event, tmp_path / "s.docx"))
    assert "Prochaine étape : Bilan le 12 juin à l'hôtel de ville" in texts
    assert "Pour nous joindre : Marie Côté, 418 555-0101" in texts
    assert not any("[à compléter" in t for t in texts)


def test_front_matter_keys_are_read(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(
        "---\ntitre: T\nprochaine rencontre: Le 3 juin\ncontact: info@ville.qc.ca\n---\n\n"
        "# Café\n\nformat: café de conversation\n\n## Ronde 1 (20 min)\n\n> Quoi?\n",
        encoding="utf-8",
    )
    info = load_script(path).event
    assert (info.next_meeting, info.contact) == ("Le 3 juin", "info@ville.qc.ca")


def _outside_reports(document) -> str:
    """The body's text, without the Open Space reports section and the appendix of people."""
    kept, skipping = [], False
    for p in document.paragraphs:
        style, text = p.style.name, plain(p.text)
        if style in ("Heading 1", "Heading 2"):
            skipping = text in (
                "Comptes rendus des ateliers",
                "Annexe : participantes et participants",
            )
        if not skipping and not style.startswith("toc"):
            kept.append(text)
    for table in document.tables:
        kept += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(kept)


def test_nobody_is_named_by_default(document):
    text = _outside_reports(document)
    for name in NAMES:
        assert name not in text
    everything = "\n".join(body_texts(document))
    assert "animé par Karim Haddad" in everything  # conveners sign their reports
    headings = [plain(p.text) for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Annexe : plan de salle" not in headings
    assert "Annexe : participantes et participants" not in headings
    assert "Annexe : toutes les notes" in headings


def test_names_and_appendices_options(event, tmp_path):
    options = Options(names=True, appendices="all", participants=True)
    document = reopen(event, tmp_path / "s.docx", options=options)
    texts = body_texts(document)
    assert "Table 1 — hôte : Hélène Tremblay; notes : Ana Ortiz" in texts
    assert "Annexe : plan de salle" in texts
    bare = reopen(event, tmp_path / "n.docx", options=Options(appendices="none"))
    assert not any(t.startswith("Annexe") for t in body_texts(bare))


def test_command_line_options(event, tmp_path):
    path = event.path
    event.close()
    out = tmp_path / "cli.docx"
    args = ["synthesize", str(path), "-o", str(out), "--no-page-numbers"]
    assert main([*args, "--names", "--participants"]) == 0
    assert "Annexe : participantes et participants" in body_texts(docx.Document(str(out)))
    assert main([*args, "--appendices", "none"]) == 0
    assert not any(t.startswith("Annexe") for t in body_texts(docx.Document(str(out))))


def _sections(document):
    """(text width, elements) per section, in order."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    parts, current = [], []
    for child in body:
        if child.tag == qn("w:sectPr"):
            continue
        current.append(child)
        inner = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if inner is not None:
            parts.append((text_width(inner), current))
            current = []
    parts.append((text_width(final), current))
    return parts


def test_every_table_and_image_fits_its_section(tmp_path):
    script = sample_script("fr")
    script.blocks[1].spaces = [f"Salle {c} du centre des congrès" for c in "ABCDEFGH"]
    with Event.create(tmp_path / "e.db", script, "", "x.md") as event:
        for space in range(8):
            for slot in range(2):
                event.add_topic(
                    2, f"Atelier sur le transport collectif {space}-{slot}", slot=slot, space=space
                )
        event.add_note(1, "Le transport collectif revient", round=1, table=1, tags="housing")
        event.set_votes(2, 3, proposal="Navette")
        document = reopen(event, tmp_path / "s.docx")
    sections = _sections(document)
    landscape = [
        s
        for s in document.sections
        if s.orientation == 1  # WD_ORIENT.LANDSCAPE
    ]
    assert landscape, "the wide agenda wall must be in a landscape section"
    tables = images = 0
    for width, elements in sections:
        for element in elements:
            for tbl in [element] if element.tag == qn("w:tbl") else []:
                grid = [int(c.get(qn("w:w"))) for c in tbl.iter(qn("w:gridCol"))]
                assert sum(grid) <= width
                assert int(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w"))) <= width
                tables += 1
            for extent in element.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
            ):
                assert int(extent.get("cx")) <= width * 635
                images += 1
    assert tables >= 4 and images >= 1


def test_each_numbered_list_has_its_own_numbering(document):
    by_list: list[str] = []
    for p in document.paragraphs:
        num = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None and p.style.name == "List Number":
            by_list.append(num.get(qn("w:val")))
    # two notes with numbered lists, each written in its round and again in the appendix
    assert len(by_list) == 10
    assert len(set(by_list)) == 4
    numbering = document.part.numbering_part.element
    for num_id in set(by_list):
        num = next(n for n in numbering.iterfind(qn("w:num")) if n.get(qn("w:numId")) == num_id)
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_template_without_list_numbering_gets_numbers_typed(event, tmp_path):
    template = docx.Document()
    for name in ("List Number", "List Number 2", "List Number 3"):
        ppr = template.styles[name].element.find(qn("w:pPr"))
        ppr.remove(ppr.find(qn("w:numPr")))
    template.save(str(tmp_path / "t.docx"))
    document = reopen(event, tmp_path / "s.docx", template=tmp_path / "t.docx")
    items = [plain(p.text) for p in document.paragraphs if p.style.name == "List Number"]
    assert items[:3] == ["1.\tloger", "2.\tnourrir", "3.\tsoigner"]
    assert "1.\técouter" in items


def test_no_empty_paragraph_no_break_paragraph(document):
    body = document.element.body
    for p in body.iterchildren(qn("w:p")):  # an empty table cell holds one: not a spacer
        has_content = (
            p.find(f".//{qn('w:t')}") is not None or p.find(f".//{qn('w:drawing')}") is not None
        )
        is_section_break = p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        assert has_content or is_section_break, p.xml
    assert not [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    h1 = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in h1)


def test_every_style_used_is_defined(event, tmp_path):
    for template in (None, tmp_path / "bare.docx"):
        if template is not None:
            bare = docx.Document()
            styles = bare.styles.element
            for style in list(styles.iterfind(qn("w:style"))):
                if style.get(qn("w:styleId")) not in (
                    "Normal",
                    "DefaultParagraphFont",
                    "TableNormal",
                ):
                    styles.remove(style)
            bare.save(str(template))
        document = reopen(event, tmp_path / "s.docx", template=template)
        defined = {s.get(qn("w:styleId")) for s in document.styles.element.iterfind(qn("w:style"))}
        used = set()
        parts = [document.element] + [s.footer._element for s in document.sections]
        for part in parts:
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
                used |= {el.get(qn("w:val")) for el in part.iter(qn(tag))}
        assert used <= defined, used - defined
        assert {"TOC1", "TOC2", "Caption", "Label"} <= used | {"Label"}
        for name in ("toc 1", "toc 2", "toc 3", "Hyperlink", "Caption", "Label", "Table Heading"):
            assert document.styles[name] is not None


def test_a_template_restyles_labels_and_table_headers(event, tmp_path):
    template = docx.Document()
    label = template.styles.add_style("Label", WD_STYLE_TYPE.PARAGRAPH)
    label.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    header = template.styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    header.font.italic = True
    template.save(str(tmp_path / "t.docx"))
    document = reopen(event, tmp_path / "s.docx", template=tmp_path / "t.docx")
    labels = [p for p in document.paragraphs if plain(p.text) == "Points saillants"]
    assert labels and labels[0].style.name == "Label"
    assert labels[0].style.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert not any(r.bold for r in labels[0].runs)  # the look is the style's, not typed in
    cell = document.tables[0].rows[0].cells[0].paragraphs[0]
    assert cell.style.name == "Table Heading" and cell.style.font.italic


def test_properties_file_mode_and_typography(event, tmp_path):
    old = os.umask(0o022)
    try:
        out = write_synthesis(event, tmp_path / "s.docx")
    finally:
        os.umask(old)
    assert (out.stat().st_mode & 0o777) == 0o644
    document = docx.Document(str(out))
    props = document.core_properties
    assert props.author == "CRÉ" and props.last_modified_by == "CRÉ"
    assert props.language == "fr-CA" and props.title == "Forum régional 2026"
    assert "python-docx" not in " ".join([props.comments, props.keywords, props.author])
    heading = next(
        p
        for p in document.paragraphs
        if p.style.name == "Heading 1" and p.text.startswith("Annexe")
    )
    assert heading.text == "Annexe\u00a0: toutes les notes"  # never "Annexe" alone at a line end


def _photo(path: Path, size=(1200, 800), orientation: int | None = None, gps: bool = False) -> None:
    picture = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (46.0, 48.0, 0.0)}
    picture.save(path, "JPEG", exif=exif.tobytes())


def test_photos_are_imported_upright_without_location_and_shown_with_alt_text(event, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    _photo(folder / "b1-r1-t1.jpg", orientation=6, gps=True)  # taken with the phone on its side
    _photo(folder / "Bloc 1 ronde 2 table 2.jpeg", size=(2000, 1500))  # more than 1,600
    (tmp_path / "map.csv").write_text(
        "fichier;bloc;légende\nphotos/b1-r1-t1.jpg;1;Récolte graphique\n", encoding="utf-8"
    )
    assert place_from_name("Bloc 1 ronde 2 table 2.jpeg") == {"block": 1, "round": 2, "table": 2}
    assert import_photos(event, folder) == 2
    assert import_photos(event, tmp_path / "map.csv") == 1
    photos = list_photos(event)
    turned = next(p for p in photos if (p.round, p.table) == (1, 1))
    assert (turned.width, turned.height) == (800, 1200)  # EXIF orientation applied
    stored = Image.open(io.BytesIO(turned.data))
    assert not stored.getexif()  # no orientation, no GPS left
    big = next(p for p in photos if p.table == 2)
    assert max(big.width, big.height) == 1600
    document = reopen(event, tmp_path / "s.docx")
    descr = [d.get("descr") for d in document.element.body.iter(qn("wp:docPr"))]
    assert "Nappe de la table 1, ronde 1" in descr
    assert "Nappe de la table 2, ronde 2" in descr
    assert "Récolte graphique" in descr


def test_bad_photos_are_named_and_nothing_is_stored(event, tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    _photo(folder / "t1.jpg")
    (folder / "t2.png").write_bytes(b"not a picture")
    (folder / "t3.HEIC").write_bytes(b"an iPhone photo")
    path = event.path
    event.close()
    assert main(["import", str(path), str(folder), "--kind", "photos"]) == 1
    err = capsys.readouterr().err
    assert "t2.png" in err and "t3.HEIC" in err and "JPEG, PNG ou WebP" in err
    with Event.open(path) as reopened:
        assert list_photos(reopened) == []
    (folder / "t2.png").unlink()
    (folder / "t3.HEIC").unlink()
    assert main(["import", str(path), str(folder), "--kind", "photos"]) == 0


def test_a_table_theme_heads_its_notes(tmp_path):
    script = load_script(ROOT / "sessions" / "cre-capitale-nationale-2010-cafe-et-forum.md")
    morning = script.blocks[0]
    assert (
        morning.table_theme(2)
        == "Objectif 2 : Favoriser l'insertion en emploi des personnes immigrantes"
    )
    with Event.create(tmp_path / "e.db", script, "", "cre.md") as event:
        event.add_note(1, "Reconnaître les diplômes plus vite", round=1, table=2)
        texts = body_texts(reopen(event, tmp_path / "s.docx"))
    heading = "Table 2 — Objectif 2 : Favoriser l'insertion en emploi des personnes immigrantes"
    assert texts[texts.index(heading) + 1] == "Reconnaître les diplômes plus vite"


def test_too_many_table_themes_is_reported(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(
        "---\ntitre: T\n---\n\n# Café\n\nformat: café de conversation\ntables: 2\n"
        "thèmes des tables: a, b, c\n\n## Ronde 1 (20 min)\n\n> Quoi?\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as info:
        load_script(path)
    assert "s.md:9: 3 table themes but the block has 2 tables" in str(info.value)


def test_report_per_page_and_contact_list(tmp_path):
    with make_event(tmp_path / "e.db") as event:
        event.add_participant(
            "Lise Roy", "Ville", extra={"contact_ok": "oui", "courriel": "lise@ville.qc.ca"}
        )
        event.add_participant("Paul Noël", "OMH", extra={"contact_ok": "non"})
        other = event.list_topics()[1].id
        event.save_report(other, key_points="Un stage")
        document = reopen(event, tmp_path / "s.docx", options=Options(report_per_page=True))
    reports = [
        p for p in document.paragraphs if p.style.name == "Heading 3" and "Jeunesse" in p.text
    ]
    assert reports[0].paragraph_format.page_break_before
    contacts = next(t for t in document.tables if t.rows[0].cells[0].text == "Nom")
    assert [[c.text for c in r.cells] for r in contacts.rows[1:]] == [
        ["Lise Roy", "Ville", "lise@ville.qc.ca"]
    ]


WITH_LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice not installed",
)
# The themes' labels are rows of the heat map before they are headings (see
# test_pdf_page_numbers_are_the_headings_not_the_heat_map_rows): a long note in each table.
LONG = " ".join(["La mobilité des familles et le logement abordable reviennent partout."] * 14)


def book_event(path: Path) -> Event:
    """`event`'s event with, in each table of the first round, a long note tagged with three
    themes (the caller closes it)."""
    event = make_event(path)
    add_lists(event)
    for table in range(1, 6):
        event.add_note(1, f"{table}. {LONG}", round=1, table=table, tags="leadership;housing;youth")
    return event


@pytest.fixture(scope="module")
def book(tmp_path_factory, layouts_folder):  # noqa: F811
    """One PDF (two LibreOffice layouts) read by the PDF tests: the synthesis of
    `book_event`'s event. The folder, the PDF, and the text of each of its pages (pdftotext).
    Its first layout is the console's document's in test_synthesis_outputs_faults.py (the
    same event): shared with it (synthesis_support)."""
    folder = tmp_path_factory.mktemp("book")
    with book_event(folder / "event.db") as event, layouts_shared(layouts_folder):
        out = write_synthesis(event, folder / "synthese.pdf")
    pages = (
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split("\f")
    )
    return folder, out, pages


@pytest.mark.slow  # a LibreOffice conversion (shared: `book`)
@WITH_LIBREOFFICE
def test_pdf_has_contents_with_page_numbers(book):
    folder, out, pages = book
    assert out.read_bytes()[:5] == b"%PDF-"
    contents = next(i for i, page in enumerate(pages) if "Table des matières" in page)
    lines = [plain(line) for line in pages[contents].splitlines()]
    entry = [line for line in lines if line.startswith("Forum ouvert")][-1]  # the block's H1
    page = int(entry.rstrip().rsplit(".", 1)[-1].split()[-1])
    assert "Forum ouvert" in pages[page - 1] and "Mur de l'ordre du jour" in pages[page - 1]
    assert [p.name for p in folder.iterdir() if "synthese" in p.name] == ["synthese.pdf"]
    if shutil.which("pdftohtml"):  # the contents' entries are links to their pages
        xml = subprocess.run(
            [
                "pdftohtml",
                "-xml",
                "-stdout",
                "-i",
                "-q",
                "-f",
                str(contents + 1),
                "-l",
                str(contents + 1),
                str(out),
            ],
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert xml.count("<a href") >= 10


def test_pdf_without_libreoffice_says_how_to_install_it(event, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError) as info:
        write_synthesis(event, tmp_path / "synthese.pdf")
    assert "LibreOffice" in str(info.value) and "apt install libreoffice-writer-nogui" in str(
        info.value
    )
    assert list(tmp_path.glob("*synthese*")) == []


def test_markdown_soft_line_breaks_become_spaces(tmp_path):
    with make_event(tmp_path / "e.db") as event:
        event.add_note(1, "Un **guichet** unique\npour tout le monde", round=1, table=4)
        texts = body_texts(reopen(event, tmp_path / "s.docx"))
    assert "Un guichet unique pour tout le monde" in texts


def test_photos_in_the_markdown_synthesis(event, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    _photo(folder / "b1-r1-t2.jpg")
    import_photos(event, folder)
    text = write_synthesis(event, tmp_path / "s.md").read_text(encoding="utf-8")
    [photo] = list(tmp_path.glob("s-photo-*.jpg"))
    assert f"![Nappe de la table 2, ronde 1]({photo.name})" in text
    assert Image.open(photo).size == (1200, 800)


def test_a_table_too_wide_even_in_landscape_is_split(tmp_path):
    from facilitation.synthesis.docx_tables import fits, split_columns
    from facilitation.synthesis.elements import Table

    table = Table(
        ["Thème", *[f"Bloc {n} ronde {n}" for n in range(30)]],
        [["Mobilisation des acteurs", *["12" for _ in range(30)]]],
    )
    assert not fits(table, 12240, True)
    parts = split_columns(table, 12240, True)
    assert len(parts) > 1 and all(fits(part, 12240, True) for part in parts)
    assert all(part.headers[0] == "Thème" for part in parts)
    assert sum(len(part.headers) - 1 for part in parts) == 30


# The .docx's contents carry LibreOffice's page numbers: checked on the command's document in
# test_synthesis_outputs_faults.py::test_console_synthesis_is_the_commands_document.


def test_french_spaces_that_must_not_break():
    from facilitation.synthesis.typography import french_spaces

    nb = "\u00a0"
    assert (
        french_spaces("Objectif 1 : agir ; vite ? oui !")
        == f"Objectif 1{nb}: agir{nb}; vite{nb}? oui{nb}!"
    )
    assert french_spaces("« là »") == f"«{nb}là{nb}»"
    assert french_spaces("de 19 h 47 à 20 h, 1 h 30 et 45 min.") == (
        f"de 19{nb}h{nb}47 à 20{nb}h, 1{nb}h{nb}30 et 45{nb}min."
    )
    assert french_spaces("3 hommes, http://a.b/c?d=1") == "3 hommes, http://a.b/c?d=1"


@pytest.mark.slow  # a LibreOffice conversion (shared: `book`)
@WITH_LIBREOFFICE
def test_pdf_page_numbers_are_the_headings_not_the_heat_map_rows(book):
    # The themes' labels are rows of the heat map before they are headings: the contents must
    # give the page of each heading.
    _folder, _out, pages = book
    contents = next(page for page in pages if "Table des matières" in page)
    numbers = {}
    for line in contents.splitlines():
        for label in ("Leadership", "Logement abordable", "Jeunesse"):
            if line.startswith(label):
                numbers[label] = int(line.rsplit(".", 1)[-1].split()[-1])
    assert numbers["Leadership"] <= numbers["Logement abordable"] <= numbers["Jeunesse"]
    for label, page in numbers.items():
        assert label in pages[page - 1]


def test_contents_entries_link_to_their_headings(document):
    body = document.element.body
    marks = {b.get(qn("w:name")): b.getparent() for b in body.iter(qn("w:bookmarkStart"))}
    links = [
        h
        for p in document.paragraphs
        if p.style.name.startswith("toc")
        for h in p._p.iter(qn("w:hyperlink"))
    ]
    assert len(links) == len([p for p in document.paragraphs if p.style.name.startswith("toc")])
    for link in links:
        heading = marks[link.get(qn("w:anchor"))]
        title = "".join(t.text for t in link.iter(qn("w:t"))).split("\t")[0]
        assert plain("".join(t.text for t in heading.iter(qn("w:t")))) == plain(title)


def test_two_wide_parts_in_a_row_both_turn_and_the_rest_stays_portrait(tmp_path):
    from facilitation.synthesis.docx_writer import write_docx
    from facilitation.synthesis.elements import Cover, Heading, Landscape, Outline, Table, Text

    wide = Table([f"Colonne numéro {n}" for n in range(7)], [[f"valeur-{n}" for n in range(7)]])
    outline = Outline("fr", "T", "CRÉ")
    for element in (
        Cover("T", ["CRÉ"]),
        Heading(1, "Avant"),
        Text("Du texte."),
        Landscape(True),
        Heading(2, "Large 1"),
        wide,
        Landscape(False),
        Landscape(True),
        Heading(1, "Large 2"),
        wide,
        Landscape(False),
        Heading(1, "Après"),
        Text("Encore du texte."),
    ):
        outline.add(element)
    write_docx(outline, tmp_path / "s.docx")
    document = docx.Document(str(tmp_path / "s.docx"))
    orientations = []
    for width, elements in _sections(document):
        texts = ["".join(t.text for t in e.iter(qn("w:t"))) for e in elements]
        has_wide = any(e.tag == qn("w:tbl") for e in elements)
        orientations.append(("wide" if has_wide else "text", width > 9000))
        assert not has_wide or width > 9000, texts
    assert orientations[0] == ("text", False) and orientations[-1] == ("text", False)
    assert sum(1 for kind, turned in orientations if kind == "wide" and turned) >= 1
    tables = document.element.body.findall(qn("w:tbl"))
    assert len(tables) == 2
