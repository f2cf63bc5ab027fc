"""Class 5 of issue #10: spam written to slip past a plain pattern is refused, naming
the file and line; ordinary village news (the sample site, and sentences with words
that also occur in spam) is not."""

import pytest

from tests.hostile.hostile import article, assert_refused, check_content, write_tree

BODY_LINE = 5  # article(): ---, judul, tanggal, ---, body

# name -> (file contents, file, line, words the message must hold)
TEXT_CASES = {
    "lebar-nol": ("Main di slo\u200bt ga\u200dcor sekarang.", "slot gacor"),
    "tanda-hubung-lunak": ("Info sl\u00adot gac\u00ador hari ini.", "slot gacor"),
    "entitas-html": ("Coba s&#108;ot g&#x61;cor.", "slot gacor"),
    "penekanan-markdown": ("Ayo coba slot **ga**cor dan s*l*ot online.", "slot gacor"),
    "garis-bawah": ("Kunjungi slot_gacor_maxwin sekarang.", "slot gacor"),
    "huruf-kiril": ("Coba sl\u043et g\u0430cor terpercaya.", "slot gacor"),  # о, а
    "huruf-yunani": ("Bocoran t\u03bfgel hari ini.", "togel"),  # ο
    "angka-pengganti": ("Coba s1ot g4c0r terbaik, jud1 0nline.", "slot gacor"),
    "huruf-lebar": ("Ｓｌｏｔ　Ｇａｃｏｒ", "slot gacor"),
    "huruf-matematika": (
        "\U0001d42c\U0001d425\U0001d428\U0001d42d \U0001d420\U0001d41a\U0001d41c\U0001d428\U0001d42b",
        "slot gacor",
    ),
    "tag-html-di-kata": ("Kabar <b>sl</b>ot <i>gac</i>or.", "slot gacor"),
    "dua-baris": ("Hari ini bocoran pola\ngacor untuk warga.", "pola gacor"),
    "huruf-berjarak": ("Ayo S L O T  G A C O R hari ini.", "slotgacor"),
}
LINK_CASES = {
    "backslash": "[info](https:\\\\slot88.example/daftar)",
    "tanpa-garis-miring": "[info](https:slot88.example)",
    "entitas-host": '<a href="https://&#115;lot88.example/">info</a>',
    "persen-host": "[info](https://%73lot88.example/)",
    "userinfo": "[info](https://kemendesa.go.id@togel4d.example/)",
    "kiril-host": "[info](https://sl\u043et88.example/)",
    "tab-di-alamat": '<a href="https://sl&#9;ot88.example/">info</a>',
    "halaman-judi": "[info](https://kampus.example.ac.id/tag/slot-gacor/)",
    "punycode": "[info](https://xn--slt88-kye.example/)",  # slоt88 with a Cyrillic о
    "huruf-lebar-host": "[info](https://ｓｌｏｔ88.example/)",
}
FIELD_CASES = {
    # name -> (front matter, line, words)
    "label-slug": (dict(label=["rapat", "slot-gacor"]), 4, ["slot gacor"]),
    "slug": (dict(slug="link-alternatif-sbobet"), 4, ["sbobet"]),
    "penulis": (dict(penulis="Admin Pola_Gacor"), 4, ["pola gacor"]),
    "kategori": (dict(kategori="Info T0gel"), 4, ["togel"]),
    "ringkasan-entitas": (dict(ringkasan="Bocoran &#116;ogel malam ini."), 4, ["togel"]),
}

# name -> (file contents, line, words the message must hold): letters a reader sees in
# another order than written, a link on a picture too small to see.
REVERSED = "huruf dibuat tampil terbalik"
TRICK_CASES = {
    "bdo": (article('Info <bdo dir="rtl">rocag tols</bdo> terbaru.'), BODY_LINE, [REVERSED]),
    "karakter-rlo": (article("Info \u202erocag tols\u202c terbaru."), BODY_LINE, [REVERSED]),
    "entitas-rlo": (article("Info &#x202E;rocag tols&#8236; terbaru."), BODY_LINE, [REVERSED]),
    # YAML's escape in a double-quoted value: the title is shown reversed on every page.
    "judul-escape-yaml": (
        '---\njudul: "Kabar \\u202Erocag tols"\ntanggal: 2024-06-05\n---\nIsi.\n',
        2,
        [REVERSED],
    ),
    "gambar-satu-piksel": (
        article(
            'Kabar desa. <a href="https://hoki-raja.example/daftar">'
            '<img src="../images/titik.png" width="1" height="1" alt=""></a>'
        ),
        BODY_LINE,
        ["teks tersembunyi", "2 piksel"],
    ),
}

# The audit's article: a capital I for a small l (identical in the theme's sans-serif
# font), words split by Markdown links, "maxwln"; then each trick alone.
AUDITED = """\
---
judul: "Info SIOT GACOR Maxwln hari ini"
tanggal: 2024-08-01 09:00
kategori: Pemerintahan
desa: 32.79.02.2006
label: [sIot gacor]
---
Daftar sekarang: sIot gacor, Iink aIternatif, [s](#)lot [g](#)acor di [sini](https://bit.ly/x).
"""
AUDITED_LINES = {2: "maxwln", 6: "slot gacor", 8: "slot gacor"}
# name -> (file contents, line, words the message must hold)
BYPASS_CASES = {
    "i-besar-dalam-kata": (article("Daftar sekarang: sIot gacor."), BODY_LINE, ["slot gacor"]),
    "kata-huruf-besar": (article("INFO SIOT GACOR TERBARU."), BODY_LINE, ["slot gacor"]),
    "tautan-alternatif": (
        article("Kunjungi Iink aIternatif kami."),
        BODY_LINE,
        ["link alternatif"],
    ),
    "l-kecil-di-huruf-besar": (article("JUDl ONLlNE TERPERCAYA."), BODY_LINE, ["judi online"]),
    "i-huruf-lebar": (article("Ayo \uff53\uff29\uff4f\uff54 gacor."), BODY_LINE, ["slot gacor"]),
    "i-kiril": (article("Ayo s\u0406ot gacor."), BODY_LINE, ["slot gacor"]),
    "i-berjarak": (article("Ayo S I O T G A C O R sekarang."), BODY_LINE, ["slotgacor"]),
    "i-dua-baris": (article("Ayo sIot\ngacor di sini."), BODY_LINE, ["slot gacor"]),
    "i-judul": (article(judul="SIOT GACOR Terpercaya"), 2, ["slot gacor"]),
    "i-label": (article(label=["rapat", "sIot gacor"]), 4, ["slot gacor"]),
    "i-atribut": (
        article('Berita <abbr title="sIot gacor terbaru">BUMDes</abbr>.'),
        BODY_LINE,
        ["atribut title=", "slot gacor"],
    ),
    "tautan-dalam-kata": (article("Info [s](#)lot [g](#)acor terbaru."), BODY_LINE, ["slot gacor"]),
    "tautan-referensi": (
        article("Info [s][1]lot gacor.\n\n[1]: https://example.com/"),
        BODY_LINE,
        ["slot gacor"],
    ),
    "kode-dalam-kata": (article("Info s`lo`t gacor terbaru."), BODY_LINE, ["slot gacor"]),
    "escape-markdown": (article("Info s\\*l\\*ot gacor terbaru."), BODY_LINE, ["slot gacor"]),
    "escape-di-baris-lain": (
        article("Rapat desa.\n\nWarga diajak s\\*l\\*ot gacor."),
        BODY_LINE + 2,
        ["slot gacor"],
    ),
    "ringkasan-tautan": (article(ringkasan="Kabar [s](#)lot [g](#)acor"), 4, ["slot gacor"]),
    "judul-escape-yaml": (
        '---\njudul: "Kabar \\x73lot gacor"\nslug: kabar-desa-x\ntanggal: 2024-06-05\n---\nIsi.\n',
        2,
        ["slot gacor"],
    ),
    "situs-bandar-bola": (article("Situs bandar bola terpercaya."), BODY_LINE, ["bandar bola"]),
    "agen-bola": (article("Agen bola resmi 2024."), BODY_LINE, ["agen bola"]),
    "taruhan-bola": (article("Taruhan bola malam ini."), BODY_LINE, ["taruhan bola"]),
    "maxwln": (article("Pola maxwln terbaru."), BODY_LINE, ["maxwln"]),
    "mix-parlay": (article("Mix parlay terbaik."), BODY_LINE, ["mix parlay"]),
}


@pytest.fixture(scope="session")
def spam_errors(tmp_path_factory):
    files = {}
    for name, (body, _) in TEXT_CASES.items():
        files[f"berita/teks-{name}.md"] = article(body, judul=f"Teks {name}")
    for name, body in LINK_CASES.items():
        files[f"berita/tautan-{name}.md"] = article(body, judul=f"Tautan {name}")
    for name, (front, _, _) in FIELD_CASES.items():
        files[f"berita/kolom-{name}.md"] = article(judul=f"Kolom {name}", **front)
    for name, (text, _, _) in TRICK_CASES.items():
        files[f"berita/trik-{name}.md"] = text
    for name, (text, _, _) in BYPASS_CASES.items():
        files[f"berita/celah-{name}.md"] = text
    files["berita/audit.md"] = AUDITED
    files["berita/situs-slot-gacor-terbaru.md"] = article(judul="Kabar desa")
    files["files/pola-gacor-hari-ini.pdf"] = b"%PDF-1.4\n"
    content = write_tree(tmp_path_factory.mktemp("spam-content"), files)
    errors, _ = check_content(content)
    return content, errors


@pytest.mark.parametrize("name", TEXT_CASES)
def test_disguised_gambling_text_is_refused(spam_errors, name):
    content, errors = spam_errors
    assert_refused(
        errors,
        content,
        f"berita/teks-{name}.md",
        BODY_LINE,
        "teks promosi judi",
        *TEXT_CASES[name][1].split(),
    )


@pytest.mark.parametrize("name", LINK_CASES)
def test_disguised_gambling_links_are_refused(spam_errors, name):
    content, errors = spam_errors
    assert_refused(errors, content, f"berita/tautan-{name}.md", BODY_LINE, "tautan ke")


@pytest.mark.parametrize("name", FIELD_CASES)
def test_gambling_in_front_matter_fields_is_refused(spam_errors, name):
    content, errors = spam_errors
    _, line, words = FIELD_CASES[name]
    assert_refused(errors, content, f"berita/kolom-{name}.md", line, "judi", *words)


@pytest.mark.parametrize("name", TRICK_CASES)
def test_reversed_letters_and_invisible_picture_links_are_refused(spam_errors, name):
    content, errors = spam_errors
    _, line, words = TRICK_CASES[name]
    assert_refused(errors, content, f"berita/trik-{name}.md", line, *words)


def test_the_audited_article_is_refused_at_each_line(spam_errors):
    content, errors = spam_errors
    for line, words in AUDITED_LINES.items():
        assert_refused(errors, content, "berita/audit.md", line, "teks promosi judi", words)


@pytest.mark.parametrize("name", BYPASS_CASES)
def test_each_trick_of_the_audit_alone_is_refused(spam_errors, name):
    content, errors = spam_errors
    _, line, words = BYPASS_CASES[name]
    assert_refused(errors, content, f"berita/celah-{name}.md", line, "judi", *words)


def test_gambling_in_file_names_is_refused(spam_errors):
    content, errors = spam_errors
    assert_refused(
        errors,
        content,
        "berita/situs-slot-gacor-terbaru.md",
        1,
        "nama atau alamat halaman",
        "situs slot",
    )
    assert_refused(
        errors,
        content,
        "files/pola-gacor-hari-ini.pdf",
        1,
        "nama atau alamat halaman",
        "pola gacor",
    )


ORDINARY = """\
Lomba burung berkicau di lapangan desa: kacer milik Pak Darto tampil gacor dan juara.
Rapat koordinasi di Kota Bandar Lampung membahas Dana Desa 2025 sebesar Rp1,2 miliar.
Slot waktu pelatihan diatur bergiliran; jadwal toto (kerja bakti) hari Minggu pukul 07.00.
Warga RT 01/RW 03 menerima BLT-DD tahap 4; Posyandu Mawar 5 melayani 48 balita.
Sosialisasi P3PD dan SDGs Desa diikuti 35 kader, materi dari BPS Kab. Tuban.
Tautan resmi: https://kemendesa.go.id/berita/dana-desa dan https://www.bps.go.id/id.
Jalan poros desa sepanjang 1,5 km dicor beton (K-300), lebar 4 m, dengan drainase.
Kelompok tani "Sido Makmur" panen jagung 8 ton per hektare di lahan 12 ha.
Doa pembuka dibacakan: <span dir="rtl" lang="ar">بِسْمِ اللهِ الرَّحْمٰنِ الرَّحِيْمِ</span>.
"""


def test_ordinary_village_news_is_accepted(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "berita/kabar-desa.md": article(
                ORDINARY,
                judul="Kabar Desa Binangun Pekan Ini",
                label=["gotong royong", "dana desa", "4G", "BLT-DD"],
                penulis="Operator Desa",
                kategori="Pembangunan",
            )
        },
    )
    assert check_content(content) == ([], [])


# Words with a capital I (or in capitals), "slot" in its ordinary sense, Markdown links.
ORDINARY_CAPITALS = """\
Ibu-ibu PKK Desa Binangun mengikuti lomba masak menyambut Idul Fitri.
Rombongan studi banding dari DI Yogyakarta disambut Kepala Desa Ilham.
BUMDes Maju Jaya membuka unit simpan pinjam; IKM dan KIM ikut pameran di Balai Desa.
Slot waktu posyandu dibagi per RT agar warga tidak antre.
INFO PENTING: PELAYANAN ONLINE KANTOR DESA LIBUR SAAT IDUL FITRI.
PILKADES SERENTAK: DAFTAR PEMILIH TETAP DIUMUMKAN DI BALAI DESA.
Ilir, Indah, Iwan, Ismail, Ika dan Intan mewakili SD Inpres di lomba cerdas cermat.
Program Indonesia Pintar (PIP) untuk siswa SLTA; SILPA dipakai untuk jalan.
Tim voli dari Kecamatan Bandar, bola voli putri juara dua; agen bola lampu membuka toko.
Turnamen sepak bola antar dusun: taruhan dilarang keras.
[Daftar hadir](https://kemendesa.go.id/) musyawarah; [slot](#) waktu [online](#) rapat.
"""


def test_ordinary_words_with_capital_i_are_accepted(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "berita/kabar-idul-fitri.md": article(
                ORDINARY_CAPITALS,
                judul="Info Idul Fitri: Pelayanan DI Balai Desa",
                label=["Idul Fitri", "DI Yogyakarta", "BUMDes", "IKM"],
                penulis="Ilham",
                ringkasan="Ibu-ibu PKK dan BUMDes menyambut Idul Fitri; slot waktu posyandu.",
            )
        },
    )
    assert check_content(content) == ([], [])


def test_the_sample_site_has_no_spam(sample_site):
    assert sample_site.warnings == []  # built: no error at all, and no warning
