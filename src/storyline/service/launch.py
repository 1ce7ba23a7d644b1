"""Run `storyline serve` as a child process on a free loopback port, for tests and benchmarks.

    with ServerProcess("--workers", "2", "--db", db) as server:
        httpx.get(server.url + "/stories")
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import httpx

HOST = "127.0.0.1"


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class ServerProcess:
    """`python -m storyline.cli serve --host 127.0.0.1 --port PORT ARGS...`, started on entering (ready
    when GET /healthz answers, within ``start_timeout`` seconds) and stopped on leaving (SIGTERM, then
    SIGKILL after ``stop_timeout``). Its log (JSON lines) goes to ``log_path`` (a temporary file by default)."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, log_path: str | Path | None = None,
                 start_timeout: float = 30.0, stop_timeout: float = 10.0):
        self.args, self.start_timeout, self.stop_timeout = [str(a) for a in args], start_timeout, stop_timeout
        self.env = {**os.environ, **(env or {})}
        self.log_path = Path(log_path) if log_path else Path(tempfile.mkstemp(prefix="storyline-serve-", suffix=".log")[1])
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._launched = 0.0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Launch the server and wait until it answers."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Launch the server without waiting for it (start several at once, then wait_ready each)."""
        self.port = free_port()
        command = [sys.executable, "-m", "storyline.cli", "serve", "--host", HOST, "--port", str(self.port), *self.args]
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                                        env=self.env)
        self._launched = time.monotonic()

    def wait_ready(self) -> None:
        """Wait until GET /healthz answers (at most start_timeout seconds after launch); raises RuntimeError
        with the end of the server's log when it exits or does not answer in time."""
        assert self.process is not None, "launch() first"
        give_up = self._launched + self.start_timeout
        while time.monotonic() < give_up:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the server did not answer within {self.start_timeout:g} s:\n{self.log()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(self.stop_timeout)
        if self._log is not None:
            self._log.close()
            self._log = None
