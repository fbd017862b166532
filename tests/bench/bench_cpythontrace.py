"""What ThreadLab's CPython runtime costs a CPU-bound Python loop.

Run by bench_cpythontrace as::

    python -I bench_cpythontrace.py RUNTIME_DIR PAIRS

with a variant's plan on stdin.

It measures the plan's work two ways, alternately (traced, untraced, traced,
untraced, ...) so that a drift of the machine's speed touches both alike:

traced
    threadlab_runtime.py run exactly as ThreadLab runs it, in a fresh
    interpreter, its records written to a pipe that this program drains. The
    time is the variant's, as ThreadLab's log has it: from main's hello (H)
    to main's FINISHED state.
untraced
    A fresh interpreter that imports the runtime's own cpu_loop and cpu_part,
    and calls them for the same workers with the same iteration counts, on
    the same kind of threads, without writing a single record. The time is
    from before the first thread starts to after the last one is joined.

Both read the loop's rate from the plan, measured once here beforehand, so
neither calibrates and both do exactly the same number of iterations. The
answer is one JSON line on stdout: the times of each run in seconds, the
CPU time of each run's whole process (boot included, alike in both: a figure
that other load on the machine disturbs less), the loop's iteration count
and how many records a traced run wrote.

Only the standard library is used.
"""

import json
import os
import resource
import sys
import threading
import time

MAIN_LANE = "0"
FINISHED = "8"  # the lane state (tasks/workerstate.h)


def import_runtime(runtime_dir):
    """threadlab_runtime from runtime_dir. Importing it points sys.stdout at
    stderr (its records own fd 1): this program writes fd 1 directly."""
    sys.path.insert(0, runtime_dir)
    import threadlab_runtime
    return threadlab_runtime


def worker_parts(runtime, tasks, rate):
    """The (begin, end) ranges of cpu_loop that a worker's tasks stand for."""
    parts = []
    for t in tasks:
        if t["kind"] != "cpu":
            raise SystemExit("the untraced baseline runs cpu tasks only, "
                             "not %r" % t["kind"])
        parts.append(runtime.cpu_part(int(t["seconds"] * rate), t))
    return parts


def run_untraced(runtime_dir):
    """The plan's work with no reporting; writes its time in ns on fd 1."""
    runtime = import_runtime(runtime_dir)
    plan = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    if (plan["mode"] != "threads"
            or plan["pattern"] != "start-all-then-join-all"):
        raise SystemExit("the untraced baseline runs thread variants that "
                         "start all, then join all")
    rate = plan["loop_rate"]

    def work(parts):
        for begin, end in parts:
            runtime.cpu_loop(begin, end)

    main_parts = worker_parts(runtime, plan["main_tasks"], rate)
    threads = [threading.Thread(
        target=work, args=(worker_parts(runtime, w["tasks"], rate),))
        for w in plan["workers"]]
    t0 = time.monotonic_ns()
    for t in threads:
        t.start()
    work(main_parts)
    for t in threads:
        t.join()
    t1 = time.monotonic_ns()
    os.write(1, b"%d\n" % (t1 - t0))


def run_child(args, plan_bytes):
    """Runs `python -I args...` with the plan on stdin: all it wrote on
    stdout, drained to the end, and the CPU seconds it used in all."""
    import subprocess  # here: the untraced child need not import it
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.run([sys.executable, "-I"] + args, input=plan_bytes,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           check=False)
    if child.returncode != 0:
        raise SystemExit("%s exited with %d: %s" % (
            args[0], child.returncode,
            child.stderr.decode("utf-8", "replace").strip()[-300:]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime
           - before.ru_utime - before.ru_stime)
    return child.stdout, cpu


def traced_seconds(runtime_path, plan_bytes):
    """One run of the runtime: the variant's time, the process's CPU time
    and how many records."""
    start = end = None
    stdout, cpu = run_child([runtime_path], plan_bytes)
    lines = stdout.splitlines()
    for line in lines:
        # <lane> <seq> <type> <tNs> <payload>
        fields = line.decode("ascii").split(" ")
        if fields[0] != MAIN_LANE:
            continue
        if fields[2] == "H":
            start = int(fields[3])
        elif fields[2] == "S" and fields[4] == FINISHED:
            end = int(fields[3])
    if start is None or end is None:
        raise SystemExit("the runtime's records lack main's start or end")
    return (end - start) / 1e9, cpu, len(lines)


def main():
    runtime_dir, pairs = sys.argv[1], int(sys.argv[2])
    runtime = import_runtime(runtime_dir)
    plan = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    plan["clock_offset_ns"] = "0"  # records on time.monotonic_ns()
    plan["loop_rate"] = runtime.calibrate(plan["calibrate_s"])
    plan_bytes = json.dumps(plan).encode("utf-8")
    runtime_path = os.path.join(runtime_dir, "threadlab_runtime.py")
    traced, untraced, traced_cpu, untraced_cpu, records = [], [], [], [], 0
    for _ in range(pairs):
        seconds, cpu, records = traced_seconds(runtime_path, plan_bytes)
        traced.append(seconds)
        traced_cpu.append(cpu)
        ns, cpu = run_child([os.path.abspath(__file__), "--untraced",
                             runtime_dir], plan_bytes)
        untraced.append(int(ns) / 1e9)
        untraced_cpu.append(cpu)
    iterations = sum(end - begin
                     for w in plan["workers"] + [{"tasks": plan["main_tasks"]}]
                     for begin, end in worker_parts(runtime, w["tasks"],
                                                    plan["loop_rate"]))
    answer = {"traced_s": traced, "untraced_s": untraced,
              "traced_cpu_s": traced_cpu, "untraced_cpu_s": untraced_cpu,
              "iterations": iterations, "records": records}
    os.write(1, (json.dumps(answer) + "\n").encode("ascii"))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--untraced":
        run_untraced(sys.argv[2])
    else:
        main()
