"""What the pytest plugin's session start costs on a fresh managed test server: the server's
first start, the migrations and the demo district, each in wall and CPU seconds (this process
and the server), so a shared machine's slowness can be told from the code's.

    .venv/bin/python -m bench.plugin_start --households 60 [--port 7736] [--home DIR]
    .venv/bin/python -m bench.plugin_start --plugin     # what the plugin does now

Without --plugin: the server's defaults, migrations and `load_demo_district`, as the plugin
did before. With it: the plugin's quick-start JVM settings and its prebuilt demo store (when
--households is the prebuilt 60), then the same migrations and the district's summary.
It wipes DIR's data first (a scratch home of its own by default) and stops the server after.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
from pathlib import Path

from graph_service.access.settings import AccessSettings
from graph_service.clock import FixedClock
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb import LocalNeo4j
from graph_service.seeding.demo import load_demo_district
from graph_service.seeding.phase_clock import PhaseClock
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings
from graph_service.testing.database import TestDatabase
from graph_service.testing.prebuilt_demo import Demo, install, preloaded_summary

DEFAULT_HOME = Path(".graph-service/bench-plugin-start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=60)
    parser.add_argument("--port", type=int, default=7736)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--plugin", action="store_true", help="quick start and prebuilt store")
    args = parser.parse_args()
    server = LocalNeo4j(
        home=args.home.resolve(), port=args.port, password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir, heap="512m", pagecache="128m",
        quick_start=args.plugin,
    )  # fmt: skip
    server.stop()
    shutil.rmtree(server.layout.data_dir, ignore_errors=True)
    clock = PhaseClock(server_pid=lambda: server.status().pid)
    demo = Demo(args.households, 1, DEMO_INSTANT)
    preloaded = False
    try:
        if args.plugin:
            with clock.phase("unpack store"):
                preloaded = install(server.layout, demo, AccessSettings().policy())
        with clock.phase("server start", server=True):
            server.start()
        database = TestDatabase(server.bolt_uri, "neo4j", DEV_NEO4J_PASSWORD, "neo4j", "local")

        async def prepare() -> None:
            async with create_driver(database.settings()) as driver:
                with clock.phase("migrations", server=True):
                    await migrate(driver, database="neo4j")
                with clock.phase(f"demo {args.households}", server=True):
                    if preloaded:
                        await preloaded_summary(driver, "neo4j", demo)
                    else:
                        await load_demo_district(
                            driver, "neo4j", households=args.households, seed=1,
                            clock=FixedClock(DEMO_INSTANT),
                        )  # fmt: skip

        asyncio.run(prepare())
    finally:
        server.stop()
    for name, wall in clock.wall.items():
        print(f"{name:<14} wall {wall:6.1f} s   CPU {clock.cpu[name]:6.1f} s")
    wall, cpu = sum(clock.wall.values()), sum(clock.cpu.values())
    print(f"{'total':<14} wall {wall:6.1f} s   CPU {cpu:6.1f} s")


if __name__ == "__main__":
    main()
