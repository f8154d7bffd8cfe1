"""The locked test set of the validation study (data/coding/README.md): its
SHA-256 was recorded when it was locked, before any machine output on it was
seen; this test fails if the file changes."""

import hashlib

from analysis.paths import project_root

CODING = project_root() / "data" / "coding"


def test_the_locked_test_set_is_unchanged():
    recorded = dict(line.split()[::-1] for line in (CODING / "locked.sha256").read_text().splitlines() if line)
    assert recorded, "locked.sha256 lists no file"
    for name, digest in recorded.items():
        assert hashlib.sha256((CODING / name).read_bytes()).hexdigest() == digest, (
            f"data/coding/{name} changed after it was locked; restore it (git checkout) - a locked test set "
            "is never edited, only replaced by a new, separately locked one")
