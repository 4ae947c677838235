"""Two builds of the same content are byte-identical.

A reader, a reviewer or a mirror can then check that the published site is what
the repository says: any difference (a timestamp, a random id, a set's order,
the build folder's path) would hide a change among noise.
"""

from __future__ import annotations

from built_site import differences, digests
from conftest import copy_repo, run_hub


def test_two_builds_of_the_real_content_are_identical(tmp_path):
    """Different folders (so no absolute path may leak) and different hash seeds (no set order)."""
    sites = []
    for name, seed in (("first-checkout", "1"), ("a/much/deeper/second", "2"), ("third", "random")):
        root = copy_repo(tmp_path / name)
        result = run_hub(root, "build", PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(root / "site")
        for path in (root / "site").rglob("*"):
            if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".jsonld", ".txt"):
                text = path.read_text(encoding="utf-8", errors="replace")
                assert str(tmp_path) not in text, f"{path}: the build folder's path leaked"
    first = digests(sites[0])
    assert len(first) > 100
    for other in sites[1:]:
        assert differences(first, digests(other)) == []
