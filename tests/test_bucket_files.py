"""The build cache's dicts kept in several files (wartadesa/bucket_files.py): a change
writes only the files whose entries changed; a damaged file loses only its entries."""

import pickle

from wartadesa.bucket_files import BUCKETS, BucketFiles, bucket_of


def entries(count=200):
    return {f"kunci-{number}": {"nilai": number} for number in range(count)}


def identities(folder):
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.glob("isi-*.bin")}


def test_every_entry_comes_back_from_its_own_file(tmp_path):
    kept = entries()
    BucketFiles(tmp_path, "isi", header="v1").save(kept)
    assert len(list(tmp_path.glob("isi-*.bin"))) == BUCKETS
    for path in tmp_path.glob("isi-*.bin"):
        number = int(path.stem.rsplit("-", 1)[1])
        assert all(bucket_of(key) == number for key in pickle.loads(path.read_bytes())["entries"])
    assert BucketFiles(tmp_path, "isi", header="v1").load() == kept


def test_only_the_file_of_a_changed_entry_is_written_again(tmp_path):
    BucketFiles(tmp_path, "isi", header="v1").save(entries())
    before = identities(tmp_path)
    files = BucketFiles(tmp_path, "isi", header="v1")
    found = files.load()
    found["kunci-7"] = {"nilai": "baru"}
    del found["kunci-8"]
    files.save(found)
    after = identities(tmp_path)
    changed = {f"isi-{bucket_of(key):02d}.bin" for key in ("kunci-7", "kunci-8")}
    assert {name for name in after if after[name] != before[name]} == changed
    assert BucketFiles(tmp_path, "isi", header="v1").load() == found
    files.save(dict(found))  # the same entries again: nothing written
    assert identities(tmp_path) == after


def test_a_damaged_file_loses_only_its_entries(tmp_path):
    kept = entries()
    BucketFiles(tmp_path, "isi", header="v1").save(kept)
    damaged = tmp_path / "isi-03.bin"
    damaged.write_bytes(b"bukan pickle")
    found = BucketFiles(tmp_path, "isi", header="v1").load()
    assert found == {key: value for key, value in kept.items() if bucket_of(key) != 3}
    assert len(found) < len(kept)


def test_entries_made_under_another_header_are_not_taken(tmp_path):
    BucketFiles(tmp_path, "isi", header="v1").save(entries())
    assert BucketFiles(tmp_path, "isi", header="v2").load() == {}
    files = BucketFiles(tmp_path, "isi", header="v2")
    files.load()
    files.save({"kunci-1": 1})
    assert BucketFiles(tmp_path, "isi", header="v2").load() == {"kunci-1": 1}
    assert BucketFiles(tmp_path, "isi", header="v1").load() == {}


def test_files_of_another_header_lose_only_their_entries(tmp_path):
    kept = entries()
    BucketFiles(tmp_path, "isi", header="v1").save(kept)
    foreign = {key: value for key, value in kept.items() if bucket_of(key) == 5}
    (tmp_path / "isi-05.bin").write_bytes(pickle.dumps({"header": "v2", "entries": foreign}))
    found = BucketFiles(tmp_path, "isi", header="v1").load()
    assert found == {key: value for key, value in kept.items() if bucket_of(key) != 5}


def test_a_cache_that_cannot_be_written_is_only_not_kept(tmp_path):
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("sebuah berkas, bukan folder")
    files = BucketFiles(blocked, "isi", header="v1")
    assert files.load() == {}
    assert files.save(entries()) is False  # nothing raised: the next build makes them again
    unpicklable = BucketFiles(tmp_path / "cache", "isi", header="v1")
    values = entries()
    values["kunci-3"] = lambda: None  # a value that does not pickle: its file not written
    assert unpicklable.save(values) is False
    found = BucketFiles(tmp_path / "cache", "isi", header="v1").load()
    assert "kunci-3" not in found and found["kunci-4"] == {"nilai": 4}


def test_a_value_of_another_type_is_written_again(tmp_path):
    files = BucketFiles(tmp_path, "isi", header="v1")
    files.save({"kunci": 1})
    before = identities(tmp_path)
    files.save({"kunci": True})  # equal to 1, not the same value
    assert BucketFiles(tmp_path, "isi", header="v1").load() == {"kunci": True}
    assert type(BucketFiles(tmp_path, "isi", header="v1").load()["kunci"]) is bool
    assert identities(tmp_path) != before
