"""Type stubs of the compiled core. Private: use the functions in ``tidings``."""

from typing_extensions import final

__version__: str
BUILD_PROFILE: str

@final
class ProgressCounter:
    def __new__(cls) -> ProgressCounter: ...
    @property
    def done(self) -> int: ...

def describe(
    texts: list[str | None] | tuple[str | None, ...],
    *,
    workers: int | None = None,
    progress: ProgressCounter | None = None,
) -> dict[str, list[int]]: ...
def decode_bytes(data: bytes) -> str: ...
def _raise_internal_error() -> None: ...
