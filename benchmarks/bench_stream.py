"""Streaming evaluation: peak memory of ``safetyduty evaluate FILE.jsonl --format jsonl`` by size.

Writes a generated province (``cases.sample_lines``, about 400 facts an
enterprise) as one JSON Lines file per size, runs the command line on each
in a child process with its output discarded, and reports the child's
wall time, time per enterprise and peak resident memory (the child's own
``VmHWM``, sampled while it runs). Memory should stay flat as the size grows: the command holds
one case and its rows at a time.

Usage:  python benchmarks/bench_stream.py [--size 100000] [--steps 3] [--workdir DIR]

With ``--steps 3`` it measures size/100, size/10 and size (the last is the
figure the docs quote). ``--format csv`` measures the CSV writer instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from safetyduty import cases


def province(folder: Path, size: int) -> Path:
    path = folder / f"province-{size}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as handle:
            for line in cases.sample_lines(size):
                handle.write(line + "\n")
    return path


def _high_water_kib(pid: int) -> int | None:
    """The peak resident memory of the running process *pid* (Linux ``VmHWM``), or None."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def measure(path: Path, fmt: str) -> tuple[float, int, int]:
    """Seconds, peak RSS in KiB and exit code of one run of the command line on *path*.

    The peak is the child's own high-water mark (``VmHWM``), read every 20 ms
    while it runs: ``wait4``'s ``ru_maxrss`` would count the pages of the
    parent the child was forked from (a benchmark holding 200 MB makes every
    child look that large). Where ``/proc`` is missing, ``ru_maxrss`` it is.
    """
    command = [
        sys.executable, "-m", "safetyduty", "evaluate", str(path),
        "--as-of", "2026-11-23", "--since", "2026-01-01", "--format", fmt,
    ]  # fmt: skip
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak: int | None = None
    while child.poll() is None:
        seen = _high_water_kib(child.pid)
        if seen is not None:
            peak = max(peak or 0, seen)
        time.sleep(0.02)
    took = time.perf_counter() - started
    if peak is None:  # no /proc: the kernel's figure for the child
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, peak, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument(
        "--steps", type=int, default=3, help="sizes measured: size/10^(steps-1) .. size"
    )
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--smoke", action="store_true", help="once, tiny: checks that it runs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.size, args.steps = 20, 1
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="bench-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(f"{'enterprises':>12} {'file MB':>8} {'seconds':>8} {'ms/ent':>7} {'peak RSS MB':>12}")
    sizes = sorted({max(1, args.size // 10**step) for step in range(args.steps)})
    for size in sizes:
        path = province(folder, size)
        took, peak_kib, code = measure(path, args.format)
        if code != 0:
            print(f"the command failed with exit code {code}")
            return 1
        megabytes = path.stat().st_size / 2**20
        print(
            f"{size:>12} {megabytes:>8.0f} {took:>8.1f} {took / size * 1000:>7.2f} {peak_kib / 1024:>12.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
