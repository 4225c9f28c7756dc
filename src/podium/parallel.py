"""Run a job over batches in forked worker processes, results in input order.

Rendering 10,000 statement pages is CPU-bound Python, so threads do not help
and the build would use one core of many. Forked workers inherit the whole
build state (configuration, navigation, templates, the collection) without
pickling it, so the job can be any callable, closures included. Batch i goes
to worker i mod n and the parent reads the results back in the same order,
so the output does not depend on the number of workers.

A worker's log records are sent back with each result and logged again in
the parent, where MkDocs counts warnings for `--strict`. An exception in a
worker stops the run and is raised in the parent with its message.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

LOGGER = "mkdocs"
"""The logger whose records workers send back (MkDocs and its plugins log under it)."""


class WorkerError(RuntimeError):
    """A worker failed: the message is its exception's, `details` its traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


@dataclass(frozen=True)
class _Record:
    name: str
    level: int
    message: str


@dataclass(frozen=True)
class _Reply(Generic[R]):
    result: R | None
    records: list[_Record]
    error: str | None = None
    details: str = ""


def can_fork() -> bool:
    """Fork is safe where it is the platform's default (Linux); elsewhere run in-process."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def default_workers() -> int:
    """One worker per core the build may use, at most four (writing files then dominates)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, 4)) if can_fork() else 1


def run(job: Callable[[T], R], batches: Sequence[T], workers: int) -> Iterator[R]:
    """job(batch) for every batch, in order; in this process when workers <= 1."""
    if workers <= 1 or len(batches) <= 1 or not can_fork():
        yield from map(job, batches)
        return
    workers = min(workers, len(batches))
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes = []
    for w in range(workers):
        receive, send = context.Pipe(duplex=False)
        mine = batches[w::workers]
        process = context.Process(target=_work, args=(job, mine, send), daemon=True)
        process.start()
        send.close()
        pipes.append(receive)
        processes.append(process)
    try:
        for i in range(len(batches)):
            try:
                reply: _Reply[R] = pipes[i % workers].recv()
            except EOFError:
                raise WorkerError(f"worker {i % workers + 1} stopped without an answer "
                                  "(out of memory?)") from None
            for record in reply.records:
                logging.getLogger(record.name).log(record.level, "%s", record.message)
            if reply.error is not None:
                raise WorkerError(reply.error, reply.details)
            yield reply.result  # type: ignore[misc]
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[_Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(_Record(record.name, record.levelno, record.getMessage()))


def _work(job: Callable[[T], R], batches: Sequence[T], send: Connection) -> None:
    """A worker's life: its batches in order, each reply with the records it logged."""
    logger = logging.getLogger(LOGGER)
    capture = _Capture()
    logger.handlers = [capture]
    logger.propagate = False
    try:
        for batch in batches:
            try:
                result = job(batch)
            except BaseException as exc:  # everything goes back to the parent
                send.send(_Reply(None, capture.records, str(exc) or type(exc).__name__,
                                 traceback.format_exc()))
                return
            send.send(_Reply(result, capture.records))
            capture.records = []
    finally:
        send.close()
