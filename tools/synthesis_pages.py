"""Render the book of proceedings of the CRÉ example and refresh the README's page images.

    .venv/bin/python tools/synthesis_pages.py            # writes docs/images/synthese-*.png
    .venv/bin/python tools/synthesis_pages.py --keep OUT  # also keeps OUT/synthese.pdf|.docx

Builds the event from sessions/cre-capitale-nationale-2010-cafe-et-forum.md with the example
participants and notes, adds Open Space topics, reports, votes, actions and a tablecloth photo,
writes the PDF through LibreOffice, and turns chosen pages into PNG with `pdftoppm`. The
pages are found by a heading they hold, so the images follow the document when it changes.
Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# image name -> a line the page holds (the first page holding it is taken)
PAGES = {
    "synthese-page-titre": "Synthèse des travaux",
    "synthese-en-bref": "Ce qui est revenu le plus",
    "synthese-ronde": "Ce qui est revenu à plusieurs tables",
    "synthese-votes": "Votes par sujet",
    "synthese-plan-action": "Premier pas",
    "synthese-themes": "Thèmes transversaux",
}
TOPICS = [
    "Un guichet unique pour les nouveaux arrivants",
    "Jumelage interculturel en entreprise",
    "Reconnaissance des acquis",
    "Campagne régionale de sensibilisation",
    "Mentorat pour entrepreneurs immigrants",
    "Accueil en région",
    "Logement abordable",
    "Francisation en milieu de travail",
]


def build(folder: Path) -> Path:
    from PIL import Image, ImageDraw

    from facilitation.cli import main
    from facilitation.store import Event
    from facilitation.store.photos import add_photo

    event_path = folder / "cafe.db"
    sessions = ROOT / "sessions"
    script = sessions / "cre-capitale-nationale-2010-cafe-et-forum.md"
    for args in (
        ["new", str(script), "--event", str(event_path)],
        [
            "import",
            str(event_path),
            str(sessions / "participants-exemple.csv"),
            "--kind",
            "participants",
        ],
        ["import", str(event_path), str(sessions / "notes-exemple.csv"), "--kind", "notes"],
    ):
        if main(args) != 0:
            raise SystemExit(f"failed: facilitation {' '.join(args)}")
    with Event.open(event_path) as event:
        block = next(b for b in event.script.blocks if b.is_open_space)
        ids = []
        for index, title in enumerate(TOPICS):
            space = index if index < len(block.spaces) else None
            ids.append(
                event.add_topic(block.number, title, convener="Sophie Lavoie", slot=0, space=space)
            )
        for topic in ids[:3]:
            event.save_report(
                topic,
                key_points="- des services **dispersés** d'une MRC à l'autre\n- peu de suivi",
                recommendations="Un point d'entrée unique par MRC",
                next_steps="Réunir les partenaires en juin",
            )
        for index, topic in enumerate(ids):
            event.set_votes(block.number, 21 - 2 * index, topic_id=topic)
        event.add_action(
            block.number, "Cartographier les services d'accueil", topic_id=ids[0], lead="CRÉ",
            partners="MICC, SOIT", first_step="Inventaire", deadline="septembre 2010",
        )  # fmt: skip
        event.add_action(
            block.number, "Lancer la campagne de sensibilisation", topic_id=ids[3],
            lead="Ville de Québec", partners="CRÉ", first_step="Appel d'offres",
            deadline="janvier 2011",
        )  # fmt: skip
        cloth = Image.new("RGB", (1600, 1100), (250, 247, 238))
        draw = ImageDraw.Draw(cloth)
        for line in range(11):
            draw.line((120, 110 + 85 * line, 1480, 150 + 85 * line), fill=(46, 94, 140), width=9)
        data = io.BytesIO()
        cloth.save(data, "JPEG")
        add_photo(event, data.getvalue(), block=1, round=1, table=1)
    return event_path


def _holds(page: str, line: str) -> bool:
    """Whether a line of `page` starts with `line` (the contents' lines end with dots)."""
    return any(
        row.strip().startswith(line) and "...." not in row
        for row in page.replace("\xa0", " ").splitlines()
    )


def main() -> int:
    from facilitation.store import Event
    from facilitation.synthesis import write_synthesis

    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="a folder to keep the PDF and .docx in")
    parser.add_argument("--images", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Event.open(build(folder)) as event:
            pdf = write_synthesis(event, folder / "synthese.pdf")
            docx = write_synthesis(event, folder / "synthese.docx", page_numbers=True)
        texts = (
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
            .stdout.decode("utf-8")
            .split("\f")
        )
        for name, line in PAGES.items():
            page = next(i for i, text in enumerate(texts, 1) if _holds(text, line))
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                 "-singlefile", str(pdf), str(args.images / name)],
                check=True,
            )  # fmt: skip
            print(f"{name}.png: page {page}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(pdf, args.keep)
            shutil.copy(docx, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
