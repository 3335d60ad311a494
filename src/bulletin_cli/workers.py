"""Worker processes for ``-j N``: a function mapped over a list, results back in the list's order
as they are ready, and a worker that dies noticed at once.

A worker may die while it reads a file: the kernel kills it for memory, someone sends it
``kill -9`` or ``kill``. :func:`ordered_map` then hands out no more work, lets the other workers
finish what comes before that file (:data:`GRACE` seconds at most), stops them, and raises
:class:`WorkerDied` naming the file: everything before it came out, nothing after it. A worker
also dies with the process that started it, however that process ends (``SIGKILL`` included).

Each worker has its own pipe. Work goes out in chunks of consecutive positions (a few bytes, so
that handing one out never blocks), at most :data:`AHEAD` to a worker; each result comes back on
its own, so the parent always knows which item a worker is on: the first it has not sent back.

>>> import multiprocessing
>>> ctx = multiprocessing.get_context("fork")
>>> list(ordered_map(ctx, abs, [-3, 2, -1, 0], jobs=2, chunk=1))
[3, 2, 1, 0]
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import connection
from typing import Any, Callable, Iterator, Sequence

#: Chunks a worker holds at a time: the one it reads and the next (so it never waits for the parent).
AHEAD = 2
#: Chunks handed out beyond the first item not yet back, per worker: how far results may run ahead
#: of the output order (and so how many the parent may hold).
WINDOW = 4
#: Seconds the other workers have, once one died, to finish the items before its own.
GRACE = 20.0
#: Seconds a worker has to leave once told to, before it is killed.
LEAVE = 5.0
#: ``prctl`` option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


class WorkerDied(Exception):
    """A worker process died (or failed) while it read ``item`` (None: it was reading none); ``how``
    says how ("died (SIGTERM)"); ``lost``: how many items have no result (``item`` among them)."""

    def __init__(self, item: Any, how: str, lost: int = 0) -> None:
        super().__init__(f"{item}: {how}")
        self.item, self.how, self.lost = item, how, lost


def ordered_map(ctx, func: Callable[[Any], Any], items: Sequence, jobs: int, chunk: int,
                initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[Any]:
    """``func(item)`` for each item, in ``jobs`` processes of the multiprocessing context ``ctx``,
    in order. ``func`` and ``initializer`` must be importable functions (a fork server or spawn
    pickles them); ``func`` should not raise (an exception ends the run like a dead worker)."""
    pool = _Pool(ctx, func, items, jobs, chunk, initializer, initargs)
    try:
        yield from pool.results()
    finally:
        pool.close()


@dataclass
class _Worker:
    process: Any
    conn: Any
    #: [start, end) of each chunk it holds, the first being read: start is the item it is on.
    chunks: deque = field(default_factory=deque)

    @property
    def reading(self) -> int | None:
        return self.chunks[0][0] if self.chunks else None


class _Pool:
    def __init__(self, ctx, func, items: Sequence, jobs: int, chunk: int, initializer, initargs) -> None:
        self.items, self.chunk = items, chunk
        self.done: dict[int, Any] = {}
        self.next_out = self.next_in = 0  # the next item to give out in order, and to hand to a worker
        self.stop = len(items)  # where the output ends: the item a dead worker was reading
        self.died: WorkerDied | None = None
        self.workers: list[_Worker] = []
        for k in range(min(jobs, -(-len(items) // chunk))):
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=_serve, daemon=True, name=f"bulletin-worker-{k}",
                                  args=(theirs, func, items, initializer, initargs, os.getpid()))
            process.start()
            theirs.close()  # (so that a dead worker's pipe reads as closed)
            self.workers.append(_Worker(process, ours))

    def results(self) -> Iterator[Any]:
        deadline = None
        while self.next_out < self.stop:
            if self.died is None:
                self._hand_out()
            elif deadline is None:
                deadline = time.monotonic() + GRACE
            if self.next_out not in self.done and not (self.workers and self._receive(deadline)):
                break  # the others took too long over the items before the dead worker's
            while self.next_out in self.done and self.next_out < self.stop:
                yield self.done.pop(self.next_out)
                self.next_out += 1
        if self.died is None and self.next_out < len(self.items):  # (never so: a stop is a death)
            self.died = WorkerDied(None, "stopped")
        if self.died is not None:
            self._kill()
            self.died.lost = len(self.items) - self.next_out
            raise self.died

    def _hand_out(self) -> None:
        limit = min(self.next_out + WINDOW * len(self.workers) * self.chunk, len(self.items))
        for worker in self.workers:
            while len(worker.chunks) < AHEAD and self.next_in < limit:
                end = min(self.next_in + self.chunk, len(self.items))
                try:
                    worker.conn.send((self.next_in, end))
                except OSError:  # (a broken pipe: it died, and _receive reads how from its sentinel)
                    break
                worker.chunks.append([self.next_in, end])
                self.next_in = end

    def _receive(self, deadline: float | None) -> bool:
        """Take every result that is ready, waiting for one (until ``deadline``, if any); False if
        none came in time. A worker that died sets where the output stops."""
        waiting = {w.conn: w for w in self.workers} | {w.process.sentinel: w for w in self.workers}
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready = connection.wait(list(waiting), timeout=timeout)
        for handle in ready:
            worker = waiting[handle]
            if worker in self.workers:
                self._take(worker)
        return bool(ready)

    def _take(self, worker: _Worker) -> None:
        """Every result ``worker`` has sent; if it is gone (or failed), it is dropped and the
        output stops at the item it was on."""
        how, closed = None, False
        try:
            while worker.conn.poll():
                at, out = worker.conn.recv()
                if at is None:
                    how = f"failed ({out})"
                    break
                self.done[at] = out
                worker.chunks[0][0] += 1
                if worker.chunks[0][0] == worker.chunks[0][1]:
                    worker.chunks.popleft()
        except (EOFError, OSError):
            closed = True
        if how is None and not closed and worker.process.is_alive():
            return
        self.workers.remove(worker)
        worker.process.join(1)  # (so that its exit status is known)
        if worker.process.is_alive():
            worker.process.kill()
        where = worker.reading
        if where is None:
            where = self.next_in  # (it held no work: nothing after what is handed out goes out)
        if where < self.stop:
            self.stop = where
            item = self.items[where] if worker.reading is not None else None
            self.died = WorkerDied(item, how or _how(worker.process))

    def _kill(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.conn.close()
        self.workers = []

    def close(self) -> None:
        """Tell every worker to leave, and kill those that do not in time (or at once, when the run
        stopped early: an interrupt, a reader gone)."""
        finished = self.next_out == len(self.items)
        for worker in self.workers if finished else []:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers if finished else []:
            worker.process.join(LEAVE)
        self._kill()


def _how(process) -> str:
    """How a worker process ended, for the message.

    >>> class P: exitcode = -9
    >>> _how(P())
    'died (SIGKILL: out of memory, or killed)'
    """
    code = process.exitcode
    if code is None or code >= 0:
        return f"died (exit status {code})"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    return f"died ({name}{': out of memory, or killed' if code == -signal.SIGKILL else ''})"


def _serve(conn, func, items: Sequence, initializer, initargs: tuple, parent: int) -> None:
    """A worker: chunks ``(start, end)`` in, ``(position, result)`` out for each item, until ``None``."""
    _die_with(parent)
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        for at in range(*task):
            try:
                conn.send((at, func(items[at])))
            except Exception as exc:  # a fault of func's, or a result that cannot be sent: say which
                conn.send((None, f"{type(exc).__name__}: {exc}"))
                return


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), or watch for it (elsewhere)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    else:
        import threading

        threading.Thread(target=_watch, args=(os.getppid(),), daemon=True).start()
    try:
        os.kill(parent, 0)  # (the parent may have gone before the request took hold)
    except ProcessLookupError:
        os._exit(1)
    except OSError:
        pass


def _watch(ppid: int) -> None:
    while os.getppid() == ppid:
        time.sleep(1)
    os._exit(1)
