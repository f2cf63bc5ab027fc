"""The theme's templates compiled once a build (wartadesa/compiled_templates.py): every
generator's Jinja environment, and every writing process, uses the same compiled code; a
mistake in a template is one line naming its file and line (wartadesa/template_errors.py)."""

import shutil
from collections import Counter

import jinja2
import pytest

from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed

_made = [0]  # content objects made so far in this process (a forked one: until its fork)


def _count_made(_instance) -> None:
    _made[0] += 1


@pytest.fixture
def compilations(tmp_path, monkeypatch):
    """Every template Jinja compiles, in any process of the build, as (process, name);
    `compilations(made=True)`: as (process, name, content objects made in that process when
    it compiled it: in a forked process, those made before its fork)."""
    from pelican.plugins import signals

    record = tmp_path / "compiled.txt"
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, *args, **kwargs):
        import os

        if name is not None:  # a template from a file (not one made from a string)
            with open(record, "a", encoding="utf-8") as handle:  # one line: whole
                handle.write(f"{os.getpid()} {_made[0]} {name}\n")
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    _made[0] = 0
    signals.content_object_init.connect(_count_made)

    def read(made=False):
        lines = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
        found = [line.split(" ", 2) for line in lines]
        if made:
            return [(process, name, int(count)) for process, count, name in found]
        return [(process, name) for process, _count, name in found]

    yield read
    signals.content_object_init.disconnect(_count_made)


def test_each_template_is_compiled_once_a_build_by_all_its_processes(tmp_path, compilations):
    build_site(tmp_path / "output", BUILD_WORKERS=2)
    compiled = compilations()
    counts = Counter(name for _process, name in compiled)
    assert {"base.html", "article.html", "partials/article_card.html"} <= set(counts)
    assert [name for name, count in counts.items() if count > 1] == []
    # Compiled aside, not by the processes that write the pages.
    assert len({process for process, _name in compiled}) == 1


def test_the_theme_is_compiled_while_the_build_reads(tmp_path, compilations):
    """The forked process that compiles the theme is made before any article is: it works
    while the build reads, not while the checks keep both cores busy."""
    build_site(tmp_path / "output", BUILD_WORKERS=2)
    compiled = compilations(made=True)
    assert {"base.html", "article.html"} <= {name for _process, name, _made in compiled}
    assert {made for _process, _name, made in compiled} == {0}
    assert _made[0] > 0  # the build did make content objects (in this process)


def test_a_serial_build_compiles_each_template_once_too(tmp_path, compilations):
    build_site(tmp_path / "output", BUILD_WORKERS=1)
    counts = Counter(name for _process, name in compilations())
    assert "base.html" in counts
    assert [name for name, count in counts.items() if count > 1] == []


def _site_with_template(tmp_path, name, text):
    content = tmp_path / "site" / "content"
    shutil.copytree(SAMPLE / "content", content)
    template = tmp_path / "site" / "overrides" / "templates" / name
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(text, encoding="utf-8")
    return content


def test_a_broken_template_no_page_uses_does_not_stop_the_build(tmp_path):
    content = _site_with_template(tmp_path, "catatan.html", "{% for x in %}\n")
    site = build_site(tmp_path / "output", content=content, BUILD_WORKERS=2)
    assert (site.output / "index.html").is_file()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_broken_template_a_page_uses_stops_the_build_with_its_file_and_line(tmp_path, workers):
    content = _site_with_template(tmp_path, "partials/footer.html", "{% if %}rusak\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, BUILD_WORKERS=workers)
    [problem] = failed.value.problems
    # The file and line, what is wrong, and how to fix it: not a traceback.
    assert problem.startswith(f"{content.parent / 'overrides/templates/partials/footer.html'}:1: ")
    assert "templat tidak bisa dibaca" in problem and "Expected an expression" in problem
    assert "hapus berkas itu dari overrides/templates/" in problem
    assert "Traceback" not in problem and "\n" not in problem
    assert not (tmp_path / "output").exists()


def test_a_template_mistake_on_a_later_line_names_that_line(tmp_path):
    text = "<footer>\n  <p>Desa kami</p>\n  {% for link in %}\n</footer>\n"
    content = _site_with_template(tmp_path, "partials/footer.html", text)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    [problem] = failed.value.problems
    assert problem.startswith(f"{content.parent / 'overrides/templates/partials/footer.html'}:3: ")


FOOTER = "overrides/templates/partials/footer.html"


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(
    "text, line, words",
    [
        (
            "<footer>\n{{ SITE.name }}\n</footer>\n",
            2,
            [
                "nilai tidak dikenal di templat (undefined value): 'SITE' is undefined",
                # a copy of an older kit's template may use what the kit no longer gives
                "bila berkas ini salinan templat kit yang lebih lama, nilai yang diterimanya "
                "mungkin sudah berubah: bandingkan dengan theme/templates/partials/footer.html",
            ],
        ),
        (
            "<footer>\n\n{% include 'partials/kontak.html' %}\n</footer>\n",
            3,
            ["templat 'partials/kontak.html' tidak ditemukan", "{% include %}"],  # no kit copy
        ),
        (
            "<footer>{{ SITENAME + 1 }}</footer>\n",
            1,
            ["templat gagal dipakai (template error): TypeError:"],
        ),
    ],
)
def test_a_template_mistake_found_when_rendering_names_its_file_and_line(
    tmp_path, workers, text, line, words
):
    """Mistakes Jinja finds only when a page is rendered: the template's file and line from
    its traceback, what is wrong, how to fix it; not a Python error in English, not a
    folder's permissions (a missing include is an OSError to Python)."""
    content = _site_with_template(tmp_path, "partials/footer.html", text)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, BUILD_WORKERS=workers)
    [problem] = failed.value.problems
    assert problem.startswith(f"{content.parent / FOOTER}:{line}: "), problem
    for word in [*words, "hapus berkas itu dari overrides/templates/"]:
        assert word in problem, problem
    assert "chmod" not in problem and "build gagal" not in problem
    assert not (tmp_path / "output").exists()


def test_a_template_not_saved_as_utf8_is_named(tmp_path):
    content = _site_with_template(tmp_path, "partials/footer.html", "")
    (content.parent / FOOTER).write_bytes("<footer>Desa kami</footer>\n".encode("utf-16"))
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, BUILD_WORKERS=1)
    [problem] = failed.value.problems
    assert problem.startswith(f"{content.parent / FOOTER}:1: templat bukan teks UTF-8"), problem
    assert "simpan berkas itu sebagai UTF-8" in problem
