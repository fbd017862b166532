"""Measure what this CPython costs, for ThreadLab's model engine.

ThreadLab's model runs C++ workers with an emulated GIL. To behave like the
interpreter a teacher has, it needs a few figures that only that interpreter
can give: how long starting and ending a process takes with each start
method, what ``time.sleep(0)`` costs, the ``Thread.start()`` hand-shake and
queue latencies.  This program measures them and prints one JSON document of
medians on stdout.  It uses the standard library only and takes about a
second or two.

Every time is taken with ``time.monotonic_ns()``, which on Linux is
CLOCK_MONOTONIC and therefore shared by the parent and its children.
"""

import json
import multiprocessing
import queue
import resource
import statistics
import sys
import threading
import time

FORMAT = 1
FORK_REPEATS = 9        # fork starts (about 1-3 ms each)
SPAWN_REPEATS = 3       # spawn and forkserver starts (up to ~60 ms each)
SLEEP0_CALLS = 200      # time.sleep(0) calls per batch
BATCHES = 5             # batches for the per-call figures
THREAD_STARTS = 15      # idle thread starts
QUEUE_ROUND_TRIPS = 40  # ping-pongs per queue measurement
HANDSHAKE_REPEATS = 3   # CPU-bound thread starts


def _us(ns):
    """Nanoseconds to microseconds, rounded to 0.1 us."""
    return round(ns / 1000.0, 1)


def _child_stamps(stamps):
    """Target of a measured process: its first line's time and the CPU time it
    had used by then (its boot), then its last line's time."""
    stamps[0] = time.monotonic_ns()
    stamps[2] = time.process_time_ns()
    stamps[1] = time.monotonic_ns()


def _children_cpu_ns():
    """CPU time of this process's reaped children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return int((usage.ru_utime + usage.ru_stime) * 1e9)


def measure_process(context):
    """One start of a process that does nothing: (parent, boot, exit) in ns.

    The figures are CPU time where it can be had, as the model spends them,
    so that other programs on the machine do not inflate them: the parent's
    own CPU time in start(), the child's CPU time at its first line (its
    boot), and the rest of the child's CPU time, known once the parent has
    reaped it (its end).  A forkserver's children are reaped by the server,
    not by this process: their end is the time from their last line until
    join() returns.
    """
    stamps = context.RawArray('q', 3)  # shared memory, inherited by any method
    process = context.Process(target=_child_stamps, args=(stamps,))
    children_before = _children_cpu_ns()
    before = time.thread_time_ns()
    process.start()
    parent = time.thread_time_ns() - before
    process.join()
    joined = time.monotonic_ns()
    if process.exitcode != 0 or stamps[0] == 0:
        raise RuntimeError('a measured child process failed')
    boot = stamps[2]
    if context.get_start_method() == 'forkserver':
        end = joined - stamps[1]
    else:
        end = max(0, _children_cpu_ns() - children_before - boot)
    return parent, boot, end


def measure_start_method(method):
    """Medians of process start, boot and exit for one start method."""
    context = multiprocessing.get_context(method)
    repeats = FORK_REPEATS if method == 'fork' else SPAWN_REPEATS
    measure_process(context)  # warm-up: imports, a forkserver's own start
    samples = [measure_process(context) for _ in range(repeats)]
    parent, boot, end = zip(*samples)
    return {
        'process_start_parent_us': _us(statistics.median(parent)),
        'process_boot_us': _us(statistics.median(boot)),
        'process_exit_us': _us(statistics.median(end)),
    }


def measure_sleep0():
    """Median cost of one time.sleep(0) (a real timer sleep since 3.11)."""
    per_call = []
    for _ in range(BATCHES):
        before = time.monotonic_ns()
        for _ in range(SLEEP0_CALLS):
            time.sleep(0)
        per_call.append((time.monotonic_ns() - before) / SLEEP0_CALLS)
    return _us(statistics.median(per_call))


def measure_thread_start():
    """Median time Thread.start() blocks its caller, the new thread idle."""
    samples = []
    for _ in range(THREAD_STARTS):
        thread = threading.Thread(target=lambda: None)
        before = time.monotonic_ns()
        thread.start()
        samples.append(time.monotonic_ns() - before)
        thread.join()
    return _us(statistics.median(samples))


def _spin(stop):
    """A CPU-bound thread: pure Python work until told to stop."""
    count = 0
    while not stop:
        count += 1


def measure_thread_start_cpu():
    """Median time Thread.start() blocks main when the new thread computes.

    start() waits for the new thread to say it has started; the new thread
    then keeps the GIL, and main gets it back only after asking for it for
    one switch interval (the hand-shake ThreadLab's model reproduces).
    """
    samples = []
    for _ in range(HANDSHAKE_REPEATS):
        stop = []
        thread = threading.Thread(target=_spin, args=(stop,))
        before = time.monotonic_ns()
        thread.start()
        samples.append(time.monotonic_ns() - before)
        stop.append(True)
        thread.join()
    return _us(statistics.median(samples))


def _echo(inbox, outbox):
    """The far side of a queue ping-pong: send back what arrives, until None."""
    while True:
        item = inbox.get()
        outbox.put(item)
        if item is None:
            return


def _ping_pong(inbox, outbox):
    """Median one-way put->get latency over QUEUE_ROUND_TRIPS round trips."""
    samples = []
    for i in range(QUEUE_ROUND_TRIPS):
        before = time.monotonic_ns()
        inbox.put(i)
        outbox.get()
        samples.append((time.monotonic_ns() - before) / 2)
    inbox.put(None)
    outbox.get()
    return _us(statistics.median(samples))


def measure_queues():
    """put->get latency of multiprocessing.Queue and queue.Queue, and the
    cost of creating a multiprocessing.Queue."""
    context = multiprocessing.get_context()
    context.Queue()  # warm-up: first use imports and starts machinery
    creations = []
    for _ in range(BATCHES):
        before = time.monotonic_ns()
        created = context.Queue()
        creations.append(time.monotonic_ns() - before)
        created.close()
    inbox, outbox = context.Queue(), context.Queue()
    child = context.Process(target=_echo, args=(inbox, outbox))
    child.start()
    process_latency = _ping_pong(inbox, outbox)
    child.join()
    inbox, outbox = queue.Queue(), queue.Queue()
    thread = threading.Thread(target=_echo, args=(inbox, outbox))
    thread.start()
    thread_latency = _ping_pong(inbox, outbox)
    thread.join()
    return {'process': process_latency, 'thread': thread_latency}, _us(statistics.median(creations))


def main():
    """Measure everything and print one JSON document."""
    methods = multiprocessing.get_all_start_methods()
    start_methods = {method: measure_start_method(method) for method in methods}
    queue_latency, queue_create = measure_queues()
    report = {
        'threadlab_calibration': FORMAT,
        'version': '%d.%d.%d' % sys.version_info[:3],
        'default_start_method': multiprocessing.get_start_method(),
        'start_methods': start_methods,
        'sleep0_us': measure_sleep0(),
        'thread_start_us': measure_thread_start(),
        'thread_start_cpu_us': measure_thread_start_cpu(),
        'queue_put_get_us': queue_latency,
        'mp_queue_create_us': queue_create,
    }
    print(json.dumps(report, sort_keys=True))


if __name__ == '__main__':
    main()
