"""Pengaturan teknis situs ini (preview lokal, tautan relatif).

Identitas situs (nama, alamat, kontak, media sosial, logo, menu) ada di
`content/situs.yml`, bukan di sini. Semua pengaturan lain datang dari kit
(`wartadesa/defaults.py`) dan ikut diperbarui oleh `invoke upgrade`; tulis di bawah
hanya yang memang berbeda untuk situs ini. `publishconf.py` memakai berkas ini.
"""

import sys
from pathlib import Path

# The kit (wartadesa/) is in this folder; the kit's test fixtures find it further up.
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(next(p for p in (HERE, *HERE.parents) if (p / "wartadesa").is_dir())))

from wartadesa.defaults import *  # noqa: E402,F401,F403

# Domain sendiri untuk GitHub Pages, misalnya "binangun-singgahan.desa.id" (build
# produksi menulis berkas CNAME). Kosong: tanpa domain sendiri.
CUSTOM_DOMAIN = ""

# Zona waktu tanggal berita: "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT).
TIMEZONE = "Asia/Jakarta"

# Daftar kategori yang boleh dipakai, misalnya ["Pemerintahan", "Pembangunan"]. Kosong: bebas.
CATEGORIES = []

# Berkas (di dalam content/) yang boleh menulis tentang judi, misalnya ["berita/*judi-online*.md"].
SPAM_ALLOWED_FILES = []

# Editor berita di ALAMAT-SITUS/admin/ (lihat docs/editor/README.md): repositori situs di
# GitHub, "NAMA-AKUN/NAMA-REPOSITORI". Kosong: editor hanya untuk `invoke edit` di komputer ini.
EDITOR_REPO = ""
