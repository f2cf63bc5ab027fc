"""Search (plugin search): the Pagefind index of a real build, the search page `cari/` in
the system Chromium, its Content-Security-Policy, and what the other pages do not load."""

import gzip
import json
import shutil
from datetime import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import PRODUCTION_URL, serve_folder
from search.indexer import INDEX_FOLDER, UNUSED_FILES, IndexFailed, index_site
from search.page import allow_wasm, filter_values, pagefind_address
from tests.quality.test_accessibility import describe_violations, run_axe
from tests.sitetools import (
    SAMPLE,
    SAMPLE_BUILD_EPOCH,
    build_site,
    environ,
    settings_path,
    settled_names,
    text_of,
)
from wartadesa.build import BuildFailed
from wartadesa.defaults import CONTENT_SECURITY_POLICY

WASM = "'wasm-unsafe-eval'"


def article(folder, name, title, date, village, category, body, status=None, tags=()):
    lines = ["---", f"judul: {title}", f"slug: {name}", f"tanggal: {date}", f"kategori: {category}"]
    if village:
        lines.append(f"desa: {village}")
    if tags:
        lines.append(f"label: [{', '.join(tags)}]")
    if status:
        lines.append(f"status: {status}")
    (folder / f"{name}.md").write_text("\n".join(lines + ["---", "", body, ""]), encoding="utf-8")


def search_content(folder):
    """The sample site's identity and villages, and articles written for search."""
    folder.mkdir()
    for name in ("situs.yml", "desa.yml"):
        shutil.copy(SAMPLE / "content" / name, folder / name)
    news = folder / "berita"
    news.mkdir()
    pages = folder / "pages"
    pages.mkdir()
    article(
        news,
        "jembatan",
        "Pembangunan Jembatan Dusun Krajan Dimulai",
        "2024-03-04",
        "Binangun",
        "Pembangunan",
        "Pembangunan jembatan dusun dimulai pekan ini. Warga ikut membangun pondasi; "
        "pembangunan ditargetkan selesai sebelum musim hujan.",
        tags=["infrastruktur"],
    )
    article(
        news,
        "posyandu",
        "Posyandu Lansia Saringembat Layani 60 Warga",
        "2023-08-10",
        "Saringembat",
        "Kesehatan",
        "Posyandu lansia di balai desa memeriksa tekanan darah dan gula darah warga.",
    )
    for number in range(12):
        article(
            news,
            f"kerja-bakti-{number}",
            f"Kerja Bakti Gotong Royong Pekan {number + 1}",
            f"2022-0{1 + number % 9}-1{number % 9}",
            "Binangun" if number % 2 else "Saringembat",
            "Kemasyarakatan",
            f"Warga bergotong royong membersihkan saluran air, pekan ke-{number + 1}.",
        )
    article(
        news,
        "rahasia",
        "Rencana Anggaran Rahasiadraf",
        "2024-05-01",
        "Binangun",
        "Pemerintahan",
        "Rahasiadraf: rencana pembangunan yang belum terbit.",
        status="draft",
    )
    (pages / "tersembunyi.md").write_text(
        "---\njudul: Halaman Sembunyiwarga\nslug: tersembunyi\nstatus: hidden\n---\n\nSembunyiwarga tidak dicari.\n",
        encoding="utf-8",
    )
    (pages / "tentang.md").write_text(
        "---\njudul: Tentang Situs\nslug: tentang\n---\n\nKabar desa dan posyandu.\n",
        encoding="utf-8",
    )
    officials = folder / "data" / "desa" / "bengkel" / "aparatur.yml"  # no article of Bengkel
    officials.parent.mkdir(parents=True)
    officials.write_text(
        "pemerintah_desa:\n  - nama: I Made Wirata\n    jabatan: Perbekel\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("search")
    return build_site(base / "output", content=search_content(base / "content"))


@pytest.fixture(scope="module")
def served_search_site(search_site):
    with serve_folder(search_site.output) as base_url:
        yield base_url


def csp_of(path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    tag = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return tag["content"] if tag else None


# --- The build ------------------------------------------------------------------------


def test_the_build_writes_the_index_without_pagefinds_ready_made_interfaces(search_site):
    bundle = search_site.output / INDEX_FOLDER
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "wasm.id.pagefind").is_file()  # the Indonesian stemmer
    assert list((bundle / "fragment").iterdir())
    assert [name for name in UNUSED_FILES if (bundle / name).exists()] == []


def test_only_published_articles_and_pages_are_marked_for_the_index(search_site):
    out = search_site.output
    marked = sorted(
        str(p.relative_to(out))
        for p in out.rglob("*.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    )
    assert "tentang/index.html" in marked
    assert "berita/2024/03/jembatan/index.html" in marked
    assert not any(name.startswith(("draf/", "tersembunyi/", "cari/")) for name in marked)
    assert not any("rahasia" in name for name in marked)
    assert (out / "draf" / "rahasia" / "index.html").is_file()  # the preview has the draft
    assert (out / "tersembunyi" / "index.html").is_file()
    assert len(marked) == 16  # 14 articles, one page and the officials of Bengkel
    assert "desa/bengkel/aparatur/index.html" in marked


def test_the_search_page_alone_allows_webassembly(search_site, published_site):
    for site in (search_site, published_site):
        assert WASM in csp_of(site.output / "cari" / "index.html")
        # (the web editor's page admin/ has its own policy: plugins/editor/tests)
        others = [
            p
            for p in site.html_files()
            if not p.is_relative_to(site.output / "cari") and csp_of(p) is not None
        ]
        assert len(others) > 10
        assert {csp_of(p) for p in others} == {CONTENT_SECURITY_POLICY}


def test_allow_wasm_adds_only_that_source():
    assert allow_wasm("default-src 'self'; script-src 'self'") == (
        f"default-src 'self'; script-src 'self' {WASM}"
    )
    assert allow_wasm("default-src 'self' https://a.example") == (
        f"default-src 'self' https://a.example; script-src 'self' https://a.example {WASM}"
    )
    assert allow_wasm(f"script-src 'self' {WASM}").count(WASM) == 1


def test_the_live_preview_search_page_allows_both_livereload_and_webassembly():
    from wartadesa.preview import policy_with_live_reload, script_hash

    policy = allow_wasm(policy_with_live_reload(CONTENT_SECURITY_POLICY))
    script_src = next(p.split() for p in policy.split("; ") if p.startswith("script-src"))
    assert script_src == ["script-src", "'self'", script_hash(), WASM]


def test_pagefind_is_found_from_the_search_page_in_preview_and_production(published_site):
    assert pagefind_address("cari/index.html") == "../pagefind/pagefind.js"
    assert pagefind_address("search.html") == "pagefind/pagefind.js"
    page = published_site.output / "cari" / "index.html"
    form = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id="cari")
    assert form["data-pagefind"] == "../pagefind/pagefind.js"
    assert form["action"] == f"{PRODUCTION_URL}/cari/"
    assert (published_site.output / "pagefind" / "pagefind.js").is_file()


def test_a_failed_index_publishes_nothing(tmp_path, monkeypatch):
    import search.indexer as indexer

    output = tmp_path / "output"
    output.mkdir()
    monkeypatch.setattr(indexer, "command", lambda pages, index, settings: ["false"])
    with pytest.raises(BuildFailed) as failed:
        build_site(output)
    assert failed.value.problems[0].startswith("indeks pencarian: Pagefind gagal (kode 1)")
    assert list(output.iterdir()) == []
    # No temporary folder left, once the background removal of the index's work folder
    # (output_folder.discard) is done: under load it could still be running here.
    assert settled_names(tmp_path) == ["output"]


def test_a_missing_binary_is_one_clear_message(tmp_path, monkeypatch):
    import search.indexer as indexer

    monkeypatch.setattr(indexer, "pagefind_binary", lambda: str(tmp_path / "tidak-ada"))
    (tmp_path / "index.html").write_text(
        '<article class="post" data-pagefind-body>x</article>', encoding="utf-8"
    )
    with pytest.raises(
        IndexFailed, match="Pagefind tidak bisa dijalankan .* pip install -r requirements.txt"
    ):
        index_site(tmp_path, {"PLUGINS": ["search"]})
    index_site(tmp_path, {"PLUGINS": []})  # without the plugin: no index, no error


def test_a_site_with_nothing_published_builds_without_an_index(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    # no situs.yml: its menu links pages (tentang/) this site does not have
    shutil.copy(SAMPLE / "content" / "desa.yml", content / "desa.yml")
    (content / "berita").mkdir()
    article(
        content / "berita",
        "draf",
        "Masih Draf",
        "2024-05-01",
        "Binangun",
        "Pemerintahan",
        "Belum terbit.",
        status="draft",
    )
    site = build_site(tmp_path / "output", content=content)
    assert (site.output / "draf" / "draf" / "index.html").is_file()
    assert (site.output / "cari" / "index.html").is_file()
    assert not (site.output / INDEX_FOLDER).exists()


# --- In the browser -------------------------------------------------------------------


def open_search(page_factory, base, query, width=390, height=844, **options):
    page = page_factory(width, height, **options)
    page.csp_messages = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_messages.append(m.text),
    )
    page.goto(f"{base}/cari/?{query}")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    return page


def titles(page):
    return [t.replace("\xa0", " ") for t in page.locator(".hit__title").all_inner_texts()]


def assert_clean(page):
    assert page.console_errors == []
    assert page.csp_messages == []
    assert page.failed_requests == []
    assert page.external_requests == []


@pytest.mark.browser
def test_a_stemmed_query_finds_the_article_first(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=membangun")
    assert titles(page)[0] == "Pembangunan Jembatan Dusun Krajan Dimulai"
    first = page.locator(".hit").first
    assert "Senin, 4 Maret 2024" in first.locator(".meta").inner_text()
    assert "Binangun" in first.locator(".meta").inner_text()
    assert first.locator(".hit__text mark").count() >= 1
    link = first.locator("a").get_attribute("href")
    assert link == "/berita/2024/03/jembatan/"
    assert page.locator("#cari-tanpa-js").is_hidden()
    assert page.input_value("#cari-q") == "membangun"
    assert_clean(page)
    root = open_search(page_factory, served_search_site, "q=bangun")
    assert "Pembangunan Jembatan Dusun Krajan Dimulai" in titles(root)


@pytest.mark.browser
def test_a_village_filter_narrows_the_results(page_factory, served_search_site):
    everyone = open_search(page_factory, served_search_site, "q=gotong+royong")
    assert everyone.locator("#cari-status").inner_text().startswith("12 hasil")
    binangun = open_search(page_factory, served_search_site, "q=gotong+royong&desa=Desa+Binangun")
    assert binangun.locator("#cari-status").inner_text().startswith("6 hasil")
    metas = binangun.locator(".hit .meta").all_inner_texts()
    assert metas and all("Binangun" in meta for meta in metas)
    assert binangun.input_value("select[name=desa]") == "Desa Binangun"
    assert_clean(binangun)


@pytest.mark.browser
def test_a_search_by_filters_alone_lists_the_newest_first(
    page_factory, served_search_site, search_site
):
    """Without a word there is no relevance to rank by: the items of the chosen village
    come newest first, as on its page (each result's date read from its built page)."""
    page = open_search(page_factory, served_search_site, "desa=Desa+Binangun")
    links = page.locator(".hit__title a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) > 3
    dates = []
    for link in links:
        path = link.split("/", 3)[3]
        soup = BeautifulSoup(
            (search_site.output / path / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        dates.append(datetime.fromisoformat(soup.select_one("article time")["datetime"]))
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    assert_clean(page)
    # A word keeps Pagefind's own order (relevance), as before.
    worded = open_search(page_factory, served_search_site, "q=membangun&desa=Desa+Binangun")
    assert titles(worded)[0] == "Pembangunan Jembatan Dusun Krajan Dimulai"


@pytest.mark.browser
def test_a_village_filter_alone_finds_its_data_pages(page_factory, served_search_site):
    """Bengkel has no article, only its officials' page: the search page offers the village
    (its data page carries the filter), and choosing it alone finds that page. A search by
    filters alone is sorted by date, which left out every page without one."""
    page = open_search(page_factory, served_search_site, "desa=Desa+Bengkel")
    assert "Desa Bengkel" in page.locator("select[name=desa] option").all_inner_texts()
    assert titles(page) == ["Aparatur Desa Bengkel"]
    assert_clean(page)
    worded = open_search(page_factory, served_search_site, "q=perbekel&desa=Desa+Bengkel")
    assert titles(worded) == ["Aparatur Desa Bengkel"]


@pytest.mark.browser
def test_results_are_paged(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=gotong+royong")
    assert page.locator(".hit").count() == 10
    assert "halaman 1 dari 2" in page.locator("#cari-status").inner_text()
    page.click("#cari-halaman a[rel=next]")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert "hal=2" in page.url
    assert page.locator(".hit").count() == 2


@pytest.mark.browser
def test_filters_by_year_and_category(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=posyandu&tahun=2023")
    assert titles(page) == ["Posyandu Lansia Saringembat Layani 60 Warga"]
    options = page.locator("select[name=kategori] option").all_inner_texts()
    assert "Kesehatan" in options and "Pembangunan" in options
    years = page.locator("select[name=tahun] option").all_inner_texts()
    assert years[1:] == ["2024", "2023", "2022"]  # newest first; drafts are not counted


@pytest.mark.browser
def test_the_page_loads_nothing_of_pagefind_before_a_search(page_factory, served_search_site):
    page = page_factory(390, 844)
    page.csp_messages, requests = [], []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_messages.append(m.text),
    )
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_search_site}/cari/")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "pagefind" in url] == []
    assert page.locator("#cari-saring").is_visible()
    assert page.locator("#cari-tanpa-js").is_hidden()
    villages = page.locator("select[name=desa] option").all_inner_texts()
    assert villages[0] == "Semua desa" and "Desa Binangun" in villages
    # Choosing a village is the search: the page asks the index then.
    page.select_option("select[name=desa]", "Desa Binangun")
    page.wait_for_url("**desa=Desa+Binangun**")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    metas = page.locator(".hit .meta").all_inner_texts()
    assert metas and all("Binangun" in meta for meta in metas)
    assert page.input_value("select[name=desa]") == "Desa Binangun"
    assert [url for url in requests if url.endswith("/pagefind/pagefind.js")]
    assert_clean(page)


@pytest.mark.browser
def test_the_filter_lists_hold_exactly_the_values_of_the_index(page_factory, served_sample_site):
    """The lists are made by the build (plugins/search/page.py), the index's filters by
    Pagefind from the pages: the same values, for articles, notices, events and albums."""
    page = page_factory(1280, 800)
    page.goto(f"{served_sample_site}/cari/")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    shown = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("#cari select")].map(
            s => [s.name, [...s.options].slice(1).map(o => o.value)]))"""
    )
    index = page.evaluate(
        """async () => {
            const form = document.getElementById("cari");
            const pagefind = await import(new URL(form.dataset.pagefind, location));
            const filters = await pagefind.filters();
            return Object.fromEntries(["desa", "kategori", "tahun"].map(
                name => [name, Object.keys(filters[name] || {})]));
        }"""
    )
    for name in ("desa", "kategori", "tahun"):
        assert sorted(shown[name]) == sorted(index[name]), name
    assert {"Pengumuman", "Agenda", "Galeri"} <= set(shown["kategori"])
    assert shown["tahun"] == sorted(shown["tahun"], reverse=True)
    assert shown["desa"] == sorted(shown["desa"], key=str.casefold)


def test_filter_values_count_translations_and_published_items_only():
    def item(year, category, villages=(), status="published", translations=()):
        return SimpleNamespace(
            date=datetime(year, 5, 1),
            category=category,
            villages=[SimpleNamespace(title=title) for title in villages],
            status=status,
            translations=list(translations),
        )

    english = item(2025, "News", ["Desa <em>Ubud</em>"])
    context = {
        "articles": [
            item(2024, "Pembangunan", ["Desa Binangun"], translations=[english]),
            item(2019, "Rahasia", ["Desa Draf"], status="draft"),
        ],
        "notices": [item(2023, "ignored", ["Desa  Antap"])],
        "events": [item(2022, "ignored")],
        "albums": [item(2024, "ignored", ["desa Binangun"])],
    }
    assert filter_values(context) == {
        "desa": ["Desa Antap", "Desa Binangun", "desa Binangun", "Desa Ubud"],
        "kategori": ["Agenda", "Galeri", "News", "Pembangunan", "Pengumuman"],
        "tahun": ["2025", "2024", "2023", "2022"],
    }


@pytest.mark.browser
def test_a_link_with_a_filter_value_no_longer_listed_says_nothing_matched(
    page_factory, served_search_site
):
    page = open_search(page_factory, served_search_site, "desa=Desa+Lama")
    assert page.locator("#cari-kosong").is_visible()
    # The value is named: the list shows "Semua desa", the message why nothing matched.
    assert page.locator("#cari-kata").inner_text() == "saringan Desa Lama"
    assert page.locator("#cari-saran-saring").is_visible()
    assert page.input_value("select[name=desa]") == ""
    assert_clean(page)


@pytest.mark.browser
def test_a_page_is_found_without_a_date_line(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=kabar")
    assert titles(page) == ["Tentang Situs"]
    assert page.locator(".hit .meta").count() == 0
    assert page.locator(".hit a").get_attribute("href") == "/tentang/"


@pytest.mark.browser
def test_no_result_shows_the_message_with_suggestions(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=kapalselam")
    message = page.locator("#cari-kosong")
    assert message.is_visible()
    assert "“kapalselam”" in message.inner_text()
    assert message.locator("a[href='../arsip/']").count() == 1
    assert page.locator("#cari-saran-saring").is_hidden()  # no filter to take away
    assert page.locator("#cari-status").inner_text() == ""
    assert page.locator(".hit").count() == 0
    assert_clean(page)
    filtered = open_search(
        page_factory, served_search_site, "q=posyandu&tahun=2022&kategori=Pembangunan"
    )
    assert filtered.locator("#cari-kata").inner_text() == (
        "“posyandu” dengan saringan Pembangunan, 2022"  # in the form's order
    )
    assert filtered.locator("#cari-saran-saring").is_visible()


@pytest.mark.browser
def test_a_slow_index_says_it_is_searching(page_factory, served_search_site):
    """On a slow connection the index takes seconds: the status region says so meanwhile."""
    page = page_factory(390, 844)
    held = []
    page.route("**/pagefind/shards.json", lambda route: held.append(route))
    page.goto(f"{served_search_site}/cari/?q=posyandu")
    page.wait_for_function("document.getElementById('cari-status').textContent === 'Mencari…'")
    held[0].continue_()
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert page.locator("#cari-status").inner_text().startswith("2 hasil")


@pytest.mark.browser
def test_an_empty_search_asks_for_a_word(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=&desa=&kategori=&tahun=")
    assert page.locator("#cari-isi").is_visible()
    assert page.locator("#cari-kosong").is_hidden() and page.locator(".hit").count() == 0
    assert open_search(page_factory, served_search_site, "").locator("#cari-isi").is_hidden()


@pytest.mark.browser
def test_a_village_name_finds_every_item_of_the_village(page_factory, served_search_site):
    """The village and region names an item shows (its place list) are searched too."""

    def links(query):
        page = open_search(page_factory, served_search_site, query + "&hal=1")
        found = set(page.locator(".hit__title a").evaluate_all("as => as.map(a => a.href)"))
        while page.locator("#cari-halaman a[rel=next]").count():
            page.click("#cari-halaman a[rel=next]")
            page.wait_for_selector("#cari[data-selesai]", state="attached")
            found |= set(page.locator(".hit__title a").evaluate_all("as => as.map(a => a.href)"))
        return found

    by_filter = links("desa=Desa+Binangun")
    assert len(by_filter) > 3
    assert by_filter <= links("q=binangun")


@pytest.mark.browser
def test_back_shows_the_form_of_the_results_shown(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=gotong+royong")
    page.select_option("select[name=tahun]", "2023")
    page.wait_for_url("**tahun=2023**")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    page.fill("#cari-q", "ketik lagi")
    page.go_back()
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert page.input_value("select[name=tahun]") == ""
    assert page.input_value("#cari-q") == "gotong royong"
    assert page.locator("#cari-status").inner_text().startswith("12 hasil")


@pytest.mark.browser
def test_arrow_keys_on_a_filter_wait_for_enter(page_factory, served_search_site):
    page = open_search(page_factory, served_search_site, "q=gotong+royong")
    address = page.url
    page.focus("select[name=tahun]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.url == address  # a keyboard user steps through the years in place
    chosen = page.input_value("select[name=tahun]")
    assert chosen
    page.keyboard.press("Enter")
    page.wait_for_url(f"**tahun={chosen}**")


@pytest.mark.browser
@pytest.mark.parametrize("query", ["q=rahasiadraf", "q=sembunyiwarga"])
def test_drafts_and_hidden_pages_are_not_found(page_factory, served_search_site, query):
    page = open_search(page_factory, served_search_site, query)
    assert page.locator("#cari-kosong").is_visible()


@pytest.mark.browser
def test_without_javascript_the_page_explains_and_links(page_factory, served_search_site):
    page = page_factory(390, 844, java_script_enabled=False)
    page.goto(f"{served_search_site}/cari/?q=posyandu")
    text = page.locator("#cari-tanpa-js").inner_text()
    assert "membutuhkan JavaScript" in text
    links = page.locator("#cari-tanpa-js a").evaluate_all("as => as.map(a => a.href)")
    assert f"{served_search_site}/arsip/" in links and f"{served_search_site}/desa/" in links
    assert page.locator(".search__filters").is_hidden()


@pytest.mark.browser
def test_the_header_form_leads_to_the_results(page_factory, served_search_site):
    page = page_factory(1280, 800)
    page.goto(f"{served_search_site}/")
    assert page.locator(".find-link").is_hidden()
    page.fill(".find__q", "posyandu lansia")
    page.press(".find__q", "Enter")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert titles(page)[0] == "Posyandu Lansia Saringembat Layani 60 Warga"
    phone = page_factory(390, 844)
    phone.goto(f"{served_search_site}/")
    assert phone.locator(".find").is_hidden()
    assert phone.locator(".find-link").get_attribute("href") == "./cari/"


@pytest.mark.browser
def test_other_pages_load_nothing_of_pagefind(page_factory, served_search_site, search_site):
    out = search_site.output
    urls = [
        "",
        "arsip/",
        "tentang/",
        "berita/2024/03/jembatan/",
        "desa/binangun/",
        "404.html",
        "kategori/",
    ]
    for url in urls:
        assert (out / (url + "index.html" if url.endswith("/") or not url else url)).is_file()
        page = page_factory(1280, 800)
        requests = []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        page.goto(f"{served_search_site}/{url}")
        page.wait_for_load_state("networkidle")
        assert [r for r in requests if "pagefind" in r] == [], url
        assert page.console_errors == [], url
    html = "".join(
        p.read_text(encoding="utf-8")
        for p in out.rglob("*.html")
        if not p.is_relative_to(out / "cari")
    )
    assert "pagefind.js" not in html and "search.js" not in html


@pytest.mark.browser
@pytest.mark.parametrize(
    "width, height, scheme",
    [(1280, 800, "light"), (1280, 800, "dark"), (390, 844, "light"), (390, 844, "dark")],
)
def test_the_search_page_has_no_axe_violation(
    page_factory, served_search_site, width, height, scheme
):
    page = open_search(
        page_factory,
        served_search_site,
        "q=pembangunan",
        width,
        height,
        color_scheme=scheme,
        bypass_csp=True,
    )
    violations, _ = run_axe(page)
    assert violations == [], describe_violations(violations)
    empty = open_search(
        page_factory,
        served_search_site,
        "q=kapalselam",
        width,
        height,
        color_scheme=scheme,
        bypass_csp=True,
    )
    violations, _ = run_axe(empty)
    assert violations == [], describe_violations(violations)


@pytest.mark.browser
def test_the_production_build_searches_at_its_own_address(browser, published_site):
    """Absolute links to the real domain: the browser gets that domain's files from the
    built folder (nothing leaves the machine)."""
    out = published_site.output
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    errors, outside = [], []

    def serve(route):
        url = route.request.url
        if not url.startswith(PRODUCTION_URL + "/"):
            outside.append(url)
            return route.abort()
        path = url[len(PRODUCTION_URL) + 1 :].split("?")[0]
        file = out / path
        route.fulfill(path=str(file / "index.html" if file.is_dir() else file))

    try:
        context.route("**/*", serve)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{PRODUCTION_URL}/cari/?q=membangun")
        page.wait_for_selector("#cari[data-selesai]", state="attached")
        assert any(t.startswith("Ngantor di Desa Bengkel") for t in titles(page))
        page.click(".hit__title a >> nth=0")
        page.wait_for_load_state()
        assert page.url.startswith(f"{PRODUCTION_URL}/berita/")
        assert page.locator("h1").count() == 1
        assert errors == [] and outside == []
    finally:
        context.close()


@pytest.mark.browser
def test_when_the_index_cannot_load_the_page_says_so_and_keeps_the_links(
    page_factory, served_search_site
):
    page = page_factory(390, 844)
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(f"{served_search_site}/cari/?q=posyandu")
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert page.locator("#cari-gagal").is_visible()
    assert page.locator("#cari-tanpa-js a[href='../arsip/']").is_visible()
    assert "JavaScript" not in page.locator("#cari-tanpa-js").inner_text()  # it is on


@pytest.mark.parametrize(
    "query, title",
    [
        ("q=pengecoran", "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran"),  # pengumuman
        ("q=saluran+irigasi", "Kerja Bakti Membersihkan Saluran Irigasi"),  # agenda
    ],
)
def test_the_notice_board_is_searched_too(page_factory, served_sample_site, query, title):
    """Pengumuman, agenda, albums and the village data pages are indexed like articles
    (plugins notices, gallery, village_data, apbdes); their kind is their category."""
    page = open_search(page_factory, served_sample_site, query)
    if title:
        assert title in titles(page)
    assert_clean(page)


def test_every_published_page_type_is_in_the_index(sample_site):
    """The body of each kind of content page is marked for Pagefind; drafts never are."""
    for url in (
        "pengumuman/penutupan-sementara-jalan-poros-binangun-untuk-pengecoran/",
        "agenda/kerja-bakti-membersihkan-saluran-irigasi/",
        "galeri/contoh-album-kerja-bakti-dusun-krajan/",
        "profil/",
        "aparatur/",
        "dokumen/",
        "apbdes/2025/",
    ):
        body = sample_site.html(url).select("[data-pagefind-body]")
        assert len(body) == 1, url
    # apbdes/ shows the latest year again: only its year's page is found.
    assert "APBDes 2025" in text_of(sample_site.html("apbdes/").h1)
    assert sample_site.html("apbdes/").select("[data-pagefind-body]") == []
    kinds = [
        span.get_text()
        for span in sample_site.html("agenda/kerja-bakti-membersihkan-saluran-irigasi/").select(
            '[data-pagefind-filter="kategori"]'
        )
    ]
    assert kinds == ["Agenda"]


def test_the_index_holds_exactly_the_marked_pages(sample_site):
    """Pagefind is given only the marked pages (any element with data-pagefind-body, the
    APBDes <div> too) through a folder of links that is gone after the build: every
    fragment of the index is a marked page, and every marked page has one."""
    out = sample_site.output
    marked = set()
    for page in out.rglob("*.html"):
        if BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            "[data-pagefind-body]"
        ):
            relative = page.relative_to(out).as_posix()
            marked.add("/" + relative.removesuffix("index.html"))
    indexed = set()
    for fragment in (out / INDEX_FOLDER / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        indexed.add(json.loads(data[len(b"pagefind_dcd") :])["url"])
    assert "/apbdes/2025/" in marked and "/apbdes/" not in marked
    assert indexed == marked
    assert not [p for p in out.iterdir() if p.name.startswith(".pagefind")]


def fragments(output):
    """{url: page text} of every fragment of the site's index (all its parts)."""
    found = {}
    bundle = output / INDEX_FOLDER
    for fragment in [*bundle.glob("fragment/*"), *bundle.glob("shard-*/fragment/*")]:
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        found[data["url"]] = data["content"]
    return found


def test_status_badges_are_not_searched(sample_site):
    """An excerpt began with "Sudah lewat." or "Sudah berakhir.": the badge is the page's
    state on the build day, not its text."""
    text = fragments(sample_site.output)
    past = text["/agenda/musyawarah-desa-penyusunan-rkpdes-2025/"]
    assert "Musyawarah" in past and "Sudah lewat" not in past
    ended = text["/pengumuman/pendaftaran-posyandu-balita-bulan-juni/"]
    assert "Posyandu" in ended and "Sudah berakhir" not in ended


@pytest.mark.parametrize(
    "url, expected, glued",
    [
        (
            "/agenda/musyawarah-desa-penyusunan-rkpdes-2025/",
            ["Waktu Kamis, 20 Juni 2024", "Tempat Balai Desa Binangun", "Penyelenggara Pemerintah"],
            ["WaktuKamis", "BinangunPenyelenggara", "petaPenyelenggara"],
        ),
        (
            "/apbdes/2025/",
            [
                "Pendapatan Rp1.535.000.000",
                "Belanja Rp1.595.000.000",
                "Uraian Anggaran Realisasi %",
            ],
            ["PendapatanRp", "BelanjaRp", "UraianAnggaran", "SumberAnggaran"],
        ),
        ("/profil/", ["Luas wilayah 412,5 ha", "Laki-laki Perempuan Jumlah"], ["PerempuanJumlah"]),
        ("/desa/binangun/profil/", ["Tahun IDM IKS IKE IKL Status"], ["TahunIDM"]),
    ],
)
def test_search_text_keeps_labels_and_values_apart(sample_site, url, expected, glued):
    """Pagefind reads a page's text without the space the layout shows between a label
    (<dt>, a column heading) and what follows: the templates write one, so a result's
    excerpt reads "Waktu Kamis, 20 Juni 2024", not "WaktuKamis"."""
    text = fragments(sample_site.output)[url]
    for words in expected:
        assert words in text, (words, text[:600])
    for words in glued:
        assert words not in text, (words, text[:600])


@pytest.mark.parametrize("parts", [False, True], ids=["one-index", "in-parts"])
def test_the_live_preview_shows_the_rebuild_first_and_the_new_index_follows(tmp_path, parts):
    """`invoke livereload` builds with index_later: the new folder has the previous index
    (search keeps working), then index_in_place makes the index of the new pages and swaps
    it in, the same as a build that indexes at once, with no temporary folder left; with
    the index in parts (and the build cache), the parts that did not change are kept."""
    from search.indexer import index_in_place
    from wartadesa.build import build

    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    output = tmp_path / "output"
    extra = {"SEARCH_SHARD_PAGES": 4, "BUILD_CACHE": str(tmp_path / "cache")} if parts else {}
    build_site(output, content=content, **extra)
    bundle = output / INDEX_FOLDER
    inodes = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    before = fragments(output)
    article = sorted((content / "berita").rglob("*.md"))[0]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\nKalimatpenandapratinjau ditambahkan.\n")
    later = []
    with environ(SOURCE_DATE_EPOCH=SAMPLE_BUILD_EPOCH):  # the build day of build_site
        overrides = {"PATH": str(content), **extra}
        build(settings_path(), output=output, overrides=overrides, index_later=later)
    assert [settings["PATH"] for settings in later] == [str(content)]
    pages = "".join(p.read_text(encoding="utf-8") for p in output.rglob("index.html"))
    assert "Kalimatpenandapratinjau" in pages  # the preview shows the change at once
    assert fragments(output) == before  # with the previous index
    index_in_place(output, later[0])
    after = fragments(output)
    assert set(after) == set(before)
    assert [url for url in after if "Kalimatpenandapratinjau" in after[url]] != []
    assert not [p.name for p in output.iterdir() if p.name.startswith(".pagefind")]
    if parts:
        assert len(list(bundle.glob("shard-*"))) >= 2
        same = {}  # part folder -> whether each of its files is the one before (inode)
        for path in (p for p in bundle.rglob("*") if p.is_file() and p.name != "shards.json"):
            relative = path.relative_to(bundle)
            part = relative.parts[0] if relative.parts[0].startswith("shard-") else "."
            kept = inodes.get(relative) == path.stat().st_ino
            same[part] = same.get(part, True) and kept
        assert sorted(same.values()) == [False] + [True] * (len(same) - 1), same
    fresh = build_site(tmp_path / "fresh", content=content, **extra).output
    assert fragments(fresh) == after


def test_the_build_gives_memory_back_while_pagefind_works_on_a_large_index(tmp_path, monkeypatch):
    """`meanwhile` (the build's garbage collection) runs once, while Pagefind is running, not
    before it starts, when Pagefind indexes more than LARGE_INDEX_PAGES pages; never for
    fewer pages (a rebuild indexing one part again) or when there is nothing to index."""
    import os
    import sys

    import search.indexer as indexer

    slow = tmp_path / "pagefind-slow"  # Pagefind, one second late: surely running when asked
    slow.write_text(
        f"#!{sys.executable}\nimport os, sys, time\ntime.sleep(1)\n"
        f"os.execv({indexer.pagefind_binary()!r}, [{indexer.pagefind_binary()!r}, *sys.argv[1:]])\n",
        encoding="utf-8",
    )
    slow.chmod(0o755)
    monkeypatch.setattr(indexer, "pagefind_binary", lambda: str(slow))

    def running_children():
        found = []
        for task in os.listdir(f"/proc/{os.getpid()}/task"):
            with open(f"/proc/{os.getpid()}/task/{task}/children", encoding="ascii") as handle:
                for pid in handle.read().split():
                    try:
                        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
                            state = stat.read().rsplit(")", 1)[1].split()[0]
                        with open(f"/proc/{pid}/cmdline", "rb") as command:
                            if b"pagefind-slow" in command.read() and state != "Z":
                                found.append(pid)
                    except OSError:
                        continue
        return found

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><head><title>x</title></head><body><article data-pagefind-body><h1>Kabar"
        "</h1><p>Rapat desa membahas jalan.</p></article></body></html>",
        encoding="utf-8",
    )
    calls = []
    index_site(site, {"PLUGINS": ["search"]}, meanwhile=lambda: calls.append(running_children()))
    assert calls == []  # one page: below LARGE_INDEX_PAGES, the build does not collect
    assert (site / INDEX_FOLDER / "pagefind.js").is_file()

    monkeypatch.setattr(indexer, "LARGE_INDEX_PAGES", 0)  # one page is a large index now
    shutil.rmtree(site / INDEX_FOLDER)
    index_site(site, {"PLUGINS": ["search"]}, meanwhile=lambda: calls.append(running_children()))
    assert len(calls) == 1 and calls[0], calls  # once, with Pagefind at work
    assert (site / INDEX_FOLDER / "pagefind.js").is_file()

    empty = tmp_path / "empty"  # no page marked for search: no Pagefind, nothing to free for
    empty.mkdir()
    (empty / "index.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    calls.clear()
    index_site(empty, {"PLUGINS": ["search"]}, meanwhile=lambda: calls.append(running_children()))
    assert calls == []


def test_two_villages_of_one_name_are_two_choices_of_the_village_filter(tmp_path):
    """A portal with Binangun of Tuban and Binangun of Blitar had one "Desa Binangun" in the
    filter, which found both villages' items."""
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "desa.yml").write_text(
        "- kode: 35.23.07.2005\n- kode: 35.05.16.2004\n- kode: 35.23.07.2011\n", encoding="utf-8"
    )
    for slug, village in (("tuban", "binangun-singgahan"), ("blitar", "binangun-binangun")):
        article(content / "berita", slug, f"Kabar {slug}", "2024-05-01", village, "Umum", "Isi.")
    article(content / "berita", "saringembat", "Kabar", "2024-05-02", "Saringembat", "Umum", "Isi.")
    site = build_site(tmp_path / "output", content=content)
    options = [o.get_text() for o in site.html("cari/").select("select[name=desa] option")]
    assert options == [
        "Semua desa",
        "Desa Binangun, Kec. Binangun",
        "Desa Binangun, Kec. Singgahan",
        "Desa Saringembat",  # a name no other village has stays as it is
    ]
    facts = site.html("berita/2024/05/tuban/").select('[data-pagefind-filter="desa"]')
    assert [text_of(f) for f in facts] == ["Desa Binangun, Kec. Singgahan"]
