"""A generator that writes one small redirect page at each old address of an article
or page, pointing to where it lives now (never listed in the sitemap or feeds)."""

from pelican.generators import Generator

from front_matter.errors import ContentError, report

from .addresses import HINT, BadAddress, address_path, save_as


class RedirectGenerator(Generator):
    def generate_context(self):
        self.redirects = []  # (save_as, target content)
        contents = [*self.context.get("articles", []), *self.context.get("pages", []),
                    *self.context.get("hidden_pages", [])]
        for content in contents:
            self._collect(content)
        self._check_collisions(contents)

    def _collect(self, content):
        values = getattr(content, "old_addresses", None) or []
        line = getattr(content, "meta_lines", {}).get("old_addresses", 1)
        for value in values:
            try:
                path = address_path(value)
            except BadAddress as problem:
                report(ContentError(content.source_path, line, str(problem), HINT))
                continue
            self.redirects.append((save_as(path), content, line))

    def _check_collisions(self, contents):
        taken = {c.save_as: c for c in contents}
        written = {}
        for target, content, line in self.redirects:
            owner = taken.get(target) or written.get(target)
            if owner is not None and owner is not content:
                report(ContentError(
                    content.source_path, line,
                    f"alamat lama '{target.removesuffix('index.html')}' dipakai juga oleh "
                    f"{owner.source_path} (old address already in use)",
                    "hapus alamat itu dari alamat_lama",
                ))
            written.setdefault(target, content)

    def generate_output(self, writer):
        template = self.get_template("redirect")
        for target, content, _line in self.redirects:
            writer.write_file(target, template, self.context, content=content,
                              relative_urls=self.settings["RELATIVE_URLS"])
