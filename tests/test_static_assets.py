"""A county intranet may have no internet: every script and stylesheet is served by the portal itself."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = re.compile(r"""<(script|link)[^>]+(src|href)=["'](https?:)?//""", re.I)


def test_templates_load_no_asset_from_another_host():
    templates = [p for p in ROOT.rglob("templates/**/*.html") if ".venv" not in p.parts]
    assert templates
    offenders = [str(p.relative_to(ROOT)) for p in templates if EXTERNAL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_htmx_is_self_hosted(client):
    response = client.get("/static/js/htmx.min.js")
    assert response.status_code == 200
