"""`invoke edit`: the editor on the live preview of a project copy."""

import subprocess
import sys

from bs4 import BeautifulSoup

from tests.sitetools import project_copy
from tests.test_tasks import fetch, free_port


def test_invoke_edit_serves_the_editor_beside_the_live_preview(tmp_path):
    project = project_copy(tmp_path / "situs")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "edit", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        admin = BeautifulSoup(fetch(base + "/admin/", timeout=90), "html.parser")
        assert "config.yml" in fetch(base + "/admin/", timeout=5)
        assert fetch(base + "/admin/config.yml").startswith("# Dibuat otomatis")
        assert "Warta Desa" in fetch(base + "/")
        # livereload adds its inline script to every page it serves; the editor's own
        # policy has no hash for it, so a rebuild after a save never reloads the editor.
        policy = admin.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert (
            "sha256-" not in policy
            and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        )
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/admin/" in output
    assert "Work with Local Repository" in output
