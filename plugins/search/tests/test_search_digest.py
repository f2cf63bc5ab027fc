"""What Pagefind reads of a marked page (search.indexer.search_digest): a page whose other
parts changed (the related and previous/next links after the marked element) keeps its
search digest, so the part of the index holding it is not made again; anything Pagefind
does read changes it. Checked against the pinned Pagefind itself."""

import subprocess

import pytest

from search.indexer import NOT_REPEATABLE, command, search_digest, searched_end

HEAD = (
    '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8"><title>Situs</title></head>\n'
)


def page(body="<p>Pembangunan jembatan dusun dimulai.</p>", after="", marked=True):
    attribute = " data-pagefind-body" if marked else ""
    return (
        f'{HEAD}<body><main><article class="post"{attribute}>'
        f"<h1>Jembatan Dusun Krajan</h1>{body}</article>{after}</main>"
        '<footer class="site-foot"><p>Warta Desa</p></footer></body>\n</html>\n'
    ).encode()


RELATED = '<section class="related"><h2>Berita terkait</h2><ul><li><a href="/{0}/">{1}</a></li></ul></section>'


def test_links_after_the_marked_element_do_not_change_the_digest():
    one = page(after=RELATED.format("posyandu", "Posyandu Lansia"))
    other = page(after=RELATED.format("musdes", "Musdes RKPDes 2025") + "<nav>Sebelumnya</nav>")
    assert one != other and search_digest(one) == search_digest(other)
    assert searched_end(one) == one.index(b"</article>") + len(b"</article>")


@pytest.mark.parametrize(
    "body",
    [
        "<p>Pembangunan jembatan dusun selesai.</p>",  # the text
        '<p>Pembangunan jembatan dusun dimulai.</p><img src="/a.jpg" alt="">',  # a picture
        # after an element of the same kind inside it: the count of open elements holds
        "<p>Pembangunan jembatan dusun dimulai.</p><article><p>x</p></article><p>Lagi.</p>",
    ],
)
def test_what_the_marked_element_holds_changes_the_digest(body):
    same_tail = RELATED.format("posyandu", "Posyandu Lansia")
    nested = "<p>Pembangunan jembatan dusun dimulai.</p><article><p>x</p></article><p>Dulu.</p>"
    base = page(
        nested if "Lagi" in body else "<p>Pembangunan jembatan dusun dimulai.</p>", same_tail
    )
    changed = page(body, same_tail)
    assert search_digest(base) != search_digest(changed)


@pytest.mark.parametrize(
    "tail",
    [
        '<p data-pagefind-filter="desa">{}</p>',  # a filter outside the marked element
        '<span data-pagefind-meta="penulis">{}</span>',  # a meta field
        '<img src="/{}.jpg" alt="">',  # the first picture after the heading
        "<h1>{}</h1>",  # a heading (the title when the marked element has none)
        "<svg><title>{}</title></svg>",  # a title
    ],
)
def test_anything_pagefind_reads_after_the_marked_element_keeps_the_whole_page(tail):
    one, other = page(after=tail.format("binangun")), page(after=tail.format("bengkel"))
    assert searched_end(one) == len(one)
    assert search_digest(one) != search_digest(other)


LINK = '<p>Baca juga <a href="{0}" class="tautan">{1}</a>.</p>'


def test_where_a_link_points_does_not_change_the_digest():
    one = page(LINK.format("/berita/2023/08/posyandu/", "Posyandu"))
    moved = page(LINK.format("/berita/2023/10/posyandu/", "Posyandu"))
    assert one != moved and search_digest(one) == search_digest(moved)
    # what the link says does, and so does text that only looks like an address
    assert search_digest(page(LINK.format("/x/", "Musdes"))) != search_digest(
        page(LINK.format("/x/", "Posyandu"))
    )
    text = '<p>tulis href="{}" di tautan</p>'
    assert search_digest(page(text.format("/a/"))) != search_digest(page(text.format("/b/")))
    # an address in another tag's quoted value, or another tag's address, is kept
    quoted = "<p title='<a href=\"{}\">'>x</p>"
    assert search_digest(page(quoted.format("/a/"))) != search_digest(page(quoted.format("/b/")))
    image = '<p>x</p><img src="{}" alt="">'
    assert search_digest(page(image.format("/a.jpg"))) != search_digest(
        page(image.format("/b.jpg"))
    )


def test_an_unclosed_marked_element_keeps_the_whole_page():
    data = page().replace(b"</article>", b"")
    assert searched_end(data) == len(data)


def pagefind_bundle(folder, data):
    """Pagefind's files for a one-page site of `data` (those it writes in a random order
    left out: search.indexer.NOT_REPEATABLE)."""
    site = folder / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_bytes(data)
    subprocess.run(command(site, site / "pagefind", {}), check=True, capture_output=True)
    bundle = site / "pagefind"
    return {
        path.relative_to(bundle).as_posix(): path.read_bytes()
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
        and not NOT_REPEATABLE.match(f"pagefind/{path.relative_to(bundle).as_posix()}")
    }


@pytest.mark.parametrize(
    "one, other",
    [
        # the links after the article: the same digest, and Pagefind writes the same index
        (
            page(after=RELATED.format("posyandu", "Posyandu Lansia")),
            page(after=RELATED.format("musdes", "Musdes RKPDes 2025") + "<nav>Sebelumnya</nav>"),
        ),
        # a filter after the article: another digest, and Pagefind does read it
        (
            page(after='<p data-pagefind-filter="desa">Binangun</p>'),
            page(after='<p data-pagefind-filter="desa">Bengkel</p>'),
        ),
        # a picture after the article when the article has none: Pagefind shows it
        (page(after='<img src="/satu.jpg" alt="">'), page(after='<img src="/dua.jpg" alt="">')),
        # where a link in the article points: the same digest, and the same index
        (
            page(LINK.format("/berita/2023/08/posyandu/", "Posyandu")),
            page(LINK.format("/berita/2023/10/posyandu/", "Posyandu")),
        ),
        # what a link in the article says: another digest, another index
        (page(LINK.format("/x/", "Posyandu")), page(LINK.format("/x/", "Musdes"))),
    ],
)
def test_the_same_digest_is_the_same_index_and_another_digest_is_read(tmp_path, one, other):
    same = search_digest(one) == search_digest(other)
    first, second = (
        pagefind_bundle(tmp_path / "one", one),
        pagefind_bundle(tmp_path / "other", other),
    )
    assert any(name.startswith("fragment/") for name in first)
    assert (first == second) is same
