"""Type stubs of the compiled core. Private: use the functions in ``tidings``."""

__version__: str
BUILD_PROFILE: str

def describe(texts: list[str | None] | tuple[str | None, ...], *, workers: int | None = None) -> dict[str, list[int]]: ...
def decode_bytes(data: bytes) -> str: ...
def _raise_internal_error() -> None: ...
def clean_many(
    texts: list[str | None] | tuple[str | None, ...],
    sources: list[str | None] | tuple[str | None, ...] | None = None,
    options: dict[str, bool | int | float] | None = None,
    *,
    workers: int | None = None,
) -> list[
    tuple[
        str,
        str | None,
        str | None,
        str | None,
        str | None,
        str | None,
        str | None,
        list[str],
        list[str],
        list[tuple[int, int, str, str, str]],
    ]
]: ...
