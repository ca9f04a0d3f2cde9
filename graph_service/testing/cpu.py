"""CPU time read from /proc (Linux): of a process and its descendants, and of the whole
machine. The benchmark's CPU per request and the outage test's check that its Neo4j had the
machine to itself read it here."""

from __future__ import annotations

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (fields 14 and 15 of /proc/PID/stat)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (a multi-worker service forks its workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(text[text.rindex(")") + 2 :].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU of `pid` and its descendants; a process that ends meanwhile counts for nothing."""
    total = 0.0
    for member in process_tree(pid):
        try:
            total += process_cpu_seconds(member)
        except OSError:
            continue
    return total


def machine_busy_seconds() -> float:
    """CPU time every core of the machine has spent not idle since boot (/proc/stat's first
    line: all but idle and iowait; guest time is already inside user)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / _TICKS
