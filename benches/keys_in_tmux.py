#!/usr/bin/env python3
"""Key to count, as a person sees it: takeaway in tmux, a filter typed one key at a time.

    python3 benches/keys_in_tmux.py [--control] DIR [QUERY ...]   # default queries: zqxw straggler

Starts `target/release/takeaway DIR` in a tmux session of its own (200x50), waits for the notes to load,
then for each query presses `/`, and for each key sends it and reads the screen until the status line
shows the query typed so far with its count (`/zq · 123 matches`). Prints, per key, the time from sending
it to that screen, and says so if the status line ever showed a count with a query it does not belong to.

How the screen is read:
- by default, `tmux send-keys` and `tmux capture-pane` in a loop, a tmux client process per call. Each
  capture costs about 10 ms, so a time is up to one capture late; and on a 2-core machine the loop of
  process starts takes CPU from the app it measures.
- with `--control`, one tmux control-mode client (`tmux -C`) sends the keys and captures the pane on its
  own connection, and the screen is read only when tmux reports output from the app (`%output`): no
  process is started and nothing polls while the app works.
"""
import queue
import re
import subprocess
import sys
import threading
import time

BIN = "target/release/takeaway"
SOCKET = "takeaway-keys"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


class Spawning:
    """A tmux client process per command."""

    def send(self, *keys):
        tmux("send-keys", "-t", "keys", *keys)

    def status(self):
        lines = tmux("capture-pane", "-p", "-t", "keys").rstrip("\n").split("\n")
        return lines[-1] if lines else ""

    def wait_output(self, deadline):
        """Nothing to wait for: the next capture is taken at once."""

    def close(self):
        pass


class Control:
    """One control-mode client: commands on its input, their replies between `%begin` and `%end` on its
    output, and `%output` notifications when the app writes to the pane."""

    def __init__(self):
        self.proc = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "attach", "-t", "keys", "-f", "ignore-size"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            # `%output` escapes what it cannot show, one byte at a time.
            errors="replace",
            bufsize=1,
        )
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.output_seen = False
        # The attach's own reply comes first: skip replies until this marker's.
        self.proc.stdin.write("display-message -p takeaway-keys-ready\n")
        self.proc.stdin.flush()
        while "takeaway-keys-ready" not in self._reply():
            pass

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def _line(self, deadline):
        line = self.lines.get(timeout=max(0.001, deadline - time.time()))
        if line is None:
            sys.exit("the tmux control client ended")
        return line

    def _reply(self, timeout=30):
        deadline = time.time() + timeout
        inside, out = False, []
        while True:
            line = self._line(deadline)
            if line.startswith("%begin"):
                inside, out = True, []
            elif inside and (line.startswith("%end") or line.startswith("%error")):
                return "\n".join(out)
            elif inside:
                out.append(line)
            elif line.startswith("%output"):
                self.output_seen = True

    def command(self, text):
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()
        return self._reply()

    def send(self, *keys):
        args = " ".join("'" + k.replace("'", "'\\''") + "'" for k in keys)
        self.command("send-keys -t keys " + args)

    def status(self):
        lines = self.command("capture-pane -p -t keys").rstrip("\n").split("\n")
        return lines[-1] if lines else ""

    def wait_output(self, deadline):
        """Blocks until the app has written to the pane since the last capture."""
        while not self.output_seen:
            try:
                line = self._line(deadline)
            except queue.Empty:
                return
            if line.startswith("%output"):
                self.output_seen = True
        self.output_seen = False

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=5)


def main():
    args = sys.argv[1:]
    control = "--control" in args
    args = [a for a in args if a != "--control"]
    if not args:
        print(__doc__)
        sys.exit(2)
    folder = args[0]
    queries = args[1:] or ["zqxw", "straggler"]
    tmux("kill-server")
    tmux("new-session", "-d", "-s", "keys", "-x", "200", "-y", "50", BIN, folder)
    screen = Spawning()
    start = time.time()
    while "? help" not in screen.status() or "loading" in screen.status() or "▰" in screen.status():
        if time.time() - start > 120:
            sys.exit("the notes did not load within 120 s")
        time.sleep(0.05)
    time.sleep(1.0)
    if control:
        screen = Control()
    wrong = []
    for q in queries:
        screen.send("/")
        time.sleep(0.2)
        typed = ""
        times = []
        for c in q:
            typed += c
            t0 = time.time()
            screen.output_seen = False
            screen.send("-l", c)
            want = re.compile(r"/" + re.escape(typed) + r" · (\d[\d,]*) match")
            while True:
                line = screen.status()
                for m in re.finditer(r"/(\S+) · (\d[\d,]*) match", line):
                    if not typed.startswith(m.group(1)):
                        wrong.append(line)
                if want.search(line):
                    times.append((time.time() - t0) * 1000)
                    count = want.search(line).group(1)
                    break
                if time.time() - t0 > 30:
                    sys.exit(f"/{typed}: no count within 30 s: {line!r}")
                screen.wait_output(t0 + 30)
        print(f"/{q}: " + ", ".join(f"{t:.0f}" for t in times) + f" ms per key; {count} matches")
        screen.send("Escape")
        time.sleep(0.5)
    screen.send("q")
    screen.close()
    time.sleep(0.5)
    tmux("kill-server")
    if wrong:
        print("a count with another query:", wrong[:3])
        sys.exit(1)


main()
