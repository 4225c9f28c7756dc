"""podium.base.parallel: forked workers, results in order, logs and errors carried back."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time

import pytest

from podium.base import parallel

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="fork is Linux-only here")


def test_results_come_back_in_batch_order_from_other_processes() -> None:
    offset = 1000  # a closure: workers are forked, so nothing needs pickling

    def job(batch: list[int]) -> tuple[int, list[int]]:
        time.sleep(0.02)  # long enough for both workers to take batches
        return os.getpid(), [offset + x for x in batch]

    batches = [list(range(i, i + 3)) for i in range(0, 60, 3)]
    replies = list(parallel.run(job, batches, workers=2))
    assert [r[1] for r in replies] == [[offset + x for x in b] for b in batches]
    pids = {pid for pid, _ in replies}
    assert os.getpid() not in pids
    assert len(pids) == 2


def test_one_worker_runs_in_this_process() -> None:
    replies = list(parallel.run(lambda batch: os.getpid(), [[1], [2], [3]], workers=1))
    assert replies == [os.getpid()] * 3


def test_worker_log_records_reach_the_parent_in_order(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("mkdocs.plugins.podium.test")

    def job(batch: list[int]) -> int:
        for x in batch:
            log.warning("batch item %d", x)
        return len(batch)

    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert list(parallel.run(job, [[1, 2], [3], [4, 5]], workers=2)) == [2, 1, 2]
    messages = [r.getMessage() for r in caplog.records if r.name == log.name]
    assert messages == [f"batch item {x}" for x in range(1, 6)]
    assert all(r.levelno == logging.WARNING for r in caplog.records if r.name == log.name)


def test_an_exception_in_a_worker_is_raised_with_its_message() -> None:
    def job(batch: list[int]) -> int:
        if 7 in batch:
            raise ValueError("statement 7 is broken")
        return sum(batch)

    with pytest.raises(parallel.WorkerError, match="statement 7 is broken") as info:
        list(parallel.run(job, [[1], [7], [3], [4]], workers=2))
    assert "ValueError" in info.value.details


def test_a_worker_that_dies_is_reported() -> None:
    def job(batch: list[int]) -> int:
        if batch == [2]:
            os._exit(3)  # as the kernel's OOM killer would leave it
        return batch[0]

    with pytest.raises(parallel.WorkerError, match="stopped without finishing batch 2"):
        list(parallel.run(job, [[1], [2], [3]], workers=2))


def test_default_workers_is_at_least_one_and_at_most_four() -> None:
    assert 1 <= parallel.default_workers() <= 4


def test_batches_keep_order_and_size() -> None:
    assert parallel.batches(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert parallel.batches([], 3) == []


def test_workers_are_forked_before_run_returns() -> None:
    """The caller may start threads (Pagefind's readers) once `run` has returned:
    no fork happens after that."""
    def job(batch: list[int]) -> int:
        time.sleep(0.5)
        return os.getpid()

    results = parallel.run(job, [[1], [2], [3]], workers=2)
    assert len(multiprocessing.active_children()) == 2  # before the first result is asked for
    assert os.getpid() not in list(results)


def test_no_fork_while_another_thread_runs() -> None:
    """A host's thread (`mkdocs serve` serving while it rebuilds): the job runs here."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork()
        assert list(parallel.run(lambda batch: os.getpid(), [[1], [2]], workers=2)) == [os.getpid()] * 2
    finally:
        stop.set()
        other.join()
    assert parallel.can_fork()


def test_records_of_the_named_logger_are_sent_back(caplog: pytest.LogCaptureFixture) -> None:
    named = logging.getLogger("podium-test-named")

    def job(batch: list[int]) -> int:
        named.warning("from a worker %d", batch[0])
        return batch[0]

    with caplog.at_level(logging.INFO, logger="podium-test-named"):
        assert list(parallel.run(job, [[1], [2]], workers=2, capture="podium-test-named")) == [1, 2]
    assert [r.getMessage() for r in caplog.records if r.name == named.name] == \
        ["from a worker 1", "from a worker 2"]
