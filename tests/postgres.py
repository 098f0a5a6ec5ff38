"""A PostgreSQL server of the test's own, from Debian's packages, for the fleet test.

It runs as the postgres user from a temporary data directory, listens only on the given
addresses (this machine's ends of the test hosts' veth pairs) and stops when done.
"""

from __future__ import annotations

import glob
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

PORT = 55432


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class Postgres:
    def __init__(self, listen: list[str]):
        self.bin = binaries()
        self.dir = Path(tempfile.mkdtemp(prefix="jitsi-pg-"))
        self.listen = listen
        self.superuser_password = secrets.token_urlsafe(18)
        self.password = secrets.token_urlsafe(18)  # the prosody role's

    def _as_postgres(self, *command: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            check=True,
            capture_output=True,
            text=True,
            **kwargs,
        )

    def start(self) -> Postgres:
        shutil.chown(self.dir, "postgres")
        pwfile = self.dir / "pw"
        pwfile.write_text(self.superuser_password + "\n")
        shutil.chown(pwfile, "postgres")
        pwfile.chmod(0o600)
        data = self.dir / "data"
        self._as_postgres(
            str(self.bin / "initdb"),
            "-D",
            str(data),
            "-A",
            "scram-sha-256",
            f"--pwfile={pwfile}",
            "-U",
            "postgres",
        )
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(
                f"listen_addresses = '{','.join(self.listen)}'\nport = {PORT}\n"
                f"unix_socket_directories = '{self.dir}'\n"
            )
        with open(data / "pg_hba.conf", "a") as hba:
            for address in self.listen:
                network = address.rsplit(".", 1)[0] + ".0/30"
                hba.write(f"host prosody prosody {network} scram-sha-256\n")
        self._as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w", "start"
        )
        self.sql(f"CREATE ROLE prosody LOGIN PASSWORD '{self.password}'")
        self.sql("CREATE DATABASE prosody OWNER prosody")
        return self

    def sql(self, statement: str, database: str = "postgres") -> str:
        return subprocess.run(
            [
                "psql",
                "-h",
                str(self.dir),
                "-p",
                str(PORT),
                "-U",
                "postgres",
                "-d",
                database,
                "-At",
                "-c",
                statement,
            ],
            env={"PGPASSWORD": self.superuser_password, "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def stop(self) -> None:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.dir / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)
