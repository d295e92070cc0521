"""The pipeline: saved and loaded it gives the same extraction; texts it must survive."""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.extract.api import extract_loaded
from policykg.extract.loaded import LoadedText
from policykg.extract.pipeline import build_pipeline, load_pipeline

TEXT = (
    "松溪区人民政府关于印发《松溪区法治政府建设实施方案（2023—2025年）》的通知\n"
    "松政发〔2023〕7号\n各镇人民政府，区直各部门：\n"
    "现将《松溪区法治政府建设实施方案（2023—2025年）》印发给你们，请认真贯彻落实。\n"
    "松溪区人民政府\n2023年3月1日\n"
    "一、总体要求\n为贯彻落实《法治政府建设实施纲要（2021—2025年）》，结合本区实际，"
    "制定本实施方案。区司法局牵头推行“首违不罚”，全年办理案件86件，办结率98.5%。\n"
)


def test_pipeline_save_load_gives_the_same_extraction(tmp_path: Path) -> None:
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "nlp")
    loaded = load_pipeline(tmp_path / "nlp")
    assert loaded.pipe_names == nlp.pipe_names
    text = LoadedText("songxi.txt", TEXT, "0" * 64, "txt")
    first = extract_loaded(text, nlp=nlp)
    again = extract_loaded(text, nlp=loaded)
    assert again.to_dict() == first.to_dict()
    assert first.documents and first.links


@pytest.mark.parametrize("text", [
    "x", " ", "\n\n", "《", "》", "《》", "（国发〔2022〕", "一、", "一是", "印发《",
    "现印发给你们", "《A》（以下简称《", "发文字号：\n", "标题：\n",
])
def test_pipeline_survives_odd_texts(text: str) -> None:
    ext = extract_loaded(LoadedText("odd.txt", text, "0" * 64, "txt"))
    assert ext.text == text
