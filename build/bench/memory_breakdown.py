#!/usr/bin/env python3
"""Where a process's resident memory is, from /proc/<pid>/smaps: one line, MB per kind.

  memory_breakdown.py PID

Kinds: managed assemblies (*.dll mapped from disk), native libraries (*.so: the runtime, ICU, OpenSSL),
JIT code (memfd:doublemapper: code and stubs compiled at run time, mapped twice for W^X), GC heap and other
anonymous memory, and the rest. The figures are Rss now (the peak is VmHWM in /proc/<pid>/status).
"""
import collections
import re
import sys

pid = sys.argv[1]
kinds = collections.Counter()
current = "other"
header = re.compile(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+(?:\s+(.*))?$")
with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
    for line in smaps:
        match = header.match(line)
        if match:
            path = (match.group(1) or "").strip()
            if path.endswith(".dll"):
                current = "managed assemblies"
            elif ".so" in path:
                current = "native libraries"
            elif "doublemapper" in path:
                current = "JIT code (doublemapper)"
            elif path in ("", "[heap]") or path.startswith("[anon"):
                current = "GC heap and other anonymous"
            elif path.startswith("[stack"):
                current = "thread stacks"
            else:
                current = "other files and mappings"
        elif line.startswith("Rss:"):
            kinds[current] += int(line.split()[1])

total = sum(kinds.values())
parts = ", ".join(f"{kind} {kb / 1024:.0f} MB" for kind, kb in kinds.most_common())
print(f"Rss {total / 1024:.0f} MB: {parts}")
