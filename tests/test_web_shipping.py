"""What the phones' server ships and how it is reached: assets in the wheel, HTTPS on request."""

from __future__ import annotations

import asyncio
import importlib
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

import aiohttp
import pytest
from web_support import make_event

from facilitation.commands.serve import server_ssl_context
from facilitation.errors import UserError
from facilitation.web.db import Db
from facilitation.web.server import start

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_ships_templates_styles_scripts_and_the_french_catalogue(tmp_path, monkeypatch):
    # The wheel of the project's build backend (pyproject.toml), built through the PEP 517 hook
    # that pip and `python -m build` call, here in this process instead of two new ones.
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    monkeypatch.chdir(ROOT)
    wheel = importlib.import_module(backend["build-backend"]).build_wheel(str(tmp_path))
    names = set(zipfile.ZipFile(tmp_path / wheel).namelist())
    assert wheel.startswith("facilitation-")
    for shipped in (
        "facilitation/web/templates/table.html",
        "facilitation/web/templates/room.html",
        "facilitation/web/templates/report.html",
        "facilitation/web/static/app.css",
        "facilitation/web/static/app.js",
        "facilitation/i18n/locale/fr/LC_MESSAGES/web.mo",
    ):
        assert shipped in names, shipped


def test_pages_ask_for_nothing_outside_the_server():
    """No address of another site in a template, style or script (fonts, CDNs...)."""
    web = ROOT / "facilitation" / "web"
    for asset in [*web.glob("templates/*.html"), *web.glob("static/*")]:
        text = asset.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//" + "cdn" not in text, asset


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl to make a certificate")
def test_https_with_a_certificate_and_a_secure_cookie(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        # An elliptic-curve key: made at once, where an RSA one takes openssl most of a second.
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    with pytest.raises(UserError):
        server_ssl_context(str(key), str(key))  # a key is not a certificate
    context = server_ssl_context(str(cert), str(key))
    path, codes = make_event(tmp_path)

    async def scenario() -> tuple[int, str]:
        db = Db(path)
        runner, _cap = await start(db, "127.0.0.1", 0, "fr", context)
        base = f"https://127.0.0.1:{runner.addresses[0][1]}"
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.post(
                    base + "/join",
                    data={"code": codes.tables[1]},
                    headers={"Origin": base},
                    ssl=False,
                    allow_redirects=False,
                ) as response,
            ):
                return response.status, response.headers["Set-Cookie"]
        finally:
            await runner.cleanup()
            db.close()

    status, cookie = asyncio.run(scenario())
    assert status == 303 and "Secure" in cookie
