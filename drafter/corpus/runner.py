"""Mining many inputs: in parallel processes when that pays off, results streamed in input
order. Collecting inputs is inputs.py's job, the report report.py's, templates
house_style.py's; drawing progress is the caller's (a callback)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..errors import DrafterError
from .inputs import Input, mine_input, read_input
from .mine import FileResult

POOL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting workers costs more than it saves


def plan_jobs(requested: int, inputs: list[Input]) -> tuple[int, str | None]:
    """How many processes to use, and why fewer than asked. A pool pays off only with idle
    cores and enough text: on a busy machine the second process finds no free core and only
    adds start-up, pickling and scheduling costs (that is why --jobs 2 ran at 0.55× there)."""
    if requested <= 1 or len(inputs) < 2:
        return 1, None
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    try:
        idle = cpus - os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        idle = float(cpus)
    size = 0
    for item in inputs:
        if item.path is not None and not item.problem:
            with contextlib.suppress(OSError):
                size += item.path.stat().st_size
    if size < POOL_MIN_BYTES:
        return 1, f"文本不到 {POOL_MIN_BYTES // 2**20} MB，单进程更快"
    usable = min(requested, cpus, max(1, int(idle + 0.5)))
    if usable <= 1:
        return 1, f"本机 {cpus} 个核心都在忙（负载 {cpus - idle:.1f}），多进程不会更快，已改用单进程"
    return usable, None if usable == requested else f"只有 {usable} 个空闲核心，用 {usable} 个进程"


def _warm() -> None:
    """Load what every file needs once, before the workers fork, so they share it."""
    from .clean import t2s_converter

    t2s_converter()


def mine_inputs(inputs: list[Input], *, jobs: int = 1,
                progress: Callable[[], None] | None = None) -> Iterator[FileResult]:
    """Results in input order; ``progress`` is called once per result. Standard input is read
    here, in the parent process (with the same byte cap as a file). ``jobs`` is what was asked
    for; see plan_jobs for what is used."""
    stdin_data = None
    if any(i.path is None and not i.problem for i in inputs):
        try:
            stdin_data = read_input(None)
        except DrafterError as exc:
            stdin_data = None
            inputs = [Input(i.name, problem=exc.problems[0].message) if i.path is None else i
                      for i in inputs]
    jobs, _why = plan_jobs(jobs, inputs)
    results = _pooled(inputs, stdin_data, jobs) if jobs > 1 else (mine_input(i, stdin_data) for i in inputs)
    for result in results:
        if progress:
            progress()
        yield result


def _pooled(inputs: list[Input], stdin_data: bytes | None, jobs: int) -> Iterator[FileResult]:
    import multiprocessing

    _warm()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        items = [(i, stdin_data if i.path is None else None) for i in inputs]
        yield from pool.map(_mine_pair, items, chunksize=max(1, len(items) // (jobs * 8)))


def _mine_pair(pair: tuple[Input, bytes | None]) -> FileResult:
    return mine_input(pair[0], pair[1])
