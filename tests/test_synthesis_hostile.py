"""Any text users type or paste: the synthesis stays a valid document that says it."""

from __future__ import annotations

import docx

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.synthesis import write_synthesis
from facilitation.synthesis.markdown_runs import paragraphs
from facilitation.synthesis.sanitise import clean_text

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

HOSTILE = [
    "Contrôle\x00\x01\x08\x0b\x0c\x1f\x7f fin",
    "Surrogate seul \ud83d ici",
    "עברית: שלום עולם",
    "العربية: مرحبا بالعالم",
    "Emoji 🎉👩🏽‍🌾 et drapeaux 🇨🇦",
    "<w:p>pas du XML</w:p> & &amp; \"guillemets\" 'apostrophes'",
    "**gras non fermé et _italique [lien](javascript:alert(1))",
    "\ttabulation\r\nretour Windows\rvieux Mac",
]


def test_hostile_texts_are_kept_and_the_document_opens(tmp_path):
    big = ("Une très longue note collée depuis un courriel. " * 2200)[:100_000]
    with Event.create(tmp_path / "h.db", sample_script(), "", "s.md") as event:
        for index, text in enumerate(HOSTILE):
            event.add_note(1, text, round=1, table=1 + index % 3, author="Écrivain 🖊")
        event.add_note(1, big, round=2, table=1)
        topic = event.add_topic(2, "Sujet \x02 étrange 🧪", convener="שלום")
        event.save_report(topic, key_points="\x00" + HOSTILE[3])
        event.set_votes(2, 3, topic_id=topic)
        event.add_participant("Ана \u202eRTL\u202c", "Org | pipe", "Secteur")
        docx_out = write_synthesis(event, tmp_path / "h.docx")
        md_out = write_synthesis(event, tmp_path / "h.md")
    document = docx.Document(str(docx_out))
    texts = [p.text for p in document.paragraphs]
    assert "Contrôle fin" in texts
    assert "Surrogate seul \ufffd ici" in texts
    assert "עברית: שלום עולם" in texts
    assert "Emoji 🎉👩🏽‍🌾 et drapeaux 🇨🇦" in texts
    assert "<w:p>pas du XML</w:p> & & \"guillemets\" 'apostrophes'" in texts
    assert sum(len(t) for t in texts if t.startswith("Une très longue note")) >= 2 * 99_000
    rtl = next(p for p in document.paragraphs if p.text.startswith("العربية"))
    assert (
        rtl._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
        is not None
    )
    links = document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink"
    )
    external = [link for link in links if link.get(R_ID)]  # the contents link to headings
    assert not external, "a javascript: link is not made clickable"
    markdown = md_out.read_text(encoding="utf-8")
    assert "\x00" not in markdown and "\ud83d" not in markdown
    assert "Emoji 🎉👩🏽‍🌾 et drapeaux 🇨🇦" in markdown


def test_clean_text():
    assert clean_text("a\x00b\r\nc\rd\ufffe") == "ab\nc\nd"
    assert clean_text("x\udc80y") == "x\ufffdy"
    assert clean_text(None) == ""


def test_markdown_runs():
    paras = paragraphs("Un **gras**, un *italique*, du `code` et [un lien](https://example.org).")
    assert len(paras) == 1
    runs = paras[0].runs
    assert [r.text for r in runs if r.bold] == ["gras"]
    assert [r.text for r in runs if r.italic] == ["italique"]
    assert [r.text for r in runs if r.code] == ["code"]
    assert [(r.text, r.href) for r in runs if r.href] == [("un lien", "https://example.org")]
    items = paragraphs("- un\n- deux\n  - deux a\n1. premier")
    assert [(p.kind, p.depth, p.text) for p in items] == [
        ("bullet", 0, "un"),
        ("bullet", 0, "deux"),
        ("bullet", 1, "deux a"),
        ("number", 0, "premier"),
    ]
    plain = paragraphs("Première ligne\nseconde ligne\n\nAutre paragraphe")
    assert [p.text for p in plain] == ["Première ligne\nseconde ligne", "Autre paragraphe"]
    assert paragraphs("   ") == []
