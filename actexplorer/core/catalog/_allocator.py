"""Keep freed block-sized buffers in the process instead of handing them back to the system.

The kernels and the statistics work on blocks of 2¹⁵ values, so their temporaries are 256 KiB
arrays, created and freed by the thousand. glibc's malloc serves such sizes with mmap, or trims
the heap top as soon as that much is free, so each new temporary page-faults on first touch:
measured, that doubled the cost of an error-free product and cost snake and GCU 40 % of their
time. Raising the two thresholds makes freed buffers reusable; the memory kept is bounded by
``TRIM_THRESHOLD`` (arrays above ``MMAP_THRESHOLD``, such as 10⁷ samples, still go back at once).
Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: Allocations from this size on get their own mapping, returned to the system when freed.
MMAP_THRESHOLD = 16 << 20
#: The heap is trimmed only when this much is free at its top.
TRIM_THRESHOLD = 64 << 20

# mallopt parameter numbers from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

_done = False


def keep_freed_buffers() -> bool:
    """Raise glibc's mmap and trim thresholds once per process; True if they were set."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The process's own symbols include its C library's; ctypes.util.find_library would
        # start ldconfig in a subprocess, which costs start-up time.
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (e.g. musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
    return _done
