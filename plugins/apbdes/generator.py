"""The APBDes generator: reads the year files of the site (APBDES_PATH) and of each
village of a portal (APBDES_VILLAGE_PATH), then writes the pages `apbdes/` (latest year)
and `apbdes/<tahun>/` through Pelican's Writer, plus the 1200x630 summary PNG of each year.

A village's pages live under its own page (VILLAGE_URL): `desa/<slug>/apbdes/...`.
Every setting has its default in wartadesa/defaults.py."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from front_matter.errors import report
from villages.folders import ownerless_data, portal_without_owner, unknown_folder
from wartadesa.dates import build_day

from .chart import bar_chart
from .data import read_folder
from .share import summary_png

if TYPE_CHECKING:
    from pelican.writers import Writer

    from villages.model import Village

    from .data import Budget


def save_as_of(url: str) -> str:
    """The file of an address: a folder address ('apbdes/') gets its index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


def folder_of(url: str) -> str:
    """A village page's address as a folder for its APBDes pages ('desa/x/' or
    'desa/x.html' -> 'desa/x/')."""
    return url if url.endswith("/") or not url else os.path.splitext(url)[0] + "/"


class Ledger:
    """The APBDes of one owner (the site, or one village): years newest first."""

    def __init__(
        self,
        budgets: list[Budget],
        base: str,
        settings: Mapping[str, Any],
        village: Village | None = None,
    ) -> None:
        self.budgets = budgets
        self.village = village
        self.url = base + settings["APBDES_URL"]
        self.save_as = save_as_of(self.url)
        for budget in budgets:
            budget.village = village
            budget.url = base + settings["APBDES_YEAR_URL"].format(tahun=budget.year)
            budget.save_as = save_as_of(budget.url)
            budget.image_url = base + settings["APBDES_IMAGE"].format(tahun=budget.year)
            budget.charts = {
                key: bar_chart(getattr(budget, key).items, budget.has_realisasi)
                for key in ("pendapatan", "belanja")
            }

    @property
    def latest(self) -> Budget:
        return self.budgets[0]


class ApbdesGenerator(Generator):
    # Its pages' addresses are set by the settings, not by the data files (content_guard's
    # output plan: a page on one of them is told once, at the page).
    SITE_ADDRESSES = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ledgers = []

    @staticmethod
    def folders(settings: Mapping[str, Any]) -> list[str]:
        """The APBDes folders relative to PATH, as patterns: "data/apbdes",
        "data/desa/*/apbdes"."""
        village = (settings.get("APBDES_VILLAGE_PATH") or "").strip("/")
        patterns = [settings["APBDES_PATH"].strip("/")]
        if "{slug}" in village:
            patterns.append(village.replace("{slug}", "*"))
        return patterns

    def source_files(self) -> list[str]:
        """Every year file this plugin reads (read_folder: each .yml/.yaml in an APBDes
        folder); content_guard.unread reports the rest of those folders."""
        import glob

        found = []
        for pattern in self.folders(self.settings):
            for folder in glob.glob(os.path.join(glob.escape(self.path), *pattern.split("/"))):
                found += [
                    os.path.join(folder, name)
                    for name in os.listdir(folder)
                    if not name.startswith(".") and name.endswith((".yml", ".yaml"))
                ]
        return found

    def _folder(self, setting, **values):
        return os.path.join(self.path, *self.settings[setting].format(**values).split("/"))

    def generate_context(self) -> None:
        self.ledgers = []
        latest_year = build_day(self.settings).year + 1
        budgets, errors = read_folder(self._folder("APBDES_PATH"), latest_year)
        if budgets:
            self.ledgers.append(Ledger(budgets, "", self.settings))
        errors += self._village_ledgers()
        real = [budget for budget in budgets if not budget.contoh]  # not the kit's examples
        if real and portal_without_owner(self.context, self.settings):
            errors.append(ownerless_data(real[0].path, "APBDes"))
        for error in errors:
            report(error)
        site = next((ledger for ledger in self.ledgers if ledger.village is None), None)
        self.context["apbdes_ledger"] = site  # the site's own APBDes (templates), or None
        if site is not None:
            self._add_menu_link(site)

    def _village_ledgers(self):
        """Each village's APBDes (data/desa/<slug>/apbdes/), attached to its Village."""
        errors = []
        villages = {  # only desa.yml's villages have data folders (README)
            village.slug: village
            for village in self.context.get("villages", [])
            if village.in_registry
        }
        template = self.settings.get("APBDES_VILLAGE_PATH") or ""
        if "{slug}" not in template:
            return errors
        head, tail = template.split("{slug}", 1)
        parent = os.path.join(self.path, *head.strip("/").split("/"))
        if not os.path.isdir(parent):
            return errors
        for slug in sorted(os.listdir(parent)):
            folder = os.path.join(parent, slug, *tail.strip("/").split("/"))
            if not os.path.isdir(folder):
                continue
            budgets, problems = read_folder(folder, build_day(self.settings).year + 1)
            errors += problems
            if not budgets:
                continue
            village = villages.get(slug)
            if village is None and not self.context.get("village_registry_complete", True):
                continue  # desa.yml has an error (reported): its village list is not sure
            if village is None:
                errors.append(unknown_folder(os.path.join(parent, slug), slug, villages))
                continue
            ledger = Ledger(budgets, folder_of(village.url), self.settings, village)
            village.apbdes = ledger
            self.ledgers.append(ledger)
        return errors

    def _add_menu_link(self, ledger):
        """The APBDes page joins the site's data pages (`transparency_links`, shared with
        plugin village_data): the menu shows one item for them and each page links the
        others. Not when APBDES_MENU_LABEL is empty."""
        label = self.settings.get("APBDES_MENU_LABEL")
        links = self.context.setdefault("transparency_links", [])
        if label and (label, ledger.url) not in links:
            links.append((label, ledger.url))

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        """For content_guard's output plan: every page and picture generate_output writes."""
        hint = (
            "alamat ini milik halaman APBDes: beri halaman yang lain slug lain, atau ubah "
            "APBDES_URL di pelicanconf.py"
        )
        for ledger in self.ledgers:
            owner = f" {ledger.village.distinct_title}" if ledger.village else ""
            latest = ledger.latest
            yield (ledger.save_as, f"halaman APBDes{owner}", latest.path, 1, hint)
            for budget in ledger.budgets:
                yield (budget.save_as, f"halaman APBDes {budget.year}{owner}", budget.path, 1, hint)
                yield (
                    budget.image_url,
                    f"gambar ringkasan APBDes {budget.year}{owner}",
                    budget.path,
                    1,
                    hint,
                )

    def generate_output(self, writer: Writer) -> None:
        template = self.get_template("apbdes")
        site_name = self.settings.get("SITENAME", "")
        for ledger in self.ledgers:
            pages = [(ledger.save_as, ledger.url, ledger.latest)]
            pages += [(budget.save_as, budget.url, budget) for budget in ledger.budgets]
            for save_as, url, budget in pages:
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    template_name="apbdes",
                    url=url,
                    page_name=os.path.splitext(save_as)[0],
                    apbdes=budget,
                    ledger=ledger,
                    village=ledger.village,
                    content_obj=budget,
                    is_latest_page=(url == ledger.url),
                    # apbdes/ names its year's page canonical (apbdes.html): that page
                    # alone is listed (plugin sitemap).
                    in_sitemap=url != ledger.url,
                )
            for budget in ledger.budgets:
                place = ledger.village.distinct_title if ledger.village else ""
                self._write_png(budget.image_url, summary_png(budget, site_name, place))

    def _write_png(self, name, data):
        target = os.path.join(self.output_path, *name.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
