#!/usr/bin/env python3
"""How bench/run.sh and chaos/run.sh keep their latest figures in bench/RESULTS.md:
    bench/replace-section.py TITLE BODY_FILE [NOTE]
writes "## TITLE (date[, NOTE])", the machine it ran on, then the body, in place of the section with that
title (where it stands, or at the end), and prints the section."""
import datetime
import os
import subprocess
import sys

title, body_file = sys.argv[1], sys.argv[2]
note = ", " + sys.argv[3] if len(sys.argv) > 3 else ""
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal:"))
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
heading = "## " + title
section = (f"{heading} ({datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}{note})\n\n"
           f"Machine: {len(os.sched_getaffinity(0))} vCPU {cpu}, {mem_kb // 1024 // 1024} GB RAM, {java}.\n"
           + open(body_file).read())
results = open("bench/RESULTS.md").read()
start = results.find(heading)
if start >= 0:
    # in place: the text around it reads it where it was
    end = results.find("\n## ", start + 1)
    results = results[:start] + section.rstrip() + "\n" + (results[end:] if end >= 0 else "")
else:
    results = results.rstrip() + "\n\n" + section
open("bench/RESULTS.md", "w").write(results)
print(section)
