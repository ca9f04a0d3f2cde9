"""The Neo4j server jars, resolved by Maven from the pom shipped beside this module."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from graph_service.localdb.errors import LocalNeo4jError, ToolMissing

POM = Path(__file__).with_name("pom.xml")


def neo4j_version() -> str:
    """The Neo4j version the pom declares (the newest 5.26.x that Maven Central serves)."""
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text())
    if match is None:
        raise LocalNeo4jError(f"{POM} declares no <neo4j.version>")
    return match.group(1)


def lib_dir(cache_dir: Path) -> Path:
    """The folder holding every runtime jar of this Neo4j version (a plain `lib/*` classpath)."""
    return cache_dir / f"neo4j-{neo4j_version()}" / "lib"


def ensure_jars(cache_dir: Path, *, quiet: bool = True) -> Path:
    """Copy the runtime jars into the cache once; later calls reuse them."""
    lib = lib_dir(cache_dir)
    complete = lib / ".complete"
    if complete.exists():
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ToolMissing("Maven (mvn)", "Install Maven 3.8+ (Debian: apt-get install maven).")
    staging = lib.with_name("lib.partial")
    shutil.rmtree(staging, ignore_errors=True)
    command = [
        mvn,
        *(["-q"] if quiet else []),
        "-B",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={staging}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise LocalNeo4jError(
            f"Maven could not resolve the Neo4j jars ({' '.join(command)}):\n"
            + "\n".join(output[-15:])
        )
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    # Written last so that an interrupted download is retried instead of half-used.
    complete.write_text(neo4j_version())
    return lib
