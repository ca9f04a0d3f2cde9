"""The bulk path's importer alone: `neo4j-admin database import full` over a generated
district's CSV files, into a scratch home that is never started, with the importer's wall,
CPU and peak memory (a waited-for child's rusage), so its flags can be compared on the same
files:

    .venv/bin/python -m bench.bulk_import --households 100000 --keep /tmp/district-100k
    .venv/bin/python -m bench.bulk_import --files /tmp/district-100k --threads 2 \
        --option=--high-parallel-io=on
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from graph_service.db.run import Stamp
from graph_service.localdb import LocalNeo4j
from graph_service.localdb.jars import ensure_jars
from graph_service.seeding.import_files import ImportFiles
from graph_service.settings import Settings
from seeds.generator import iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)


def _children_cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def write_files(folder: Path, households: int) -> list[str]:
    files = ImportFiles(folder, Stamp("demo-seed", ANCHOR))
    cpu = time.process_time()
    for chunk in iter_district(households=households, seed=1, anchor=ANCHOR):
        files.write(chunk)
    for school in chunk.schools:  # as the bulk path writes those the story does not record
        files.write_school(
            {
                **school,
                "createdAt": ANCHOR,
                "createdBy": "demo-seed",
                "updatedAt": ANCHOR,
                "updatedBy": "demo-seed",
                "version": 1,
            }
        )
    files.close()
    print(f"wrote {sum(files.rows.values()):,} rows, CPU {time.process_time() - cpu:.1f} s")
    (folder / "arguments.txt").write_text("\n".join(files.arguments()))
    return files.arguments()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--files", type=Path, help="reuse the files a --keep run wrote")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--off-heap", default="1g")
    parser.add_argument("--option", action="append", default=[], help="one more importer flag")
    args = parser.parse_args()
    if args.files:
        arguments = (args.files / "arguments.txt").read_text().splitlines()
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-bulk-import-"))
        arguments = write_files(folder, args.households)
    home = Path(tempfile.mkdtemp(prefix="bench-bulk-import-home-"))
    settings = Settings(
        neo4j_uri=None,
        neo4j_password="bench-import",  # noqa: S106 - a throwaway home's
        local_neo4j_home=home,
        local_neo4j_port=7729,
    )
    local = LocalNeo4j.from_settings(settings)
    # The home's conf and password first (the password tool is a JVM of its own, which
    # the bulk path's home, already started once, does not run before its import).
    local._prepare(shutil.which("java") or "java", ensure_jars(settings.jar_cache_dir))
    done: list[str] = []

    def on_line(line: str) -> None:
        if line.strip().startswith(("IMPORT DONE", "Peak memory")) or " in " in line:
            done.append(line.strip())

    cpu, _ = _children_cpu()
    wall = time.perf_counter()
    local.import_full(
        "neo4j", [*arguments, *args.option], heap=args.heap, off_heap=args.off_heap,
        threads=args.threads, on_line=on_line,
    )  # fmt: skip
    wall = time.perf_counter() - wall
    spent, peak = _children_cpu()
    print("\n".join(done[-12:]))
    print(
        f"import: wall {wall:.1f} s, CPU {spent - cpu:.1f} s, importer peak RSS {peak:.0f} MB "
        f"(threads {args.threads}, heap {args.heap}, options {args.option})"
    )
    shutil.rmtree(home)
    if not (args.files or args.keep):
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
