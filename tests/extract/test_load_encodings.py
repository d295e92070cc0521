"""txt in every encoding Chinese governments save: detected, never guessed wrong."""

from __future__ import annotations

import pytest
from policykg.extract.load import load_file
from policykg.ontology.errors import DecodingError

TEXT = ("松溪区司法局2023年度法治政府建设工作报告\n"
        "2023年，区司法局认真落实《中华人民共和国行政处罚法》，"
        "全年办理行政复议案件126件，纠错率为12.5%。")
ALL_CHINESE = "区司法局认真落实行政复议法，依法办理行政复议案件，纠正违法行政行为。"


@pytest.mark.parametrize(("codec", "detected"), [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),  # with BOM
    ("utf-16-le", "utf-16-le"),  # no BOM: told by where the NULs of ASCII characters are
    ("utf-16-be", "utf-16-be"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("gb2312", "gb18030"),
])
@pytest.mark.parametrize("text", [TEXT, ALL_CHINESE], ids=["mixed", "no-ascii"])
def test_load_encoding_detected(write_file, codec, detected, text):
    loaded = load_file(write_file(f"report-{codec}.txt", text, codec))
    assert loaded.text == text
    assert loaded.encoding == detected
    assert loaded.format == "txt"


# Text in other scripts saved in their legacy encodings decodes as GB18030 byte for byte,
# but into rare characters: the loader must refuse rather than hand on mojibake.
WRONG = [
    ("euc-kr", "서울특별시는 2023년 법치행정 보고서를 발표하였다. 시민의 권리를 보호하고 "
               "행정의 투명성을 높이기 위하여 다양한 제도를 도입하였다." * 2),
    ("shift_jis", "東京都は行政報告書を公表しました。市民の権利を守り、行政の透明性を高めるために、"
                  "さまざまな制度を導入しました。今後も引き続き努力してまいります。" * 2),
    ("latin-1", "Le conseil municipal a adopté le règlement général relatif à la sécurité "
                "et à la qualité de l'été; voilà où nous en sommes après l'année écoulée."),
    ("euc-kr", "서울특별시 법치행정 보고서 발표"),  # short: a dozen characters
    ("latin-1", "Société anonyme réglementée, café"),  # é before a letter is a GBK pair
    ("big5", "松溪區堅持以習近平新時代中國特色社會主義思想為指導，深入學習貫徹習近平法治思想，"
             "認真落實法治政府建設實施綱要，紮實推進依法行政，全年辦理行政復議案件。"),
]


@pytest.mark.parametrize(("codec", "text"), WRONG, ids=[c for c, _ in WRONG])
def test_load_encoding_wrong_guess_refused(write_file, codec, text):
    path = write_file(f"foreign-{codec}.txt", text, codec)
    with pytest.raises(DecodingError) as caught:
        load_file(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "cannot decode" in message
    assert "\n" not in message


@pytest.mark.parametrize("damage", [
    lambda b: b[:-1],  # cut inside the last character
    lambda b: b[:40] + b"\xff\xfe\xff" + b[40:],  # bytes no encoding allows
])
def test_load_encoding_damaged_utf8_refused(write_file, damage):
    path = write_file("damaged.txt", damage(TEXT.encode("utf-8")))
    with pytest.raises(DecodingError, match="invalid UTF-8 at byte"):
        load_file(path)


@pytest.mark.parametrize("codec", ["gb18030", "utf-16-le"])
def test_load_encoding_real_texts_round_trip(dev_dir, tmp_path, codec):
    """Every dev text saved in another encoding loads back to the same text."""
    for source in sorted(dev_dir.glob("*.txt")):
        path = tmp_path / source.name
        path.write_bytes(source.read_text(encoding="utf-8").encode(codec))
        again = load_file(path)
        assert again.encoding == codec, source.name
        assert again.text == load_file(source).text, source.name
