"""A PostgreSQL cluster of the test's own (never the shared server of NEWSROOM_TEST_POSTGRES_URL), which a test may
crash, freeze and restart."""
import contextlib
import glob
import os
import pathlib
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time

from faults_support import IS_ROOT, checked, free_port, import_seed, missing


class PostgresCluster:
    """A PostgreSQL cluster of the test's own in a temporary directory, on a free port, password-checked over TCP
    (so a wrong password is refused). Run as the postgres user when root, as .ci/run does. A context manager."""

    PASSWORD = "faults-test-password"

    def __init__(self):
        initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                         key=lambda path: [int(part) for part in re.findall(r"\d+", path)])
        if not initdbs:
            missing("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
        if IS_ROOT and subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
            missing("no postgres user to run the private cluster as")
        self.bin = os.path.dirname(initdbs[-1])
        self.directory = tempfile.mkdtemp(prefix="newsroom-faults-pg-")
        self.data = os.path.join(self.directory, "data")
        self.port = free_port()
        self.frozen = []
        try:
            pathlib.Path(self.directory, "password").write_text(self.PASSWORD + "\n")
            self._as_postgres(f"{self.bin}/initdb -D {self.data} -U postgres --auth-local=trust --auth-host=scram-sha-256 "
                              f"--pwfile={self.directory}/password >{self.directory}/initdb.log 2>&1")
            self.start()
        except BaseException:
            self.destroy()
            raise

    def _as_postgres(self, command, timeout=120):
        if IS_ROOT:
            subprocess.run(["chown", "-R", "postgres", self.directory], check=True, timeout=60)
            arguments = ["su", "postgres", "-c", command]
        else:
            arguments = ["bash", "-c", command]
        done = subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"

    def start(self):
        """Starts the server and waits until it accepts connections; returns that moment (time.monotonic())."""
        options = shlex.quote(f"-h 127.0.0.1 -p {self.port} -k {self.directory} -c max_connections=200")
        self._as_postgres(f"{self.bin}/pg_ctl -D {self.data} -l {self.directory}/server.log -w -t 60 start -o {options}")
        return time.monotonic()

    def crash(self):
        """Stops the server at once, as a crash would (`pg_ctl -m immediate`)."""
        self._as_postgres(f"{self.bin}/pg_ctl -D {self.data} -m immediate -w stop")

    def processes(self):
        postmaster = int(pathlib.Path(self.data, "postmaster.pid").read_text().split()[0])
        children = []
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                fields = pathlib.Path(stat).read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                children.append(int(stat.split("/")[2]))
        return [postmaster, *children]

    def freeze(self):
        """SIGSTOP to every server process: connections are accepted by the kernel and never answered."""
        self.frozen = self.processes()
        for pid in self.frozen:
            os.kill(pid, signal.SIGSTOP)

    def thaw(self):
        for pid in self.frozen:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self.frozen = []

    def url(self, database, password=PASSWORD):
        return f"postgres://postgres:{password}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def tool(self, name, *arguments, timeout=120):
        """Runs a client program of the cluster's version (psql, pg_dump, pg_restore) over TCP."""
        done = subprocess.run([f"{self.bin}/{name}", *map(str, arguments)], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"{name} failed:\n{done.stderr}"
        return done.stdout

    def psql(self, database, *sql):
        return self.tool("psql", self.url(database), "-v", "ON_ERROR_STOP=1", "-At",
                         *[part for statement in sql for part in ("-c", statement)])

    def create_site(self, name):
        """A new database, migrated, with the seed imported; returns its URL, the article's id and path."""
        self.psql("postgres", f"CREATE DATABASE {name}")
        url = self.url(name)
        checked("migrate", "--database", url)
        return (url, *import_seed(url))

    def destroy(self):
        self.thaw()
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired):
            self._as_postgres(f"{self.bin}/pg_ctl -D {self.data} -m immediate -w stop", timeout=60)
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.destroy()
