"""Run a job over batches in forked worker processes, results in input order.

Rendering 10,000 statement pages is CPU-bound Python, so threads do not help
and the build would use one core of many. Forked workers inherit the whole
build state (configuration, navigation, templates, the collection) without
pickling it, so the job can be any callable, closures included. Fork is asked
for by name: it is no longer the default start method from Python 3.14, and
the others (spawn, forkserver) would have to pickle the job. A process is
forked only while it runs no other thread (a fork copies only the calling
thread, and a lock another thread held stays locked in the child; Python 3.12
warns): the caller starts its own threads (Pagefind's readers) after `run`
returns, and where a host runs threads of its own (`mkdocs serve` rebuilding
while it serves) the job runs in this process. A worker takes the next batch
whenever it is free; the parent takes replies as they come and yields them in
batch order, so what follows (indexing, logging) does not depend on the
number of workers.

A worker's log records (of the logger the caller names, `capture`) are sent
back with each result and logged again in the parent, where MkDocs counts
warnings for `--strict`. An exception in a worker stops the run and is raised
in the parent with its message.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

class WorkerError(RuntimeError):
    """A worker failed: the message is its exception's, `details` its traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


@dataclass(frozen=True)
class _Record:
    """A log record a worker made, sent back to be logged by the parent (a
    LogRecord itself may hold what does not pickle)."""

    name: str
    level: int
    message: str


@dataclass(frozen=True)
class _Reply(Generic[R]):
    result: R | None
    records: list[_Record]
    error: str | None = None
    details: str = ""


def batches(items: list[T], size: int) -> list[list[T]]:
    """`items` in consecutive batches of at most `size` (none for no items)."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def can_fork() -> bool:
    """Whether workers can be forked now: on Linux (fork is unsafe on macOS, absent on
    Windows), and while this process runs no other thread."""
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def default_workers() -> int:
    """One worker per core the build may use, at most four (writing files then dominates)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, 4)) if can_fork() else 1


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> Callable[[], None] | None:
    """A function for a child process to call first (a worker, or Popen's
    preexec_fn for Pagefind) so that the kernel kills it when the build dies,
    SIGKILL included: daemon processes are only stopped by a parent that exits
    normally, and `kill <mkdocs>` left two workers and `pagefind --service`
    running. Linux only (prctl PR_SET_PDEATHSIG); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here, not after fork
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def arm() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)

    return arm


def run(job: Callable[[T], R], batches: Sequence[T], workers: int, capture: str = "") -> Iterator[R]:
    """job(batch) for every batch, in order, the workers started before this returns;
    in this process when workers <= 1 or workers cannot be forked. `capture` names
    the logger whose records workers send back (the root logger by default)."""
    if workers <= 1 or len(batches) <= 1 or not can_fork():
        return map(job, batches)
    return _run(job, batches, _start(job, batches, workers, capture))


def _start(job: Callable[[T], R], batches: Sequence[T], workers: int,
           capture: str) -> list[tuple[Any, Connection]]:
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next batch a worker may take
    started = []
    for _ in range(min(workers, len(batches))):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(job, batches, taken, send, capture,
                                                      die_with_parent()), daemon=True)
        process.start()
        send.close()
        started.append((process, receive))
    return started


def _run(job: Callable[[T], R], batches: Sequence[T], started: list[tuple[Any, Connection]]) -> Iterator[R]:
    processes = [process for process, _ in started]
    pipes = [pipe for _, pipe in started]
    finished = False
    try:
        yield from _in_order(pipes, len(batches))
        finished = True
    finally:
        for process in processes:
            process.join(timeout=10 if finished else 0)  # done workers are exiting
            if process.is_alive():
                process.terminate()
                process.join()
        for pipe in pipes:
            pipe.close()


def _in_order(pipes: list[Connection], count: int) -> Iterator[R]:
    """Replies as they come from any worker, yielded in batch order."""
    early: dict[int, _Reply[R]] = {}
    open_pipes = list(pipes)
    for i in range(count):
        while i not in early:
            if not open_pipes:
                raise WorkerError(f"a worker stopped without finishing batch {i + 1} (out of memory?)")
            for pipe in wait(open_pipes):
                assert isinstance(pipe, Connection)
                try:
                    index, reply = pipe.recv()
                except EOFError:
                    open_pipes.remove(pipe)
                    continue
                early[index] = reply
        reply = early.pop(i)
        for record in reply.records:
            logging.getLogger(record.name).log(record.level, "%s", record.message)
        if reply.error is not None:
            raise WorkerError(reply.error, reply.details)
        yield reply.result  # type: ignore[misc]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[_Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(_Record(record.name, record.levelno, record.getMessage()))


def _work(job: Callable[[T], R], batches: Sequence[T], taken: Any, send: Connection, name: str,
          arm: Callable[[], None] | None = None) -> None:
    """A worker's life: take the next batch until there is none, and send each
    reply with the records logged while making it."""
    if arm is not None:
        arm()
    logger = logging.getLogger(name or None)
    capture = _Capture()
    logger.handlers = [capture]
    logger.propagate = False
    try:
        while True:
            with taken.get_lock():
                i = taken.value
                taken.value += 1
            if i >= len(batches):
                return
            try:
                result = job(batches[i])
            except BaseException as exc:  # everything goes back to the parent
                send.send((i, _Reply(None, capture.records, str(exc) or type(exc).__name__,
                                     traceback.format_exc())))
                return
            send.send((i, _Reply(result, capture.records)))
            capture.records = []
    finally:
        send.close()
