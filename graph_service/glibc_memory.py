"""glibc's allocator, told to hand memory back to the system (elsewhere than glibc: nothing).

glibc keeps what a process frees for its next allocations. After the hostile documents
bench, the service's process stayed 1.2-1.55x its starting size with nothing in use: large
request bodies had been allocated on the heap, whose freed middle glibc cannot return.
"""

from __future__ import annotations

import ctypes

# mallopt's parameter number for the size from which an allocation gets pages of its own.
_M_MMAP_THRESHOLD = -3
# glibc's starting threshold; set explicitly, it stops glibc from raising it.
LARGE_ALLOCATION_BYTES = 128 * 1024


def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_LIBC = _glibc()


def give_large_allocations_back() -> None:
    """Every allocation from 128 kB on (a request body, its decoded copy) gets pages of its
    own, returned when it is freed. By default glibc raises that threshold to the largest
    block freed so far (up to 32 MB), after which 1 MB bodies come from the heap and their
    pages stay with the process: 1.19x its start after the bench, 1.07x with this."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_MMAP_THRESHOLD, LARGE_ALLOCATION_BYTES)


def trim() -> None:
    """Returns the free pages of every heap to the system (a large parse frees many small
    objects, whose pages glibc keeps otherwise)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
