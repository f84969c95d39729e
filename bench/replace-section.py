#!/usr/bin/env python3
"""Replaces (or appends) the section of bench/RESULTS.md that starts with the given heading prefix
with the contents of a file: how bench/run.sh and chaos/run.sh keep their latest figures there."""
import sys

section_file, heading = sys.argv[1], sys.argv[2]
section = open(section_file).read()
results = open("bench/RESULTS.md").read()
start = results.find(heading)
if start >= 0:
    end = results.find("\n## ", start + 1)
    results = results[:start] + (results[end + 1:] if end >= 0 else "")
open("bench/RESULTS.md", "w").write(results.rstrip() + "\n\n" + section)
