"""CSV import (all or nothing, every bad row listed) and export (JSON, CSV round trip)."""

from __future__ import annotations

import json

import pytest

from facilitation.cli import main
from facilitation.errors import UserError, UserErrors
from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.importing import import_csv
from facilitation.store.sample import sample_script


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "src", "s.md") as ev:
        yield ev


def write(path, text, bom=True):
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_participants_french_excel(event, tmp_path):
    csv = write(
        tmp_path / "p.csv",
        "Nom;Organisme;Secteur d'activité;Rôle;Langue;Courriel\n"
        "Hélène Tremblay;CRÉ;Public;hôte;fr;h@x.ca\n"
        "Amina Benali;Centre multiethnique;Communautaire;participante;fr;\n",
    )
    assert import_csv(event, csv, "participants") == 2
    people = event.list_participants()
    assert [p.name for p in people] == ["Hélène Tremblay", "Amina Benali"]
    assert people[0].is_host and people[0].organisation == "CRÉ"
    assert people[0].sector == "Public" and people[0].language == "fr"
    assert people[0].extra == {"Courriel": "h@x.ca"}
    assert people[1].extra == {}


def test_participants_english_commas_no_bom(event, tmp_path):
    csv = write(tmp_path / "p.csv", "name,organization,role\nAna,City,host\nBob,,\n", bom=False)
    assert import_csv(event, csv, "participants") == 2
    assert [p.is_host for p in event.list_participants()] == [True, False]


def test_every_bad_row_is_listed_and_nothing_is_written(event, tmp_path):
    csv = write(
        tmp_path / "n.csv",
        "bloc;ronde;table;texte;étiquettes;auteur\n"
        "1;1;1;bon;leadership;Ana\n"
        "1;x;1;ronde pas un nombre;;Ana\n"
        "1;1;1;;;Ana\n"
        "9;1;1;bloc inexistant;;Ana\n"
        "1;1;2;étiquette inconnue;leadership|inconnue;Ana\n"
        "1;7;2;ronde inexistante;;Ana\n"
        "1;1;3;la même étiquette inconnue;leadership|inconnue;Bo\n",
    )
    with pytest.raises(UserErrors) as info:
        import_csv(event, csv, "notes")
    lines = [str(e) for e in info.value.errors]
    assert [e.line for e in info.value.errors] == [3, 4, 5, 6, 7, 8]
    assert "inconnue" in lines[5]  # the same tags cell again: said again
    assert lines[0].startswith(f"{csv}:3: round")
    assert "text" in lines[1]
    assert "block" in lines[2]
    assert "inconnue" in lines[3]
    assert "round" in lines[4]
    assert event.list_notes() == []


def test_notes_defaults_and_tags(event, tmp_path):
    csv = write(
        tmp_path / "n.csv",
        "ronde;table;texte;étiquettes;auteur\n"
        '1;2;"Sur deux\nlignes";Logement abordable | JEUNESSE;Ana\n'
        ";;Récolte en plénière;;Animatrice\n"
        "2;3;Avec virgules;leadership, youth;Bob\n"
        "2;4;Les mêmes étiquettes;Logement abordable | JEUNESSE;Bob\n",
    )
    assert import_csv(event, csv, "notes") == 4
    notes = event.list_notes()
    assert [(n.block, n.round, n.table, n.kind) for n in notes] == [
        (1, 1, 2, "table"),
        (1, None, None, "plenary"),
        (1, 2, 3, "table"),
        (1, 2, 4, "table"),
    ]
    assert notes[0].text == "Sur deux\nlignes"
    assert notes[0].tags == ["housing", "youth"]
    assert notes[2].tags == ["leadership", "youth"]
    assert notes[3].tags == ["housing", "youth"]
    assert notes[1].tags == []
    assert notes[0].origin == "import"


def test_open_space_kinds(event, tmp_path):
    write(tmp_path / "p.csv", "nom\nAna\nBob\n")
    import_csv(event, tmp_path / "p.csv", "participants")
    topics = write(
        tmp_path / "t.csv",
        "titre;porteur;description;créneau;espace\n"
        "Transport rural;Luc;Les autobus;1;Salle B\n"
        "Logement;Marie;;10:45-11:45;\n",
    )
    assert import_csv(event, topics, "topics") == 2
    got = event.list_topics()
    assert [(t.block, t.title, t.convener, t.slot, t.space) for t in got] == [
        (2, "Transport rural", "Luc", 0, 1),
        (2, "Logement", "Marie", 1, None),
    ]
    bad = write(tmp_path / "bad.csv", "titre;créneau\nX;5\nY;midi\n;1\n")
    with pytest.raises(UserErrors) as info:
        import_csv(event, bad, "topics")
    assert [e.line for e in info.value.errors] == [2, 3, 4]

    interests = write(
        tmp_path / "i.csv", "participant;sujet\nana;transport rural\nBob;Logement\nZoé;Logement\n"
    )
    with pytest.raises(UserErrors) as info:
        import_csv(event, interests, "interests")
    assert [e.line for e in info.value.errors] == [4]
    write(interests, "participant;sujet\nana;transport rural\nBob;Logement\n")
    assert import_csv(event, interests, "interests") == 2
    assert len(event.list_interests()) == 2

    votes = write(tmp_path / "v.csv", "sujet;votes\nLogement;12\nUne idée libre;3\n")
    assert import_csv(event, votes, "votes") == 2
    assert [(v.topic_id, v.proposal, v.count) for v in event.list_votes()] == [
        (got[1].id, None, 12),
        (None, "Une idée libre", 3),
    ]

    actions = write(
        tmp_path / "a.csv",
        "titre;responsable;partenaires;premier pas;échéance;sujet\n"
        "Comité logement;Marie;Ville, CLD;Réunion;2027-01-15;Logement\n",
    )
    assert import_csv(event, actions, "actions") == 1
    action = event.list_actions()[0]
    assert (action.title, action.lead, action.partners, action.first_step) == (
        "Comité logement",
        "Marie",
        "Ville, CLD",
        "Réunion",
    )
    assert action.topic_id == got[1].id and action.deadline == "2027-01-15"


def test_missing_required_column(event, tmp_path):
    csv = write(tmp_path / "n.csv", "bloc;ronde\n1;1\n")
    with pytest.raises(UserError, match="missing column: text \\(also accepted: texte, note"):
        import_csv(event, csv, "notes")
    set_language("fr")  # a French user reads the French name of the column first
    with pytest.raises(
        UserError, match="colonne manquante : texte \\(noms acceptés aussi : text, note"
    ):
        import_csv(event, csv, "notes")


def test_csv_round_trip(event, tmp_path):
    event.add_note(
        1,
        "Une note; avec « guillemets »\net 🎉",
        round=1,
        table=2,
        author="Ana",
        tags=["housing", "youth"],
    )
    event.add_note(1, "plénière", author="Anim")
    gone = event.add_note(1, "supprimée", round=1, table=1)
    event.delete_note(gone)
    edited = event.add_note(1, "v1", round=2, table=4, tags=["leadership"])
    event.edit_note(edited, "v2")
    out = tmp_path / "notes.csv"
    assert main(["export", str(event.path), "-o", str(out)]) == 0
    with Event.create(tmp_path / "copy.db", sample_script(), "src", "s.md") as copy:
        assert import_csv(copy, out, "notes") == 3

        def key(n):
            return (
                n.block,
                n.round,
                n.table,
                n.kind,
                n.author,
                n.tags,
                n.text,
            )

        assert [key(n) for n in copy.list_notes()] == [key(n) for n in event.list_notes()]
        assert [n.created_at for n in copy.list_notes()] == pytest.approx(
            [n.created_at for n in event.list_notes()], abs=1e-5
        )


def test_json_export_has_everything(event, tmp_path):
    person = event.add_participant("Ana", role="hôte")
    note = event.add_note(1, "v1", round=1, table=1, author="Ana")
    event.edit_note(note, "v2")
    topic = event.add_topic(2, "Logement", slot=0, space=1)
    event.save_report(topic, key_points="- un")
    event.add_votes(2, 3, topic_id=topic)
    event.add_interest(person, topic)
    event.add_action(2, "Comité", topic_id=topic)
    out = tmp_path / "all.json"
    assert main(["export", str(event.path), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "facilitation-event"
    assert data["event"]["title"] == "Forum régional 2026"
    assert data["script"]["blocks"][0]["format"] == "world-cafe"
    assert data["participants"][0]["role"] == "host"
    assert [r["text"] for r in data["notes"][0]["revisions"]] == ["v1", "v2"]
    assert data["topics"][0]["slot_label"] == "9:30-10:30"
    assert data["topics"][0]["space_label"] == "Salle B"
    assert data["reports"][0]["revisions"][0]["key_points"] == "- un"
    assert data["votes"][0]["count"] == 3
    assert data["interests"] == [{"participant_id": person, "topic_id": topic}]
    assert data["actions"][0]["title"] == "Comité"
    assert data["notes"][0]["created_at"].endswith("+00:00")
    for key in ("seating", "run_log", "timer", "drafts", "script_source"):
        assert key in data


def test_cli_import_lists_bad_rows(event, tmp_path, capsys):
    csv = write(tmp_path / "n.csv", "bloc;texte\nx;a\n1;\n1;ok\n")
    assert main(["import", str(event.path), str(csv), "--kind", "notes", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"{csv}:2:" in err and f"{csv}:3:" in err
    assert "nothing was imported" in err
    write(csv, "bloc;texte\n1;ok\n")
    assert main(["import", str(event.path), str(csv), "--kind", "notes", "--lang", "en"]) == 0
    assert "Imported 1 row" in capsys.readouterr().out


def test_cli_errors_are_messages(tmp_path, capsys):
    bogus = write(tmp_path / "x.db", "not a database")
    csv = write(tmp_path / "n.csv", "texte\nok\n")
    assert main(["import", str(bogus), str(csv), "--kind", "notes", "--lang", "en"]) == 1
    assert "not an event file" in capsys.readouterr().err
    assert main(["export", str(bogus), "-o", str(tmp_path / "o.txt"), "--lang", "en"]) == 1
    assert ".json or .csv" in capsys.readouterr().err
