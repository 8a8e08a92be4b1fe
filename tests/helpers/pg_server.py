"""A throw-away PostgreSQL server on a free local port, for the tests and the benchmark.

Debian installs the server binaries in ``/usr/lib/postgresql/<version>/bin`` (not on PATH).
``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user
and every server command runs through ``su``. The cluster trusts local connections only
(127.0.0.1 and its own socket folder) and is stopped with ``pg_ctl -m immediate stop``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SERVER_USER = "postgres"


def server_bin_dir() -> Path | None:
    """The newest installed server's binary folder, or None when no server is installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def why_no_server() -> str | None:
    """A one-line reason why no test server can start here, or None when one can."""
    if server_bin_dir() is None:
        return "PostgreSQL server binaries are not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no '{SERVER_USER}' user to run the server"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    folder: Path
    port: int
    bin_dir: Path

    @property
    def base_url(self) -> str:
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}"

    def url(self, database: str) -> str:
        return f"{self.base_url}/{database}"

    def _run(self, *args: str) -> None:
        command = " ".join(_quote(a) for a in args)
        if os.geteuid() == 0:
            argv = ["su", SERVER_USER, "-s", "/bin/sh", "-c", command]
        else:
            argv = ["/bin/sh", "-c", command]
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        data = self.folder / "data"
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", SERVER_USER,
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                  "immediate", "-w", "stop")  # fmt: skip

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres").replace("+psycopg", ""), autocommit=True) as c:
            suffix = f' TEMPLATE "{template}"' if template else ""
            c.execute(f'CREATE DATABASE "{name}"{suffix}')  # type: ignore[arg-type]
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres").replace("+psycopg", ""), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


def start_server() -> PgServer:
    """Start a new cluster in a new folder (owned by the server user when running as root)."""
    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise RuntimeError(why_no_server() or "no PostgreSQL server")
    folder = Path(tempfile.mkdtemp(prefix="powmia-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SERVER_USER, SERVER_USER)
    server = PgServer(folder, _free_port(), bin_dir)
    server.start()
    return server


def stop_server(server: PgServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


_SHAPE = (
    "SELECT (SELECT string_agg(version_num, ',') FROM alembic_version), "
    "(SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace), "
    "(SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    " WHERE c.relnamespace = 'public'::regnamespace), "
    "(SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)"
)


class DatabasePool:
    """New migrated archives on the server, fast: databases copied from a migrated template
    (half a second each) are emptied and used again (a few milliseconds) when a test is done,
    unless the test changed their schema; each one handed out has an archive uid of its own.
    """

    def __init__(self, server: PgServer, template: str) -> None:
        self.server = server
        self.template = template
        self.free: list[str] = []
        self.numbers = iter(range(1, 1_000_000))
        with self._connect(template) as c:
            self.shape = c.execute(_SHAPE).fetchone()  # type: ignore[arg-type]

    def _connect(self, database: str) -> Any:
        import psycopg

        return psycopg.connect(self.server.url(database).replace("+psycopg", ""), autocommit=True)

    def take(self, shared_folder: Path | None = None) -> str:
        """The URL of an empty, migrated archive database nobody else is using, keeping its
        attachments and backups in ``shared_folder`` if given."""
        if self.free:
            url = self.server.url(self.free.pop())
        else:
            url = self.server.create_database(f"t{next(self.numbers)}", self.template)
            with self._connect(url.rsplit("/", 1)[1]) as c:  # not the template's uid
                c.execute(
                    "UPDATE archive_setting SET value = %s WHERE key = 'archive_uid'",
                    (str(uuid.uuid4()),),
                )
        if shared_folder is not None:
            with self._connect(url.rsplit("/", 1)[1]) as c:
                c.execute(
                    "INSERT INTO archive_setting (key, value) VALUES ('shared_folder', %s)",
                    (str(shared_folder),),
                )
        return url

    def give_back(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        try:
            with self._connect(name) as c:
                if c.execute(_SHAPE).fetchone() != self.shape:  # type: ignore[arg-type]
                    raise ValueError("schema changed")
                c.execute("SET lock_timeout = '2s'")  # type: ignore[arg-type]
                tables = [r[0] for r in c.execute(_TABLES)]  # type: ignore[arg-type]
                sequences = [r[0] for r in c.execute(_SEQUENCES)]  # type: ignore[arg-type]
                with c.transaction():
                    c.execute("SET LOCAL session_replication_role = replica")  # type: ignore[arg-type]
                    c.execute(";".join(f'DELETE FROM "{t}"' for t in tables))  # type: ignore[arg-type]
                    resets = ",".join(f"setval('\"{s}\"', 1, false)" for s in sequences)
                    c.execute(f"SELECT {resets}")  # type: ignore[arg-type]
                    c.execute(
                        "INSERT INTO archive_setting (key, value) VALUES ('archive_uid', %s)",
                        (str(uuid.uuid4()),),
                    )
        except Exception:
            self.server.drop_database(name)
            return
        self.free.append(name)


_TABLES = (
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
)
_SEQUENCES = "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
