"""What the attacks on a real server share (a module of its own, not a conftest: the browser tests have theirs): the binary (missing is a failure under CI=true, a skip elsewhere) and a
`newsroom serve` over a temporary SQLite file, stopped by its pid."""
import os
import pathlib
import re
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NEWSROOM_BIN", ROOT / ".build" / "debug" / "newsroom"))


class Server:
    """One `newsroom serve` (started by `prefix` + the serve command, e.g. under `prlimit`): its process and port."""

    def __init__(self, arguments, prefix=(), setup=()):
        if not BINARY.exists():
            if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
                pytest.fail(f"no newsroom binary at {BINARY}")
            pytest.skip(f"no newsroom binary at {BINARY}")
        self.directory = tempfile.TemporaryDirectory(prefix="newsroom-security-")
        self.env = dict(os.environ, NEWSROOM_DATABASE_URL=f"sqlite://{self.directory.name}/site.sqlite",
                        NEWSROOM_SECRET="security-test-secret-security-test-secret")
        for command, stdin in setup:
            done = subprocess.run([str(BINARY), *command], input=stdin, env=self.env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        self.process = subprocess.Popen([*prefix, str(BINARY), "serve", "--port", "0", *arguments],
                                        env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = re.search(r"http://127\.0\.0\.1:(\d+) ", line)
            if match:
                self.port = int(match.group(1))
                self.base = f"http://127.0.0.1:{self.port}"
                break
        else:
            raise RuntimeError("newsroom serve did not start")

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.directory.cleanup()


@pytest.fixture
def start_server():
    servers = []

    def start(arguments, prefix=(), setup=()):
        server = Server(arguments, prefix, setup)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
