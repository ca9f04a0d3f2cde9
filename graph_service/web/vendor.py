"""Refetch the browser libraries the pages ship (`make vendor`): each pinned package's tarball
from the npm registry, checked against the registry's integrity hash, and the few files the
pages load copied with the package's licence into `static/vendor/<name>-<version>/`.

The pages never load anything from another origin (their Content-Security-Policy forbids
it), so these files are the only copies the browser sees. `manifest.json` beside them records
each file's sha256; a unit test holds the shipped files to it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
VENDOR_DIR = Path(__file__).parent / "static" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    files: tuple[str, ...]  # paths inside the tarball's `package/` folder

    @property
    def folder(self) -> str:
        return f"{self.name}-{self.version}"


# The versions strawberry's GraphiQL page loaded from a CDN, and the graph-drawing library.
PACKAGES = (
    Package("react", "18.2.0", ("umd/react.production.min.js", "LICENSE")),
    Package("react-dom", "18.2.0", ("umd/react-dom.production.min.js", "LICENSE")),
    Package("graphiql", "3.8.3", ("graphiql.min.js", "graphiql.min.css", "LICENSE")),
    Package("cytoscape", "3.35.0", ("dist/cytoscape.esm.min.mjs", "LICENSE")),
)


def _get(url: str) -> bytes:
    if not url.startswith(REGISTRY + "/"):
        raise ValueError(f"refusing to fetch {url}: not the npm registry")
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - https, checked above
        body: bytes = response.read()
        return body


def _check_integrity(tarball: bytes, integrity: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if digest != expected:
        raise ValueError(f"tarball does not match the registry's {algorithm} integrity")


def fetch(package: Package) -> dict[str, object]:
    """Download, verify and unpack one package's files; returns its manifest entry."""
    metadata = json.loads(_get(f"{REGISTRY}/{package.name}/{package.version}"))
    tarball = _get(metadata["dist"]["tarball"])
    _check_integrity(tarball, metadata["dist"]["integrity"])
    target = VENDOR_DIR / package.folder
    shutil.rmtree(target, ignore_errors=True)
    files: dict[str, str] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for name in package.files:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise ValueError(f"{package.folder}: {name} is not a file")
            content = member.read()
            # Flattened: the pages name `<folder>/<file name>`.
            destination = target / Path(name).name
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(content)
            files[Path(name).name] = hashlib.sha256(content).hexdigest()
    return {
        "name": package.name,
        "version": package.version,
        "license": metadata.get("license"),
        "tarball": metadata["dist"]["tarball"],
        "integrity": metadata["dist"]["integrity"],
        "folder": package.folder,
        "sha256": files,
    }


def main() -> None:
    entries = [fetch(package) for package in PACKAGES]
    MANIFEST.write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    for entry in entries:
        print(f"{entry['folder']}: {', '.join(entry['sha256'])}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
