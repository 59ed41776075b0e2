#!/usr/bin/env python3
"""Pastes into the wizard in a pty and times how long the screen takes to answer.

  Benchmarks/paste.py --binary .build/release/certwiz [--runs N] [--json] [--quick]

Benchmarks/run runs it as part of the full run.

Two pastes, each at three sizes so the growth shows (issue 22: a 1 MB paste took 49 s, 10,000
SAN lines 53 s): one line of text into the first field of the organization screen (100 KB,
300 KB, 1 MB), and host names one per line into the SAN field of the CSR screen (1,000,
3,000, 10,000 lines). The paste is bracketed (ESC[200~ ... ESC[201~), as terminals send it.

A paste time is from the first byte written to the last byte the wizard draws before 300 ms of
silence: the wizard has taken the text in (or refused it past the field's limit, with a
message) and drawn its answer. After each paste a key is typed and must be answered, so a
screen that stopped answering shows as a failure, not as a fast figure. Goal: under 100 ms
each at the largest size; growth per byte ≈ 1x or less from the smallest to the largest.
"""
import argparse, fcntl, json, os, select, shutil, signal, statistics, struct, sys, tempfile, termios, time

now = time.perf_counter
QUIET = 0.3

DRAFT_BEFORE_CSR = {
    "applicationType": "new",
    "organization": {"nameJa": "見本商事株式会社", "nameEn": "Mihon Shoji Co., Ltd.", "phone": "03-1234-5678", "listedInDuns": True},
    "csr": {"serverSoftware": "nginx"},
}


class Wizard:
    def __init__(self, argv, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        pid = os.fork()
        if pid == 0:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.execvpe(argv[0], argv, env)
        os.close(slave)
        self.pid, self.fd, self.seen = pid, master, bytearray()

    def read_until_quiet(self, quiet=QUIET, limit=120.0):
        """Reads until `quiet` seconds pass with no output; returns the time of the last byte."""
        last, start = None, now()
        while now() - start < limit:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return last
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return last
            if not chunk:
                return last
            self.seen += chunk
            if b"\x1b[6n" in chunk:
                os.write(self.fd, b"\x1b[1;1R")
            last = now()
        raise SystemExit("the wizard never went quiet in %.0f s" % limit)

    def wait_for(self, text, limit=30.0):
        start = now()
        while text.encode() not in self.seen:
            if now() - start > limit:
                raise SystemExit("the wizard never showed %r" % text)
            self.read_until_quiet(0.05, limit)

    def write(self, data):
        view = memoryview(data)
        while view:
            select.select([], [self.fd], [], 1.0)
            try:
                n = os.write(self.fd, view[:4096])
            except BlockingIOError:
                n = 0
            view = view[n:]
            # Drain what the wizard draws meanwhile, or both sides block on full buffers.
            while select.select([self.fd], [], [], 0)[0]:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    break
                self.seen += chunk

    def paste(self, text):
        """Times a bracketed paste: first byte written to the last byte drawn before quiet."""
        self.seen.clear()
        start = now()
        self.write(b"\x1b[200~" + text.encode() + b"\x1b[201~")
        last = self.read_until_quiet()
        took = ((last or now()) - start) * 1000
        # The screen must still answer a key.
        self.seen.clear()
        os.write(self.fd, b"\x1b[D")
        if self.read_until_quiet(1.0, 10.0) is None:
            raise SystemExit("the wizard did not answer a key after a paste of %d bytes" % len(text))
        return took

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def environment(home):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LC_ALL")}
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
               LANG="en_US.UTF-8", TERM="xterm-256color", NO_COLOR="1")
    return env


def one_line(binary, work, size):
    env = environment(os.path.join(work, "line-%d" % size))
    wizard = Wizard([binary, "--draft", "paste", "--lang", "en"], env)
    try:
        wizard.wait_for("Applicant organization")
        wizard.read_until_quiet()
        return wizard.paste(("Mihon Shoji Co., Ltd. " * (size // 22 + 1))[:size])
    finally:
        wizard.close()


def san_lines(binary, work, count):
    home = os.path.join(work, "san-%d" % count)
    env = environment(home)
    folder = os.path.join(env["XDG_DATA_HOME"], "certwiz", "drafts")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "paste.json"), "w") as f:
        json.dump(DRAFT_BEFORE_CSR, f, ensure_ascii=False)
    wizard = Wizard([binary, "--draft", "paste", "--lang", "en"], env)
    try:
        wizard.wait_for("Prepare the CSR")
        wizard.read_until_quiet()
        for _ in range(7):  # server software, CN, O, OU, L, ST, C: the SAN field is the eighth
            os.write(wizard.fd, b"\t")
            wizard.read_until_quiet(0.1)
        return wizard.paste("\n".join("host%05d.example.co.jp" % i for i in range(count)))
    finally:
        wizard.close()


def measure(binary, runs, quick=False):
    """quick: a tenth of the sizes (the smoke test runs the debug binary)."""
    work = tempfile.mkdtemp(prefix="certwiz-paste-")
    results = {}
    scale = 10 if quick else 1
    try:
        for kind, sizes, fn in (("one line", [100_000 // scale, 300_000 // scale, 1_000_000 // scale], one_line),
                                ("SAN lines", [1_000 // scale, 3_000 // scale, 10_000 // scale], san_lines)):
            for size in sizes:
                results["%s %d" % (kind, size)] = {"size": size, "kind": kind,
                                                   "ms": statistics.median(fn(binary, work, size) for _ in range(runs))}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def table(results):
    lines = ["| paste | size | ms | growth per unit vs smallest | goal |", "|---|---|---|---|---|"]
    for kind in ("one line", "SAN lines"):
        rows = sorted((r for r in results.values() if r["kind"] == kind), key=lambda r: r["size"])
        base = rows[0]
        for r in rows:
            growth = (r["ms"] / base["ms"]) / (r["size"] / base["size"]) if base["ms"] else 0
            unit = "bytes" if kind == "one line" else "lines"
            goal = ("< 100 ms: %s" % ("met" if r["ms"] < 100 else "not met")) if r is rows[-1] else ""
            lines.append("| %s | %s %s | %.1f | %.2fx | %s |" % (kind, format(r["size"], ","), unit, r["ms"], growth, goal))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    results = measure(os.path.abspath(args.binary), args.runs, args.quick)
    print(json.dumps(results, indent=1) if args.json else table(results))


if __name__ == "__main__":
    main()
