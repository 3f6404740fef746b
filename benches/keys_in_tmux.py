#!/usr/bin/env python3
"""Key to count, as a person sees it: takeaway in tmux, a filter typed one key at a time.

    python3 benches/keys_in_tmux.py DIR [QUERY ...]      # default queries: zqxw straggler

Starts `target/release/takeaway DIR` in a tmux session of its own (200x50), waits for the notes to load,
then for each query presses `/`, and for each key sends it and polls `tmux capture-pane` until the status
line shows the query typed so far with its count (`/zq · 123 matches`). Prints, per key, the time from
sending it to that screen, and says so if the status line ever showed a count with a query it does not
belong to. The capture itself costs about 10 ms a poll, so a time is up to one poll late.
"""
import re
import subprocess
import sys
import time

BIN = "target/release/takeaway"
SOCKET = "takeaway-keys"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def status():
    lines = tmux("capture-pane", "-p", "-t", "keys").rstrip("\n").split("\n")
    return lines[-1] if lines else ""


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    folder = sys.argv[1]
    queries = sys.argv[2:] or ["zqxw", "straggler"]
    tmux("kill-server")
    tmux("new-session", "-d", "-s", "keys", "-x", "200", "-y", "50", BIN, folder)
    start = time.time()
    while "? help" not in status() or "loading" in status() or "▰" in status():
        if time.time() - start > 120:
            sys.exit("the notes did not load within 120 s")
        time.sleep(0.05)
    time.sleep(1.0)
    wrong = []
    for q in queries:
        tmux("send-keys", "-t", "keys", "/")
        typed = ""
        times = []
        for c in q:
            typed += c
            t0 = time.time()
            tmux("send-keys", "-t", "keys", "-l", c)
            want = re.compile(r"/" + re.escape(typed) + r" · (\d+) match")
            while True:
                line = status()
                for m in re.finditer(r"/(\S+) · (\d+) match", line):
                    if not typed.startswith(m.group(1)):
                        wrong.append(line)
                if want.search(line):
                    times.append((time.time() - t0) * 1000)
                    count = want.search(line).group(1)
                    break
                if time.time() - t0 > 30:
                    sys.exit(f"/{typed}: no count within 30 s: {line!r}")
        print(f"/{q}: " + ", ".join(f"{t:.0f}" for t in times) + f" ms per key; {count} matches")
        tmux("send-keys", "-t", "keys", "Escape")
        time.sleep(0.5)
    tmux("send-keys", "-t", "keys", "q")
    time.sleep(0.5)
    tmux("kill-server")
    if wrong:
        print("a count with another query:", wrong[:3])
        sys.exit(1)


main()
