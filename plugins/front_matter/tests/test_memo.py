"""The memo's keys (front_matter.memo.key): the same parts give the same key, and parts
that differ, however they are split or typed, give different keys."""

from markupsafe import Markup

from front_matter import memo


def test_a_key_depends_on_every_part_and_how_the_parts_are_split():
    html = "<p>Musyawarah desa membahas APBDes 2024 — \u201cdana\u201d \\ 'kutip'</p>\n" * 40
    cases = [
        ("links in", (html,)),
        ("links in", (html + " ",)),
        ("links in", (html[:-1],)),
        ("sanitize", (html,)),  # another check, the same text
        ("links in", ("a\0b",)),
        ("links in", ("a", "b")),  # the same characters split into two texts
        ("links in", ("ab",)),
        ("links in", ("1",)),
        ("links in", (1,)),  # a number, not the text "1"
        ("links in", ("'1'",)),  # a text that looks like the repr of "1"
        ("links in", (Markup("1"),)),  # a text of another type
        ("links in", (["a", "b"],)),
        ("links in", ("\0s1\0a",)),  # a text that looks like an encoded part
        ("links in", ("s1",)),
        ("links in", ("",)),
        ("links in", ()),
        ("links in", (None,)),
        ("links in", ("\udcff",)),  # a lone surrogate (a file name read as bytes)
    ]
    keys = [memo.key(check, *parts) for check, parts in cases]
    assert len(set(keys)) == len(cases)
    # Made again from equal parts (new objects): the same keys.
    again = [
        memo.key(str(check), *[p[:] if type(p) is str else p for p in parts])
        for check, parts in cases
    ]
    assert again == keys
    assert all(len(k) == 64 and int(k, 16) >= 0 for k in keys)


def test_a_steps_key_depends_on_the_step_the_file_and_the_html_asked_with(tmp_path):
    """content_key: the steps of one file ask one after another; each key is that of the
    step, the file (its read-cache key) and the HTML the content holds when it asks, however
    many steps asked before and whatever they did to the HTML."""

    class Item:
        def __init__(self, path, html):
            self.source_path, self._content = path, html

    memo.install(tmp_path / "memo")
    try:
        memo.note_source("/situs/a.md", "kunci-a")
        memo.note_source("/situs/b.md", "kunci-b")
        html = "<p>Kerja bakti di Dusun Krajan</p>" * 50
        a = Item("/situs/a.md", html)
        first = memo.content_key("sanitize", a)
        assert memo.content_key("sanitize", a) == first
        assert memo.content_key("youtube", a) != first
        assert memo.content_key("sanitize", Item("/situs/b.md", html)) != first
        a._content = html.replace("Krajan", "Kraj4n")  # a step changed the HTML
        changed = memo.content_key("sanitize", a)
        assert changed != first
        a._content = "".join(["<p>Kerja bakti di Dusun Krajan</p>"] * 50)  # equal, new object
        assert memo.content_key("sanitize", a) == first
        assert memo.content_key("sanitize", Item("/situs/lain.md", html)) is None  # not read
    finally:
        memo.install(None)


def test_a_text_key_is_made_only_when_the_build_cache_keeps_something(tmp_path):
    """text_key: with the memo, a file's text (or its read-cache key) and the parts make the
    key; without it no key is ever looked at, and the text is not even asked for."""

    def text():
        asked.append(True)
        return "Warga Dusun Krajan kerja bakti.\n"

    asked = []
    memo.install(None)
    assert memo.text_key("spam", "/situs/a.md", text, False) == ""
    assert asked == []
    memo.install(tmp_path / "memo")
    try:
        by_text = memo.text_key("spam", "/situs/a.md", text, False)
        assert asked == [True] and len(by_text) == 64
        assert memo.text_key("spam", "/situs/a.md", text, True) != by_text
        memo.note_source("/situs/a.md", "kunci-a")  # read by this build: its read key
        assert memo.text_key("spam", "/situs/a.md", text, False) not in ("", by_text)
        assert len(asked) == 2
    finally:
        memo.install(None)
