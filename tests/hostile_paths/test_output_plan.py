"""The output plan is the whole truth: every file a real build writes is in it, and
nothing else (so the collision check sees every file the site writes)."""

import pytest
from pelican import signals

from conftest import PRODUCTION_URL
from content_guard.outputs import plan_outputs
from search.indexer import HASHED
from tests.sitetools import build_site


@pytest.mark.parametrize(
    "settings, extra",
    [
        ("pelicanconf.py", {}),
        (
            "publishconf.py",
            {"CUSTOM_DOMAIN": "binangun-singgahan.desa.id", "DEFAULT_PAGINATION": 2},
        ),
    ],
)
def test_the_plan_lists_exactly_the_files_written(tmp_path, settings, extra):
    plans = []

    def record(generators):
        plans.append(plan_outputs(generators))

    signals.all_generators_finalized.connect(record)
    try:
        site = build_site(
            tmp_path / "output",
            settings=settings,
            siteurl=PRODUCTION_URL if settings == "publishconf.py" else None,
            **extra,
        )
    finally:
        signals.all_generators_finalized.disconnect(record)
    written = {str(p.relative_to(site.output)) for p in site.output.rglob("*") if p.is_file()}
    # The search index's files named by content hash cannot be planned (search.indexer).
    written = {name for name in written if not HASHED.match(name)}
    planned = set(plans[-1])
    assert sorted(written - planned) == []
    assert sorted(planned - written) == []
    assert len(written) > 40
