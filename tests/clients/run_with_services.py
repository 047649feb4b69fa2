#!/usr/bin/python3
"""Runs a client test command against freshly started Verbatim services.

    run_with_services.py --ingest BIN --query BIN --load BIN --samples DIR \
        [--require-tool NAME]... [--require-path PATH]... -- COMMAND ARGS...

1. Starts verbatim-ingest and verbatim-query on 127.0.0.1 port 0 over a
   temporary RocksDB directory and reads the real addresses from their
   `listening on HOST:PORT` lines.
2. Waits until both report SERVING (through the binaries' own --health_probe).
3. Loads every DIR/*.txt with verbatim-load and checks that all were loaded,
   then waits until the query service lists all of them.
4. Runs COMMAND with VERBATIM_INGEST_ADDR, VERBATIM_QUERY_ADDR,
   VERBATIM_SAMPLES_DIR, VERBATIM_SAMPLE_COUNT and VERBATIM_REPO_ROOT set.
5. Sends SIGTERM to both services and checks that each exits with status 0
   within the shutdown grace.

Exit status: the command's status when it failed (77 = skipped), 1 when a
service misbehaved, 77 when a required tool or path is missing, else 0.
Everything started is stopped and the temporary directory removed, also on
failure or interruption (set VERBATIM_KEEP_TMP=1 to keep it for debugging).
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77
STARTUP_TIMEOUT_S = 30.0
CATCHUP_TIMEOUT_S = 10.0
# The servers' gRPC grace is 5 s; allow for process teardown on a busy machine.
SHUTDOWN_TIMEOUT_S = 10.0
CLIENT_TIMEOUT_S = 300.0
LISTENING_RE = re.compile(r"^listening on (\S+:\d+)\s*$")
LOADED_RE = re.compile(r"^loaded (\d+) articles \((\d+) failed\)\s*$", re.M)


def log(message):
    print(f"[run_with_services] {message}", file=sys.stderr, flush=True)


class Failure(Exception):
    """A service or the harness did not behave as the contract says."""


class Service:
    """One server process whose stdout is watched for its listening line."""

    def __init__(self, name, argv, log_dir):
        self.name = name
        self.argv = argv
        self.stdout_lines = []
        self.address = None
        self._listening = threading.Event()
        self.stderr_path = os.path.join(log_dir, f"{name}.stderr.log")
        self._stderr = open(self.stderr_path, "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("VERBATIM_")}
        log(f"starting {name}: {' '.join(argv)}")
        self.process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=self._stderr, env=env, text=True, bufsize=1)
        self._reader = threading.Thread(target=self._read_stdout, daemon=True)
        self._reader.start()

    def _read_stdout(self):
        for line in self.process.stdout:
            line = line.rstrip("\n")
            self.stdout_lines.append(line)
            match = LISTENING_RE.match(line)
            if match and self.address is None:
                self.address = match.group(1)
                self._listening.set()
        self._listening.set()  # EOF: wake the waiter

    def wait_listening(self, timeout):
        if not self._listening.wait(timeout) or self.address is None:
            try:  # stdout closed: the process is exiting
                state = "exited with status %d" % self.process.wait(2)
            except subprocess.TimeoutExpired:
                state = "still running"
            raise Failure(
                f"{self.name} printed no 'listening on HOST:PORT' line (waited up to "
                f"{timeout:.0f} s; {state}); stdout so far: {self.stdout_lines!r}"
                f"{self.stderr_tail()}")
        host, _, port = self.address.rpartition(":")
        if port == "0":
            raise Failure(f"{self.name} printed port 0 instead of the bound port: "
                          f"{self.address}")
        log(f"{self.name} is listening on {self.address}")
        return self.address

    def stderr_tail(self, lines=30):
        try:
            with open(self.stderr_path, "r", errors="replace") as f:
                tail = f.readlines()[-lines:]
        except OSError:
            return ""
        return ("\n---- last stderr lines of %s ----\n%s" % (self.name, "".join(tail))
                if tail else "")

    def stop(self, timeout):
        """SIGTERM, then checks for exit status 0 within `timeout`."""
        if self.process.poll() is not None:
            raise Failure(f"{self.name} had already exited with status "
                          f"{self.process.returncode} before shutdown"
                          f"{self.stderr_tail()}")
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            rc = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise Failure(f"{self.name} did not exit within {timeout:.0f} s of SIGTERM"
                          f"{self.stderr_tail()}")
        elapsed = time.monotonic() - started
        if rc != 0:
            raise Failure(f"{self.name} exited with status {rc} after SIGTERM "
                          f"(expected 0){self.stderr_tail()}")
        log(f"{self.name} exited 0 {elapsed:.2f} s after SIGTERM")

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._stderr.close()


def wait_serving(service, probe_binary, timeout):
    """Polls `probe_binary --health_probe=ADDR` until it exits 0 (SERVING)."""
    deadline = time.monotonic() + timeout
    codes = {2: "connect failure", 3: "RPC failure", 4: "NOT_SERVING"}
    rc = None
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise Failure(f"{service.name} exited with status "
                          f"{service.process.returncode} before it was SERVING"
                          f"{service.stderr_tail()}")
        probe = subprocess.run(
            [probe_binary, f"--health_probe={service.address}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, timeout=15,
            env={k: v for k, v in os.environ.items() if not k.startswith("VERBATIM_")})
        rc = probe.returncode
        if rc == 0:
            log(f"{service.name} is SERVING")
            return
        if rc not in codes:
            raise Failure(f"health probe of {service.name} exited {rc}, not one of "
                          f"0/2/3/4: {probe.stderr.strip()}")
        time.sleep(0.1)
    raise Failure(f"{service.name} not SERVING within {timeout:.0f} s "
                  f"(last probe: {rc} = {codes.get(rc, '?')}){service.stderr_tail()}")


def count_listed_articles(address):
    """ListArticles(page_size=1000) through grpc's generic API, without
    generated stubs: returns how many `articles` (field 1) the response has."""
    import grpc  # deferred: only needed once the services run

    def read_varint(buf, pos):
        value = shift = 0
        while True:
            byte = buf[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value, pos
            shift += 7

    with grpc.insecure_channel(address) as channel:
        call = channel.unary_unary("/verbatim.v1.QueryService/ListArticles")
        reply = call(b"\x08\xe8\x07", timeout=5)  # field 1 (page_size) = 1000
    count, pos = 0, 0
    while pos < len(reply):
        key, pos = read_varint(reply, pos)
        field, wire_type = key >> 3, key & 7
        if wire_type == 0:
            _, pos = read_varint(reply, pos)
        elif wire_type == 2:
            length, pos = read_varint(reply, pos)
            pos += length
            if field == 1:
                count += 1
        else:
            raise Failure(f"unexpected wire type {wire_type} in ListArticlesResponse")
    return count


def wait_articles_visible(address, expected, timeout):
    deadline = time.monotonic() + timeout
    seen = -1
    error = None
    while time.monotonic() < deadline:
        try:
            seen = count_listed_articles(address)
            error = None
        except Exception as e:  # grpc.RpcError and friends: retry until deadline
            error = e
        if seen >= expected:
            log(f"query service lists {seen} articles")
            return
        time.sleep(0.1)
    raise Failure(f"query service listed {seen} articles, expected {expected}, "
                  f"{timeout:.0f} s after loading" + (f" (last error: {error})" if error else ""))


def load_samples(load_binary, address, files):
    result = subprocess.run(
        [load_binary, f"--target={address}", *files], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    output = result.stdout
    if result.returncode != 0:
        raise Failure(f"verbatim-load exited {result.returncode}:\n{output}")
    matches = LOADED_RE.findall(output)
    if not matches:
        raise Failure(f"verbatim-load printed no 'loaded N articles (M failed)' line:\n{output}")
    loaded, failed = map(int, matches[-1])
    if loaded != len(files) or failed != 0:
        raise Failure(f"verbatim-load loaded {loaded} of {len(files)} sample files "
                      f"({failed} failed):\n{output}")
    log(f"verbatim-load: {output.strip().splitlines()[-1]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", required=True)
    parser.add_argument("--query", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--require-tool", action="append", default=[])
    parser.add_argument("--require-path", action="append", default=[])
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("missing the client command after --")

    for tool in args.require_tool:
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed (run deploy/install-deps.sh)", flush=True)
            return SKIP
    for path in args.require_path:
        if not os.path.exists(path):
            print(f"SKIP: {path} is missing (run deploy/install-deps.sh)", flush=True)
            return SKIP
    for binary in (args.ingest, args.query, args.load):
        if not os.access(binary, os.X_OK):
            log(f"not an executable: {binary}")
            return 1
    samples = sorted(glob.glob(os.path.join(args.samples, "*.txt")))
    if not samples:
        log(f"no sample articles in {args.samples}")
        return 1

    # ctest sends SIGTERM on timeout: turn it into an exception so the
    # `finally` below still stops the services.
    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, on_signal)

    tmp = tempfile.mkdtemp(prefix="verbatim-clients-")
    services = []
    ok = False
    try:
        db = os.path.join(tmp, "db")
        ingest = Service("ingest", [args.ingest, "--listen=127.0.0.1:0", f"--db={db}"], tmp)
        services.append(ingest)
        ingest_addr = ingest.wait_listening(STARTUP_TIMEOUT_S)
        wait_serving(ingest, args.ingest, STARTUP_TIMEOUT_S)

        query = Service("query", [
            args.query, "--listen=127.0.0.1:0", f"--db={db}",
            f"--secondary_path={os.path.join(tmp, 'secondary')}",
            "--catchup_interval_ms=100"], tmp)
        services.append(query)
        query_addr = query.wait_listening(STARTUP_TIMEOUT_S)
        wait_serving(query, args.query, STARTUP_TIMEOUT_S)

        load_samples(args.load, ingest_addr, samples)
        wait_articles_visible(query_addr, len(samples), CATCHUP_TIMEOUT_S)

        env = dict(os.environ)
        env.update({
            "VERBATIM_INGEST_ADDR": ingest_addr,
            "VERBATIM_QUERY_ADDR": query_addr,
            "VERBATIM_SAMPLES_DIR": os.path.abspath(args.samples),
            "VERBATIM_SAMPLE_COUNT": str(len(samples)),
            "VERBATIM_REPO_ROOT": os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")),
        })
        log(f"running: {' '.join(command)}")
        try:
            client_rc = subprocess.run(command, env=env, stdin=subprocess.DEVNULL,
                                       timeout=CLIENT_TIMEOUT_S).returncode
        except subprocess.TimeoutExpired:
            log(f"client command did not finish within {CLIENT_TIMEOUT_S:.0f} s")
            client_rc = 1
        if client_rc == SKIP:
            log("client skipped")
        elif client_rc != 0:
            log(f"client command failed with status {client_rc}")

        # Both services must still be alive and shut down cleanly.
        for service in reversed(services):
            service.stop(SHUTDOWN_TIMEOUT_S)
        ok = True
        return client_rc
    except Failure as e:
        log(f"FAILED: {e}")
        return 1
    except KeyboardInterrupt as e:
        log(f"interrupted ({e}); stopping services")
        return 1
    finally:
        for service in services:
            service.kill()
        if os.environ.get("VERBATIM_KEEP_TMP") == "1":
            log(f"kept {tmp} (service logs: *.stderr.log)")
        else:
            if not ok:
                for service in services:
                    tail = service.stderr_tail()
                    if tail:
                        print(tail, file=sys.stderr)
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
