"""Start, stop and inspect a real Neo4j Community server run from its Maven jars."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph_service.localdb.config import LAUNCHER_JVM_FLAGS, ServerLayout, render_conf
from graph_service.localdb.errors import (
    LocalNeo4jError,
    PortInUse,
    ServerExited,
    StartTimedOut,
    ToolMissing,
)
from graph_service.localdb.jars import ensure_jars, neo4j_version
from graph_service.settings import Settings

STOP_GRACE_SECONDS = 60.0
IMPORT_PAGECACHE = "256m"  # the bulk importer's, whatever the server's (see import_full)

# Servers this process launched. Holding their Popen objects lets us reap them when they stop
# and keeps Python from warning that a child it forgot about is still running.
_launched: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    home: Path
    version: str
    note: str = ""  # what the start had to do first (see `LocalNeo4j.start`)

    def describe(self) -> str:
        state = f"running (pid {self.pid})" if self.running else "stopped"
        described = f"Neo4j {self.version} {state} at {self.bolt_uri}, home {self.home}"
        return f"{described}; {self.note}" if self.note else described


class LocalNeo4j:
    """One managed server: its home folder, its port and its credentials."""

    def __init__(
        self,
        *,
        home: Path,
        port: int,
        password: str,
        jar_cache_dir: Path,
        heap: str = "512m",
        pagecache: str = "256m",
        start_timeout: float = 180.0,
        quick_start: bool = False,
    ) -> None:
        """`quick_start`: JVM settings for a short-lived server (tests): see `_jvm_flags`."""
        self.layout = ServerLayout(home)
        self.quick_start = quick_start
        self._archive_made_at_exit: Path | None = None
        self.port = port
        self.password = password
        self.jar_cache_dir = jar_cache_dir
        self.heap = heap
        self.pagecache = pagecache
        self.start_timeout = start_timeout

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalNeo4j:
        return cls(
            home=settings.local_neo4j_home,
            port=settings.local_neo4j_port,
            password=settings.neo4j_password.get_secret_value(),
            jar_cache_dir=settings.jar_cache_dir,
            heap=settings.local_neo4j_heap,
            pagecache=settings.local_neo4j_pagecache,
            start_timeout=settings.local_neo4j_start_timeout,
        )

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def status(self) -> ServerStatus:
        pid = self._live_pid()
        return ServerStatus(pid is not None, pid, self.bolt_uri, self.layout.home, neo4j_version())

    def start(self) -> ServerStatus:
        """Start the server and wait for Bolt; a no-op when it is already running. A database
        whose bulk import was cut short (this process killed, the machine down) is emptied
        first: its half-written store has no transaction logs, and Neo4j would keep it
        unavailable ("Transaction logs are missing and recovery is not possible")."""
        if self._live_pid() is not None:
            return self.status()
        java = _require_java()
        lib = ensure_jars(self.jar_cache_dir)
        if _port_taken(self.port):
            raise PortInUse(self.port)
        emptied = self._empty_interrupted_imports()
        self._prepare(java, lib)
        process = self._launch(java, lib)
        _launched[process.pid] = process
        self.layout.pid_file.write_text(str(process.pid))
        try:
            self._wait_for_bolt(process)
        except LocalNeo4jError:
            self._terminate(process.pid)
            raise
        if not emptied:
            return self.status()
        names = ", ".join(repr(name) for name in emptied)
        return replace(
            self.status(),
            note=f"a bulk import into {names} had been cut short: its partial store was "
            "removed, so the database started empty",
        )

    def _empty_interrupted_imports(self) -> list[str]:
        """Remove the partial store of every database an import was writing when it was
        cut short (its marker is still there); refuse while such an import still runs."""
        emptied = []
        for database, marker in self.layout.import_markers():
            pid = marker.read_text().strip()
            if pid.isdigit() and _alive(int(pid)) and _is_an_import(int(pid)):
                raise LocalNeo4jError(
                    f"a bulk import into {database!r} is still running (pid {pid}): wait for "
                    "it to finish, or stop it, before starting the server"
                )
            self._discard_import(database)
            emptied.append(database)
        return emptied

    def _discard_import(self, database: str) -> None:
        """An import that did not finish leaves a store Neo4j will not open: remove it (and
        the marker), so that the next start makes the database again, empty."""
        for folder in self.layout.store_of(database):
            shutil.rmtree(folder, ignore_errors=True)
        self.layout.import_marker(database).unlink(missing_ok=True)

    def stop(self) -> ServerStatus:
        """Ask for a clean shutdown (SIGTERM) and wait; kill only if it never comes."""
        pid = self._live_pid()
        if pid is not None:
            self._terminate(pid)
        self.layout.pid_file.unlink(missing_ok=True)
        self._keep_class_archive()
        return self.status()

    def reset(self) -> ServerStatus:
        """Wipe every database (and the password, which is set again at the next start)."""
        was_running = self._live_pid() is not None
        self.stop()
        # Renamed away first, in one step, then removed: a reset cut short leaves either the
        # whole data folder or none (a half-removed system database would not start).
        removing = self.layout.home / "data.removing"
        shutil.rmtree(removing, ignore_errors=True)
        if self.layout.data_dir.exists():
            self.layout.data_dir.rename(removing)
        shutil.rmtree(removing, ignore_errors=True)
        return self.start() if was_running else self.status()

    def import_full(
        self,
        database: str,
        options: list[str],
        *,
        heap: str = "512m",
        off_heap: str = "1g",
        threads: int = 2,
        pagecache: str = IMPORT_PAGECACHE,
        on_line: Callable[[str], None] | None = None,
    ) -> None:
        """`neo4j-admin database import full` into `database`, replacing its store: the
        server must be stopped (Community can't stop one database). `options` name the CSV
        files; any bad row fails the import. The importer's own output goes to `on_line`
        and to logs/import.log.

        An import that fails or is interrupted leaves no half-written store behind: it is
        removed, and the database starts empty (a marker in the data folder says an import
        is writing, so a start after this process itself was killed does the same).

        The importer reads the server's neo4j.conf, page cache included, and a large one
        slows it: with the benchmark's 8g its relationship linking took 11.7 s instead of
        3.7-4.3 s at a million households (docs/loading.md). So it gets its own, `pagecache`."""
        if self._live_pid() is not None:
            raise LocalNeo4jError("stop the managed Neo4j before a bulk import")
        java = _require_java()
        lib = ensure_jars(self.jar_cache_dir)
        self._prepare(java, lib)  # a home never started gets its conf and password first
        log = self.layout.logs_dir / "import.log"
        overrides = self.layout.conf_dir / "import.conf"
        overrides.write_text(f"server.memory.pagecache.size={pagecache}\n")
        command = [
            java, f"-Xms{heap}", f"-Xmx{heap}", *LAUNCHER_JVM_FLAGS,
            *self._shared_classes(java, lib), "-cp", f"{lib}/*",
            # The database first: a trailing one would be read as one more CSV file.
            "org.neo4j.cli.AdminTool", "database", "import", "full", database,
            "--overwrite-destination=true", "--bad-tolerance=0",
            f"--report-file={self.layout.logs_dir / 'import-report.txt'}",
            f"--max-off-heap-memory={off_heap}", f"--threads={threads}",
            f"--additional-config={overrides}", *options,
        ]  # fmt: skip
        lines: list[str] = []
        marker = self.layout.import_marker(database)
        marker.write_text("")  # before the importer touches the store
        launched = False
        try:
            with (
                log.open("w", buffering=1) as written,  # line by line: `tail -f` shows it
                subprocess.Popen(  # noqa: S603 - fixed command, our own arguments
                    command, env=self._neo4j_env(), stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                ) as process,
            ):  # fmt: skip
                launched = True
                marker.write_text(str(process.pid))
                try:
                    assert process.stdout is not None
                    for line in process.stdout:
                        written.write(line)
                        lines.append(line.rstrip())
                        if on_line is not None:
                            on_line(line.rstrip())
                    code = process.wait()
                except BaseException:  # Ctrl-C, or a failing on_line: no importer goes on
                    process.kill()
                    process.wait()
                    raise
        except BaseException:
            if launched:
                self._discard_import(database)
            else:  # no importer ran (no Java, say): the store is as it was
                marker.unlink(missing_ok=True)
            raise
        if code != 0:
            self._discard_import(database)
            raise LocalNeo4jError(
                f"neo4j-admin database import failed (exit {code}; full output in {log}); "
                f"its partial store was removed, so the database {database!r} starts empty. "
                "Last lines:\n" + "\n".join(lines[-25:])
            )
        marker.unlink()

    def _prepare(self, java: str, lib: Path) -> None:
        self.layout.make_dirs()
        conf = render_conf(self.layout, port=self.port, heap=self.heap, pagecache=self.pagecache)
        (self.layout.conf_dir / "neo4j.conf").write_text(conf)
        if not self.layout.auth_file.exists():
            self._set_initial_password(java, lib)

    def _set_initial_password(self, java: str, lib: Path) -> None:
        # Only effective before the first start; it writes data/dbms/auth.ini.
        command = [
            java,
            *self._shared_classes(java, lib),
            "-cp",
            f"{lib}/*",
            "org.neo4j.cli.AdminTool",
            "dbms",
            "set-initial-password",
            self.password,
        ]
        result = subprocess.run(  # noqa: S603 - fixed command, our own arguments
            command, env=self._neo4j_env(), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise LocalNeo4jError(
                "setting the initial Neo4j password failed:\n" + (result.stdout + result.stderr)
            )

    def _shared_classes(self, java: str, lib: Path) -> list[str]:
        """The admin tools map the servers' archive too (most of their classes are in it)."""
        archive = class_archive(self.jar_cache_dir, java, lib)
        return [f"-XX:SharedArchiveFile={archive}"] if archive.exists() else []

    def _jvm_flags(self, java: str, lib: Path) -> list[str]:
        """Every server maps the class-data-sharing archive of Neo4j's classes when there is
        one (loading classes is most of a start's CPU; sharing changes nothing once
        running). A `quick_start` server (tests: it lives for one session) also writes the
        archive at its exit when there is none yet, and uses only the client compiler, so
        no C2 compiling runs beside the session's few thousand statements. Measured on 2
        shared cores: a start 4.9 s of CPU instead of 12-14 s with both, 9.0 s with the
        archive alone; a first query 0.8 s instead of 3 (docs/loading.md). Servers that
        serve for long (development, benchmarks) keep C2."""
        archive = class_archive(self.jar_cache_dir, java, lib)
        flags = ["-XX:TieredStopAtLevel=1"] if self.quick_start else []
        if archive.exists():
            return [*flags, f"-XX:SharedArchiveFile={archive}"]
        if not self.quick_start:
            return flags
        # Written here at exit, then moved into the cache whole (`stop`): two servers starting
        # at once never map a half-written archive.
        self._archive_made_at_exit = archive
        return [*flags, f"-XX:ArchiveClassesAtExit={self._pending_archive}"]

    @property
    def _pending_archive(self) -> Path:
        return self.layout.run_dir / "classes.jsa"

    def _keep_class_archive(self) -> None:
        target = self._archive_made_at_exit
        if target is not None and self._pending_archive.exists():
            partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
            shutil.move(self._pending_archive, partial)  # the cache may be another disk
            os.replace(partial, target)
        self._archive_made_at_exit = None

    def _launch(self, java: str, lib: Path) -> subprocess.Popen[bytes]:
        command = [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *LAUNCHER_JVM_FLAGS,
            *self._jvm_flags(java, lib),
            "-cp",
            f"{lib}/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.layout.home}",
            f"--config-dir={self.layout.conf_dir}",
        ]
        with self.layout.console_log.open("ab") as console:
            # A session of its own, so that a Ctrl-C in the caller's terminal does not reach it.
            return subprocess.Popen(  # noqa: S603 - fixed command, our own arguments
                command,
                cwd=self.layout.home,
                env=self._neo4j_env(),
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _neo4j_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "JAVA_OPTS"}  # it replaces our flags
        env["NEO4J_HOME"] = str(self.layout.home)
        env["NEO4J_CONF"] = str(self.layout.conf_dir)
        return env

    def _wait_for_bolt(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + self.start_timeout
        auth = ("neo4j", self.password)
        while time.monotonic() < deadline:
            exit_code = process.poll()
            if exit_code is not None:
                raise ServerExited(exit_code, self.log_tail())
            if _port_taken(self.port):
                try:
                    with GraphDatabase.driver(self.bolt_uri, auth=auth) as driver:
                        driver.verify_connectivity()
                    return
                except AuthError as error:
                    raise LocalNeo4jError(
                        f"Neo4j at {self.bolt_uri} refused the configured password; its data "
                        f"folder was made with another one. Run `graph-service db reset`. "
                        f"({error.message})"
                    ) from error
                except (ServiceUnavailable, OSError):
                    pass
            time.sleep(0.25)
        raise StartTimedOut(self.start_timeout, self.log_tail())

    def _terminate(self, pid: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)

    def _live_pid(self) -> int | None:
        try:
            pid = int(self.layout.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if not _alive(pid) or not _is_our_java(pid):
            self.layout.pid_file.unlink(missing_ok=True)
            return None
        return pid

    def log_tail(self, lines: int = 25) -> str:
        """The last lines of whichever log says most about a failed start."""
        tails = []
        for log in (self.layout.console_log, self.layout.logs_dir / "neo4j.log"):
            if log.exists():
                tails.append(f"--- {log}\n" + "\n".join(log.read_text().splitlines()[-lines:]))
        return "\n".join(tails) or "(no log written)"


def class_archive(cache_dir: Path, java: str, lib: Path) -> Path:
    """Where the class-data-sharing archive for this Java and these jars lives (the JVM
    ignores, with a warning, an archive made by another Java or classpath)."""
    java_path = Path(java).resolve()
    key = hashlib.sha256(f"{java_path}\n{java_path.stat().st_mtime_ns}\n{lib}".encode())
    return cache_dir / f"neo4j-{neo4j_version()}-{key.hexdigest()[:12]}.jsa"


def _require_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise ToolMissing("Java 17", "Install a Java 17 runtime (Debian: openjdk-17-jre-headless).")
    return java


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    child = _launched.get(pid)
    if child is not None:
        # Our own child: poll() also reaps it once it has exited.
        if child.poll() is None:
            return True
        del _launched[pid]
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _runs(pid: int, *words: bytes) -> bool:
    """Whether `pid`'s command line holds each of `words` (so a pid file or an import marker
    whose number now belongs to another program is not trusted). Without /proc (macOS), the
    file is trusted."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return True
    arguments = cmdline.read_bytes().split(b"\0")
    return all(word in arguments for word in words)


def _is_an_import(pid: int) -> bool:
    return _runs(pid, b"org.neo4j.cli.AdminTool", b"import")


def _is_our_java(pid: int) -> bool:
    return _runs(pid, b"org.neo4j.server.CommunityEntryPoint")
