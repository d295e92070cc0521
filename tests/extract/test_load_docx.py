"""Word documents: paragraphs and table rows in reading order."""

from __future__ import annotations

from policykg.extract.load import load_file


def test_load_docx_paragraphs_and_table_in_order(make_docx):
    head = ["松溪区人民政府办公室关于印发《松溪区行政执法公示办法》的通知",
            "松区办发〔2023〕7号", "各镇人民政府、街道办事处，区政府各部门："]
    table = [["序号", "事项名称", "实施机关"], ["1", "行政许可", "区行政审批局"],
             ["2", "行政处罚", "区市场监管局"]]
    closing = ["松溪区人民政府办公室", "2023年5月8日"]
    loaded = load_file(make_docx("notice.docx", head, table, closing, title="行政执法公示办法"))
    assert loaded.format == "docx" and loaded.title == "行政执法公示办法"
    assert loaded.text.split("\n") == [*head, "序号 事项名称 实施机关", "1 行政许可 区行政审批局",
                                       "2 行政处罚 区市场监管局", *closing]


def test_load_docx_merged_cell_read_once(tmp_path):
    import docx
    document = docx.Document()
    grid = document.add_table(rows=1, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "区司法局"
    grid.cell(0, 2).text = "牵头单位"
    document.save(tmp_path / "merged.docx")
    assert load_file(tmp_path / "merged.docx").text == "区司法局 牵头单位"
