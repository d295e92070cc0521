import pickle

import pytest
from policykg.ontology.errors import (
    CorruptFileError,
    DecodingError,
    EmptyTextError,
    InputError,
    UnsupportedFormatError,
)


@pytest.mark.parametrize(
    "cls", [InputError, UnsupportedFormatError, DecodingError, CorruptFileError, EmptyTextError]
)
def test_errors_input_errors_survive_a_trip_between_processes(cls):
    err = cls("松溪区/报告.pdf", "corrupt or unreadable pdf")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls
    assert str(again) == "松溪区/报告.pdf: corrupt or unreadable pdf"
    assert (again.path, again.problem) == (err.path, err.problem)
