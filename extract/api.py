"""Plain functions over the pipeline: a file or a loaded text in, an Extraction out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from policykg.extract.component import TEXT_KEY
from policykg.extract.load import load_file
from policykg.extract.loaded import LoadedText
from policykg.extract.pipeline import shared_pipeline
from policykg.extract.to_records import doc_to_extraction
from policykg.ontology.errors import ExtractionError, PolicyKGError
from policykg.ontology.records import Extraction
from spacy.language import Language


def extract_loaded(loaded: LoadedText, text_id: str | None = None,
                   nlp: Language | None = None) -> Extraction:
    nlp = nlp or shared_pipeline()
    doc = nlp.make_doc(loaded.text)
    doc.user_data[TEXT_KEY] = loaded.text  # the Doc's text, without walking its tokens
    doc._.source = loaded
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc_to_extraction(doc, loaded, text_id or Path(loaded.path).stem)


def extract_file(path: str | Path, nlp: Language | None = None) -> Extraction:
    return extract_loaded(load_file(path), nlp=nlp)


def extract_many(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Extraction | PolicyKGError]]:
    """Each file's Extraction, or the error that stopped it; the batch always goes on."""
    for path in paths:
        try:
            yield Path(path), extract_file(path)
        except PolicyKGError as err:
            yield Path(path), err
        except Exception as err:  # a pipeline bug on one text must not stop the batch
            detail = " ".join(f"{type(err).__name__}: {err}".split())
            yield Path(path), ExtractionError(f"{path}: extraction failed ({detail})")
