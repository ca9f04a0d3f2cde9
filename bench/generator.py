"""The bulk path's Python side alone: generating a district and writing the importer's CSV
files, in CPU time per household (wall time on a shared machine says little).

    .venv/bin/python -m bench.generator --households 20000
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from graph_service.db.run import Stamp
from graph_service.seeding.import_files import ImportFiles
from seeds.generator import iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-generator-"))
    files = ImportFiles(folder, Stamp("demo-seed", ANCHOR))
    generate = write = 0.0
    wall = time.perf_counter()
    mark = time.process_time()
    for chunk in iter_district(households=args.households, seed=args.seed, anchor=ANCHOR):
        now = time.process_time()
        generate += now - mark
        files.write(chunk)
        mark = time.process_time()
        write += mark - now
    files.close()
    wall = time.perf_counter() - wall
    shutil.rmtree(folder)
    n = args.households
    print(
        f"{n:,} households, {sum(files.rows.values()):,} rows: CPU generate {generate:.1f} s "
        f"({generate / n * 1000:.3f} ms a household), write CSV {write:.1f} s "
        f"({write / n * 1000:.3f} ms); wall {wall:.1f} s"
    )


if __name__ == "__main__":
    main()
