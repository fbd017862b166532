"""ThreadLab's CPython runtime: the task catalogue run by the real interpreter.

ThreadLab starts this file as ``python -I threadlab_runtime.py`` and writes
one JSON document, the plan of one variant, on its standard input. Nothing
of a scenario file is executed: the plan holds catalogue tasks with every
parameter already resolved (durations scaled, random waits picked).

Every Python thread and process reports what it does on file descriptor 1,
one record a line, in ThreadLab's child grammar with the lane in front::

    <lane> <seq> <type> <tNs> <payload>\\n

Types: H hello (pid), S state (state arg), O output (escaped text), P queue
put (value), G queue get (value from-lane), R counter read, W counter
written, L own list, C own counter, X failure (escaped text), K loop rate
(iterations per second), E a worker process's exit (lane code), N the
native id of the thread that writes the lane (main's, and each thread
worker's as the first thing it does), by which ThreadLab names the holder
of the GIL it observes from outside. tNs is
``time.monotonic_ns()`` plus the plan's clock offset, which puts it on
ThreadLab's own clock. Each record is one ``os.write`` shorter than
PIPE_BUF, so records of different processes never mix on the pipe.

Only the standard library is used.
"""

import ctypes
import json
import os
import queue
import signal
import sys
import threading
import time

# Python's own prints must never reach the record stream.
sys.stdout = sys.stderr

# The states of ThreadLab's lanes (tasks/workerstate.h), by their numbers.
STARTING = 1
RUNNING = 2
WAITING_IO = 4
WAITING_LOCK = 5
WAITING_JOIN = 6
WAITING_QUEUE = 7
FINISHED = 8
CRASHED = 9

MAX_RECORD_BYTES = 4000  # below PIPE_BUF (4096 on Linux)
MAX_TEXT_BYTES = 1000    # a longer output line is cut, and says so
SAFE_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz"
                       b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       b"0123456789.,:;!?()[]_-+*=/'\"#<>")

# Set from the plan (in a spawned child: from its arguments).
CLOCK_OFFSET_NS = 0
_write_lock = threading.Lock()

# The module's globals that the lessons are about: each process has its own.
shared_list = []
counter = 0
counter_lock = threading.Lock()


def _die_with_parent():
    """Linux: ask the kernel to kill this process when its parent ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # The kernel signals only a parent's death *after* the request: a child
    # whose parent died while it was still booting (spawn) would run on alone.
    # Orphaned already (adopted by init), or the runtime's own process gone:
    # end now.
    root = int(os.environ.get("THREADLAB_RUNTIME_PID", "0") or 0)
    if os.getppid() == 1:
        os._exit(1)
    if root and root != os.getpid():
        try:
            os.kill(root, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


def _after_fork_in_child():
    """A forked child: a fresh write lock (another thread may have held it
    at the fork) and the parent-death signal, which fork does not inherit."""
    global _write_lock
    _write_lock = threading.Lock()
    _die_with_parent()


# Children started by spawn or forkserver import this module: they die with
# their parent from here on; forked children through the fork hook.
_die_with_parent()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def now_ns():
    return time.monotonic_ns() + CLOCK_OFFSET_NS


def escape(text):
    """Percent-escapes every byte that could break a line or a token."""
    data = text.encode("utf-8", "replace")
    if len(data) > MAX_TEXT_BYTES:
        data = data[:MAX_TEXT_BYTES] + b" (cut: too long)"
    return "".join(chr(b) if b in SAFE_BYTES else "%%%02X" % b for b in data)


class Lane:
    """One lane's record stream. One thread at a time writes a lane."""

    def __init__(self, number, seq=0):
        self.number = number
        self.seq = seq

    def emit(self, kind, payload):
        with _write_lock:
            self.seq += 1
            data = self.line(kind, payload)
            if len(data) > MAX_RECORD_BYTES:
                # Only a huge own list gets here: say so instead.
                data = self.line("X", escape("own list too long to report"))
            os.write(1, data)

    def line(self, kind, payload):
        return ("%d %d %s %d %s\n" % (self.number, self.seq, kind, now_ns(),
                                      payload)).encode("ascii")

    def state(self, state, arg=0):
        self.emit("S", "%d %d" % (state, arg))

    def output(self, text):
        self.emit("O", escape(text))

    def native_id(self):
        """Tells ThreadLab which thread of this process writes the lane."""
        self.emit("N", "%d" % threading.get_native_id())


# ---------------------------------------------------------------------------
# The task catalogue, as the model's TaskExecutor runs it.


class TaskFailure(Exception):
    """A task that cannot run here (e.g. a crash asked of a thread)."""


def cpu_loop(begin, end):
    """The CPU work: a pure-Python integer loop."""
    total = 0
    for k in range(begin, end):
        total += k
    return total


def cpu_part(total, t):
    """The range of cpu_loop that a cpu task `t` stands for, out of `total`
    iterations: the stated work may be shared by a group, and this is one
    worker's part."""
    parts = max(1, t["split_parts"])
    per = total // parts
    begin = per * t["split_index"]
    end = total if t["split_index"] == parts - 1 else begin + per
    return begin, end


def calibrate(target_s=0.03):
    """Iterations of cpu_loop per second on one core, measured for about
    target_s of this thread's CPU time, so that a busy machine does not make
    the work smaller."""
    n = 10000
    while True:
        t0 = time.thread_time()
        cpu_loop(0, n)
        spent = time.thread_time() - t0
        if spent >= target_s:
            return n / spent
        # Grow towards the target, at most eightfold a step.
        n = int(n * min(8.0, max(1.5, 1.2 * target_s / max(spent, 1e-6))))


OPS = {
    "identity": lambda v: v,
    "square": lambda v: v * v,
    "cube": lambda v: v * v * v,
    "double": lambda v: 2 * v,
}


class Executor:
    """Runs one worker's tasks on the calling thread, reporting on its
    lane."""

    def __init__(self, lane, name, number, rate, can_crash, send):
        self.lane = lane
        self.name = name
        self.number = number
        self.rate = rate            # cpu_loop iterations per second
        self.can_crash = can_crash  # only a process worker may crash
        self.send = send            # puts (from lane, value) on the queue

    def format(self, template, item=0, value=0, ms=0, iteration=0,
               op="identity"):
        """Fills the placeholders the model knows; leaves others as
        written."""
        values = {"name": self.name, "n": self.number, "i": iteration + 1,
                  "item": item, "value": value, "ms": ms, "op": op}
        out = []
        i = 0
        while i < len(template):
            if template[i] == "{":
                close = template.find("}", i)
                key = template[i + 1:close] if close >= 0 else None
                if key in values:
                    out.append(str(values[key]))
                    i = close + 1
                    continue
            out.append(template[i])
            i += 1
        return "".join(out)

    def wait(self, seconds):
        if seconds <= 0:
            return
        self.lane.state(WAITING_IO)
        time.sleep(seconds)
        self.lane.state(RUNNING)

    def iterations(self, seconds):
        return int(seconds * self.rate)

    def run(self, tasks):
        for task in tasks:
            getattr(self, "task_" + task["kind"].replace("-", "_"))(task)

    def task_cpu(self, t):
        begin, end = cpu_part(self.iterations(t["seconds"]), t)
        result = cpu_loop(begin, end)
        if t["text"]:
            self.lane.output(
                self.format(t["text"], end - begin, result, t["ms"]))

    def task_wait(self, t):
        # A random wait arrives picked by ThreadLab, as the model picks it.
        self.wait(t["seconds"])
        if t["text"]:
            self.lane.output(self.format(t["text"], ms=t["ms"]))

    def task_print(self, t):
        for r in range(t["repeat"]):
            self.lane.output(
                self.format(t["text"], ms=t["gap_ms"], iteration=r))
            if r + 1 < t["repeat"]:
                self.wait(t["gap_seconds"])

    def per_item(self, t, effect):
        op = OPS[t["op"]]
        for i, item in enumerate(t["items"]):
            cpu_loop(0, self.iterations(t["cpu_seconds"]))
            self.wait(t["seconds"])
            value = op(item)
            if effect == "append":
                shared_list.append(value)
            elif effect == "send":
                self.lane.emit("P", "%d" % value)
                self.send(self.lane.number, value)
            if t["text"]:
                self.lane.output(self.format(t["text"], item, value,
                                             t["ms"], i, t["op"]))

    def task_per_item(self, t):
        self.per_item(t, None)

    def task_append(self, t):
        self.per_item(t, "append")

    def task_send(self, t):
        self.per_item(t, "send")

    def task_increment(self, t):
        global counter
        locked = t["locked"]
        for _ in range(t["times"]):
            if locked and not counter_lock.acquire(blocking=False):
                self.lane.state(WAITING_LOCK)
                counter_lock.acquire()
                self.lane.state(RUNNING)
            try:
                seen = counter                      # read
                self.lane.emit("R", "%d" % seen)
                if t["yield"]:
                    self.lane.state(WAITING_IO)
                    time.sleep(0)                   # let another thread in
                    self.lane.state(RUNNING)
                counter = seen + 1                  # may overwrite an update
                self.lane.emit("W", "%d" % (seen + 1))
            finally:
                if locked:
                    counter_lock.release()
        if t["text"]:
            self.lane.output(self.format(t["text"], t["times"], counter))

    def task_crash(self, t):
        if not self.can_crash:
            raise TaskFailure("only a process worker can crash")
        self.wait(t["seconds"])
        how = t["how"]
        if how == "segfault":
            signal.signal(signal.SIGSEGV, signal.SIG_DFL)
            ctypes.string_at(0)                     # a real segfault
        elif how == "abort":
            os.abort()
        os._exit(t["exit_code"])


def describe(failure):
    """A failure in one line: a catalogue rule's own words, else the
    exception's."""
    if isinstance(failure, TaskFailure):
        return str(failure)
    return "the runtime failed: %s: %s" % (type(failure).__name__, failure)


def run_worker(lane, spec, rate, can_crash, send):
    """A worker's life on its lane after `starting`: running, its tasks,
    its end. Returns whether it finished."""
    lane.state(RUNNING)
    executor = Executor(lane, spec["name"], spec["number"], rate, can_crash,
                        send)
    try:
        executor.run(spec["tasks"])
    except Exception as failure:  # a catalogue rule, or a runtime fault
        lane.state(CRASHED)
        lane.emit("X", escape(describe(failure)))
        return False
    lane.state(FINISHED)
    return True


def thread_main(lane, spec, rate, can_crash, send):
    """A thread worker's target: first its native id, then its work."""
    lane.native_id()
    run_worker(lane, spec, rate, can_crash, send)


def report_own_state(lane):
    """This process's own list and counter (what memory lessons show)."""
    lane.emit("L", ",".join("%d" % v for v in shared_list))
    lane.emit("C", "%d" % counter)


def process_main(spec, seq, rate, offset, q):
    """A worker process's target (module level, so that spawn finds it)."""
    global CLOCK_OFFSET_NS
    CLOCK_OFFSET_NS = offset
    lane = Lane(spec["lane"], seq)
    lane.emit("H", "%d" % os.getpid())

    def send(from_lane, value):
        q.put((from_lane, value))

    ok = run_worker(lane, spec, rate, True, send)
    report_own_state(lane)
    if q is not None:
        q.close()
        q.join_thread()  # all it put is in the pipe before it ends
    if not ok:
        sys.exit(70)


# ---------------------------------------------------------------------------
# The variant, played by the real main thread.


class Variant:
    def __init__(self, plan, main_lane, rate):
        self.plan = plan
        self.main = main_lane
        self.rate = rate
        self.processes = plan["mode"] == "processes"
        self.workers = []  # (spec, lane, Thread or Process)
        self.exit_reported = set()
        if self.processes:
            import multiprocessing
            self.ctx = multiprocessing.get_context(plan["start_method"])
            self.queue = (self.ctx.Queue() if plan["expected_items"] > 0
                          else None)
        else:
            self.queue = queue.Queue()

    def send_from_thread(self, from_lane, value):
        self.queue.put((from_lane, value))

    def create(self):
        for spec in self.plan["workers"]:
            lane = Lane(spec["lane"])
            if self.processes:
                # The child goes on after the parent's `starting` record.
                args = (spec, 1, self.rate, CLOCK_OFFSET_NS, self.queue)
                worker = self.ctx.Process(target=process_main, args=args,
                                          name=spec["name"],
                                          daemon=spec["daemon"])
            else:
                args = (lane, spec, self.rate, False, self.send_from_thread)
                worker = threading.Thread(target=thread_main, args=args,
                                          name=spec["name"],
                                          daemon=spec["daemon"])
            self.workers.append((spec, lane, worker))

    def start(self, lane, worker):
        """Records `starting` on the worker's lane and starts it: it is
        starting until its first Python line."""
        lane.state(STARTING)
        worker.start()

    def join(self, spec, worker):
        # As in the model, main waits only for a worker still running.
        if worker.is_alive():
            self.main.state(WAITING_JOIN, spec["lane"])
            worker.join()
            self.main.state(RUNNING)
        else:
            worker.join()
        if self.processes and spec["lane"] not in self.exit_reported:
            self.exit_reported.add(spec["lane"])
            self.main.emit("E", "%d %d" % (spec["lane"], worker.exitcode))

    def senders_done(self):
        return all(not worker.is_alive() for _, _, worker in self.workers)

    def receive(self):
        """results.append(q.get()) for every item the workers send."""
        for _ in range(self.plan["expected_items"]):
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                self.main.state(WAITING_QUEUE)
                item = self.wait_for_item()
                self.main.state(RUNNING)
            if item is None:
                break  # a sender died: what it did not send never comes
            from_lane, value = item
            self.main.emit("G", "%d %d" % (value, from_lane))
            shared_list.append(value)

    def wait_for_item(self):
        """The next item, or None once every sender has ended without
        sending one."""
        while True:
            try:
                return self.queue.get(timeout=0.05)
            except queue.Empty:
                if self.senders_done():
                    try:  # a last item may still be in the pipe
                        return self.queue.get(timeout=0.2)
                    except queue.Empty:
                        return None

    def run_sequential(self):
        for spec in self.plan["workers"]:
            Executor(self.main, "MainThread", spec["number"], self.rate,
                     False, None).run(spec["tasks"])

    def run_patterns(self):
        plan = self.plan
        self.create()
        if plan["pattern"] == "start-join-in-loop":
            for spec, lane, worker in self.workers:
                self.start(lane, worker)
                self.join(spec, worker)
        else:
            for _, lane, worker in self.workers:
                self.start(lane, worker)
            Executor(self.main, "MainThread", 1, self.rate, False,
                     None).run(plan["main_tasks"])
            if plan["receive"]:
                self.receive()
            for spec, _, worker in self.workers:
                if plan["join"] == "all" or (plan["join"] == "non-daemon"
                                             and not spec["daemon"]):
                    self.join(spec, worker)
        # Interpreter shutdown waits for every non-daemon worker.
        for spec, _, worker in self.workers:
            if not spec["daemon"]:
                self.join(spec, worker)

    def run(self):
        """Main's whole variant; returns the interpreter's exit status."""
        self.main.state(RUNNING)
        try:
            if self.plan["mode"] == "sequential":
                self.run_sequential()
            else:
                self.run_patterns()
        except Exception as failure:  # a catalogue rule, or a runtime fault
            self.main.state(CRASHED)
            self.main.emit("X", escape(describe(failure)))
            report_own_state(self.main)
            return 70
        self.main.state(FINISHED)
        report_own_state(self.main)
        return 0


def main():
    global CLOCK_OFFSET_NS
    # Every process this runtime starts knows which one is the run's root.
    os.environ["THREADLAB_RUNTIME_PID"] = str(os.getpid())
    plan = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    CLOCK_OFFSET_NS = int(plan["clock_offset_ns"])
    sys.setswitchinterval(plan["switch_interval_s"])
    main_lane = Lane(0)
    # Measured before the variant starts, not counted in it; the run's later
    # variants are handed the first one's rate, so every variant does the same
    # work.
    rate = plan.get("loop_rate", 0) or calibrate(plan["calibrate_s"])
    main_lane.emit("K", "%d" % int(rate))
    main_lane.emit("H", "%d" % os.getpid())  # the variant starts here
    main_lane.native_id()
    try:
        variant = Variant(plan, main_lane, rate)
    except Exception as failure:  # e.g. a start method the system lacks
        main_lane.state(CRASHED)
        main_lane.emit("X", escape(describe(failure)))
        sys.exit(70)
    code = variant.run()
    # Daemon threads are cut off here; multiprocessing ends daemon
    # processes at exit and waits for the others.
    sys.exit(code)


if __name__ == "__main__":
    main()
