"""Type stubs of the compiled core. Private: use the functions in ``tidings``."""

import os
from typing import Any, Protocol, TypeAlias, final

__all__ = [
    "__version__",
    "BUILD_PROFILE",
    "ProgressCounter",
    "describe",
    "decode_bytes",
    "_raise_internal_error",
    "DEDUP_KINDS",
    "DedupIndex",
    "DedupFingerprints",
    "DedupSpill",
    "repeated_paragraphs",
    "LABELS",
    "LABEL_ALIASES",
    "EntityJoin",
    "EntityRenames",
    "tag",
    "quotes",
    "_tokenize",
    "_train_tagger",
    "TemplateCounts",
    "clean_many",
    "option_specs",
    "resolve_options",
    "StoryIndex",
    "_story_terms",
]

__version__: str
BUILD_PROFILE: str

class _ArrowStream(Protocol):
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

class _ArrowArray(Protocol):
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...

#: What the core reads as texts: a list or tuple, or an Arrow text column (read without copying).
_Texts: TypeAlias = list[str | None] | tuple[str | None, ...] | _ArrowStream | _ArrowArray

@final
class ProgressCounter:
    def __new__(cls) -> ProgressCounter: ...
    @property
    def done(self) -> int: ...

def describe(
    texts: _Texts,
    *,
    workers: int | None = None,
    progress: ProgressCounter | None = None,
) -> dict[str, list[int]]: ...
def decode_bytes(data: bytes) -> str: ...
def _raise_internal_error() -> None: ...

DEDUP_KINDS: list[str]
LABELS: list[str]
LABEL_ALIASES: dict[str, str]

def option_specs(group: str) -> list[dict[str, Any]]: ...
def resolve_options(group: str, options: dict[str, Any] | None = None) -> dict[str, Any]: ...

@final
class DedupIndex:
    def __new__(cls, *, all_pairs: bool = True, **options: Any) -> DedupIndex: ...
    def add(
        self,
        texts: _Texts,
        *,
        workers: int | None = None,
        progress: ProgressCounter | None = None,
    ) -> int: ...
    def clusters(self, start: int = 0, end: int | None = None) -> dict[str, Any]: ...
    def pairs(self) -> dict[str, list[Any]]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> DedupIndex: ...
    @staticmethod
    def load(path: str | os.PathLike[str]) -> DedupIndex: ...
    def memory_bytes(self) -> int: ...
    def __len__(self) -> int: ...
    @property
    def threshold(self) -> float: ...
    @property
    def containment(self) -> float | None: ...
    @property
    def ngram(self) -> int: ...
    @property
    def sample(self) -> int: ...
    @property
    def all_pairs(self) -> bool: ...

@final
class DedupFingerprints:
    def __new__(cls, **options: Any) -> DedupFingerprints: ...
    def add(
        self,
        texts: _Texts,
        *,
        workers: int | None = None,
        progress: ProgressCounter | None = None,
    ) -> None: ...
    def decide(
        self, rank: list[int] | None = None, *, all_pairs: bool = False, workers: int | None = None
    ) -> dict[str, Any]: ...
    def memory_bytes(self) -> int: ...
    def to_bytes(self) -> bytes: ...
    def add_bytes(self, data: bytes) -> None: ...
    def columns(self) -> dict[str, bytes]: ...
    def add_columns(self, exact: bytes, offsets: bytes, shingles: bytes) -> None: ...
    def fewest_shared(self, len_a: list[int], len_b: list[int]) -> list[int]: ...
    def candidate_pairs(self, holders: bytes) -> bytes: ...
    def paired(self, a: list[int], b: list[int]) -> dict[str, list[float]]: ...
    def __len__(self) -> int: ...

@final
class DedupSpill:
    def __new__(cls, directory: str, *, block_bytes: int = ..., **options: Any) -> DedupSpill: ...
    def add(
        self,
        texts: _Texts,
        *,
        workers: int | None = None,
        progress: ProgressCounter | None = None,
    ) -> None: ...
    def add_bytes(self, data: bytes) -> None: ...
    def decide(
        self, rank: list[int] | None = None, *, all_pairs: bool = True, workers: int | None = None
    ) -> dict[str, Any]: ...
    def __len__(self) -> int: ...

def repeated_paragraphs(
    texts: _Texts, *, workers: int | None = None, **options: Any
) -> dict[str, list[Any]]: ...

@final
class StoryIndex:
    def __new__(cls, **options: Any) -> StoryIndex: ...
    def add(
        self,
        texts: _Texts,
        *,
        dates: list[int | None] | None = None,
        groups: list[str | None] | None = None,
        entities: tuple[list[int], list[str], list[str]] | None = None,
        workers: int | None = None,
        progress: ProgressCounter | None = None,
    ) -> int: ...
    def assignments(self) -> dict[str, list[Any]]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> StoryIndex: ...
    @staticmethod
    def load(path: str | os.PathLike[str]) -> StoryIndex: ...
    def memory_bytes(self) -> int: ...
    def __len__(self) -> int: ...
    @property
    def neighbours(self) -> int: ...
    @property
    def threshold(self) -> float: ...
    @property
    def min_similarity(self) -> float: ...
    @property
    def window(self) -> float | None: ...
    @property
    def candidate_terms(self) -> int: ...
    @property
    def max_term_articles(self) -> int: ...

def _story_terms(
    texts: _Texts, entities: tuple[list[int], list[str], list[str]]
) -> list[list[str]]: ...

@final
class TemplateCounts:
    def __new__(cls, options: dict[str, bool | int | float] | None = None) -> TemplateCounts: ...
    def add(
        self,
        texts: _Texts,
        sources: _Texts | None = None,
        *,
        workers: int | None = None,
        progress: ProgressCounter | None = None,
    ) -> None: ...
    @staticmethod
    def from_learned(data: bytes, options: dict[str, bool | int | float] | None = None) -> TemplateCounts: ...
    def learned_bytes(self) -> bytes: ...
    def to_bytes(self) -> bytes: ...
    def add_bytes(self, data: bytes) -> None: ...
    def finish(self) -> None: ...
    def __len__(self) -> int: ...

def clean_many(
    texts: _Texts,
    sources: _Texts | None = None,
    options: dict[str, bool | int | float] | None = None,
    *,
    templates: TemplateCounts | None = None,
    workers: int | None = None,
    progress: ProgressCounter | None = None,
) -> tuple[Any, Any, dict[int, str]]: ...  # pyarrow StructArrays: fields by document, audit spans; span texts Arrow cannot hold by row

@final
class EntityJoin:
    def __new__(cls) -> EntityJoin: ...
    def join(self) -> EntityRenames: ...
    def names(self) -> bytes: ...
    def add_names(self, data: bytes) -> None: ...
    def __len__(self) -> int: ...

@final
class EntityRenames:
    def documents(self) -> bytes: ...
    def joined(self) -> Any: ...  # a pyarrow StructArray: label, entity, link by row
    def find(self, documents: bytes, labels: _Texts, entities: _Texts) -> bytes: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> EntityRenames: ...
    def __len__(self) -> int: ...

def tag(
    texts: _Texts,
    model_path: str,
    gazetteer_path: str,
    *,
    entities: list[tuple[str, str, str]] | None = None,
    corpus: EntityJoin | None = None,
    dates: list[str | None] | None = None,
    sources: list[str | None] | None = None,
    workers: int | None = None,
    progress: ProgressCounter | None = None,
    **options: Any,
) -> tuple[Any, dict[int, str]]: ...  # a pyarrow StructArray of the mention columns; texts Arrow cannot hold by row
def quotes(
    texts: _Texts,
    model_path: str,
    gazetteer_path: str,
    *,
    entities: list[tuple[str, str, str]] | None = None,
    mentions: tuple[list[int], list[int], list[int], list[str], list[str]] | None = None,
    dates: list[str | None] | None = None,
    sources: list[str | None] | None = None,
    workers: int | None = None,
    progress: ProgressCounter | None = None,
) -> dict[str, list[Any]]: ...
def _tokenize(text: str) -> list[tuple[int, int, bool]]: ...
def _train_tagger(
    sentences: list[list[str]],
    tags: list[list[str]],
    gazetteer_path: str,
    out_path: str,
    *,
    bits: int = 19,
    epochs: int = 6,
    seed: int = 20240601,
    word_dropout: float = 0.0,
    runs: int = 1,
) -> list[float]: ...
