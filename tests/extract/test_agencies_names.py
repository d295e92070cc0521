"""Agencies: names a reader would mark in invented sentences of the genre, and what not."""

from __future__ import annotations

import pytest
from policykg.extract.pipeline import shared_pipeline


def agencies(text: str) -> dict[str, tuple[str, str]]:
    doc = shared_pipeline()(text)
    return {s.text: (s._.canonical, s._.attrs["kind"]) for s in doc.spans["agencies"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年，在省委、省政府和市委的坚强领导下，平江县人民政府深入推进依法行政。",
     {"省委", "省政府", "市委", "平江县人民政府"}),
    ("市委市政府高度重视法治建设，县委县政府多次专题研究。",
     {"市委", "市政府", "县委", "县政府"}),
    ("认真落实中共中央、国务院决策部署，贯彻党中央关于全面依法治国的要求。",
     {"中共中央", "国务院", "党中央"}),
    # a national administration's bureau in a place is one body; the administration alone
    ("会同国家税务总局平江县税务局、国家金融监督管理总局岳阳监管分局开展清理。",
     {"国家税务总局平江县税务局", "国家金融监督管理总局岳阳监管分局"}),
    ("国家税务总局、县税务局联合印发通知。", {"国家税务总局", "县税务局"}),
    # a zone's management committee named by the zone's kind alone
    ("高新区管委会、经开区党工委探索“拿地即开工”审批模式。", {"高新区管委会", "经开区党工委"}),
    ("中共平江县委办公室、平江县人民政府办公室联合印发实施方案。",
     {"中共平江县委办公室", "平江县人民政府办公室"}),
    ("区司法局会同区市场监管局、区发改委开展联合检查，区法院、区检察院派员参加。",
     {"区司法局", "区市场监管局", "区发改委", "区法院", "区检察院"}),
    ("召开县委全面依法治县委员会第三次会议，县政府党组会议、县委常委会会议专题学法。",
     {"县委全面依法治县委员会", "县政府党组", "县委常委会"}),
    ("成立以县司法局、县法院为成员单位的县行政争议调处中心。",
     {"县司法局", "县法院", "县行政争议调处中心"}),
    ("区商务局等优化营商环境工作领导小组成员单位按职责分工落实。",
     {"区商务局", "优化营商环境工作领导小组"}),
    ("各乡镇人民政府，经开区管委会，区政府各部门、各直属机构：",
     {"经开区管委会", "区政府"}),
    ("各有关部门、区政府办公室要抓好落实。", {"区政府办公室"}),
    ("自觉接受区人大及其常委会的监督和区政协的民主监督，办理人大代表建议36件。",
     {"区人大", "区政协", "人大"}),
    ("重庆市江北区司法局2023年法治政府建设年度报告\n江北区司法局在区委的领导下开展工作。",
     {"重庆市江北区司法局", "江北区司法局", "区委"}),
    ("县委办、县政府办联合督查，县政府办理建议提案86件。", {"县委办", "县政府办", "县政府"}),
    ("县府办、区委改革办、区委政研室联合开展调研。", {"县府办", "区委改革办", "区委政研室"}),
    ("市住房和城乡建设局、市人力资源和社会保障局按职责分工负责。",
     {"市住房和城乡建设局", "市人力资源和社会保障局"}),
    ("经自治区人民政府同意，广西壮族自治区司法厅印发通知。",
     {"自治区人民政府", "广西壮族自治区司法厅"}),
    ("由司法局牵头，住建局、城管局配合开展联合执法。", {"司法局", "住建局", "城管局"}),
    ("县编办负责人解读文件，县环保局、安监局负责人作交流发言。", {"县编办", "县环保局", "安监局"}),
    ("市中院、团县委联合开展活动，镇党委、县纪委监委参加。", {"市中院", "镇党委", "县纪委监委"}),
    ("青岚市松河区人民政府关于2023年度法治政府建设情况的报告", {"青岚市松河区人民政府"}),
    ("依托城关镇司法所开展调解，建成启用县公共服务中心，区公安分局配合。",
     {"城关镇司法所", "县公共服务中心", "区公安分局"}),
    # the departments of a city or county government in their standard short forms
    ("县人力资源社会保障局、县人社局、县住建局、市自然资源和规划局联合检查。",
     {"县人力资源社会保障局", "县人社局", "县住建局", "市自然资源和规划局"}),
    ("由发展改革委牵头，行政审批局、大数据中心、医保局、应急管理局、退役军人事务局配合。",
     {"发展改革委", "行政审批局", "大数据中心", "医保局", "应急管理局", "退役军人事务局"}),
    ("责任单位：信访局、城管执法局、综合行政执法局、生态环境分局、住房城乡建设局。",
     {"信访局", "城管执法局", "综合行政执法局", "生态环境分局", "住房城乡建设局"}),
    # cities whose name ends in 州: 州 is a level word too, and must not cut them
    ("杭州市司法局、广州市生态环境局和赣州市章贡区司法局联合开展检查。",
     {"杭州市司法局", "广州市生态环境局", "赣州市章贡区司法局"}),
    # a congress and a CPPCC with their term (not 人大 alone); no government has one
    ("——在武昌区第十六届人大常委会第四次会议上，县第三届政府工作。",
     {"武昌区第十六届人大常委会"}),
    # the Supreme Procuratorate printed short; the State Council's former legal office
    ("在市委和最高检坚强领导下开展工作，根据国务院法制办的复函。",
     {"市委", "最高检", "国务院法制办"}),
    # a subdistrict office printed short; 办 a verb after 街道
    ("各乡镇人民政府、海城街道办，在城关街道办理业务，各街道办结案件。", {"海城街道办"}),
    # a province's departments in a list of the units responsible
    ("（责任单位：省发展改革委、商务厅、省大数据中心，由教育厅会同民政厅负责）",
     {"省发展改革委", "商务厅", "省大数据中心", "教育厅", "民政厅"}),
    ("由司法局会同住建局、医保局开展检查，督促应急管理局落实整改。",
     {"司法局", "住建局", "医保局", "应急管理局"}),
    ("青岚县桃花镇党委、桃花镇人民政府联合开展调解。", {"青岚县桃花镇党委", "桃花镇人民政府"}),
    ("县卫计委、县房管局牵头，招商局、园林局配合。", {"县卫计委", "县房管局", "招商局", "园林局"}),
    # a branch of a city bureau is one body
    ("市生态环境局平江分局、市公安局交警支队配合开展联合执法。",
     {"市生态环境局平江分局", "市公安局交警支队"}),
    ("市公安局组织大队民警开展巡逻。", {"市公安局"}),
    ("市公安局出入境管理支队、县公安局刑事侦查大队受理申请。",
     {"市公安局出入境管理支队", "县公安局刑事侦查大队"}),
    # a subdistrict (街道) is a level like a town
    ("街道党工委、丰江街道人大工委、南湖街道司法所、街道综合行政执法队联合开展普法。",
     {"街道党工委", "丰江街道人大工委", "南湖街道司法所", "街道综合行政执法队"}),
    # a court's divisions
    ("县人民法院行政审判庭与县司法局会商，市中级人民法院立案庭、区法院民事审判第一庭参加。",
     {"县人民法院行政审判庭", "县司法局", "市中级人民法院立案庭", "区法院民事审判第一庭"}),
    # a town's congress presidium and its own offices
    ("镇人大主席团组织代表视察，镇司法所、镇派出所联合排查，镇综合行政执法队严格执法。",
     {"镇人大主席团", "镇司法所", "镇派出所", "镇综合行政执法队"}),
])
def test_agencies_names_found(text: str, expected: set[str]) -> None:
    assert set(agencies(text)) == expected


@pytest.mark.parametrize("text", [
    "各部门、各执法单位要加强协作，镇(街道)要落实属地责任。",
    "在政府门户网站公开政策文件，推动政府职能转变。",
    "根据《平江县人民政府关于印发行政执法公示办法的通知》（平政发〔2023〕4号）精神。",
    "全市城市管理水平不断提升，各县(市、区)人民政府要抓好落实。",
    "各县司法局要认真落实，县级政府要履行属地责任。",
    "全县标准化司法所实现全覆盖，全市建成县级矛盾纠纷调处化解中心。",
    "建成全市大数据中心，推进城市大数据中心建设，开创交通局面。",
    "平江县府办发〔20235\n区府办字[2022",  # document numbers printed broken
    "各开发区管委会要落实主体责任。",
    "各设区市生态环境局要严格执行，设区的市人民政府要加强领导。",
    "各省、自治区、直辖市人民政府，各自治州、直辖市政府：",
    "各街道司法所要加强指导，背街小巷整治纳入城市街道管理。",
    # words ending in 局 after a level character: 区域布局, 新格局
    "经济结构和区域布局继续优化，形成全市发展新格局。",
])
def test_agencies_names_not_found(text: str) -> None:
    assert agencies(text) == {}


@pytest.mark.parametrize(("name", "canonical", "kind"), [
    ("区法院", "区人民法院", "court"),
    ("区检察院", "区人民检察院", "procuratorate"),
    ("区政府", "区人民政府", "government"),
    ("市市场监管局", "市市场监督管理局", "department"),
    ("区发改委", "区发展和改革委员会", "commission"),
    ("市中院", "市中级人民法院", "court"),
    ("中共平江县委", "中共平江县委员会", "party_committee"),
    ("平江县委", "中共平江县委员会", "party_committee"),
    ("经开区管委会", "经开区管理委员会", "management_committee"),
    ("城关街道办", "城关街道办事处", "town"),
    ("最高检", "最高人民检察院", "procuratorate"),
    # a congress printed with its term: the term is not part of the body's name
    ("武昌区第十六届人大常委会", "武昌区人民代表大会常务委员会", "congress"),
    ("县人民政府办公室", "县人民政府办公室", "office"),
    ("县人社局", "县人力资源和社会保障局", "department"),
    ("市住房城乡建设局", "市住房和城乡建设局", "department"),
    ("区医保局", "区医疗保障局", "department"),
    ("区卫生健康委", "区卫生健康委员会", "commission"),
    ("县人大常委会法工委", "县人民代表大会常务委员会法制工作委员会", "commission"),
    ("县人大常委会法制工作委员会", "县人民代表大会常务委员会法制工作委员会", "commission"),
    # 政府 is spelled out where it is the body, not inside another name
    ("法治政府建设工作领导小组", "法治政府建设工作领导小组", "leading_group"),
    ("县政府办公室", "县人民政府办公室", "office"),
])
def test_agencies_names_canonical_and_kind(name: str, canonical: str, kind: str) -> None:
    found = agencies(f"经研究，{name}负责此项工作。")
    assert found == {name: (canonical, kind)}


@pytest.mark.parametrize(("text", "expected"), [
    # the text's title names its place: after a comma it is that place's body
    ("云岭市松溪区人民政府关于2023年度法治政府建设情况的报告\n"
     "一年来，松溪区政府深入推进依法行政，松溪区司法局牵头开展执法监督。",
     {"云岭市松溪区人民政府", "松溪区政府", "松溪区司法局"}),
    ("（松溪区司法局）\n会上，松溪区政府作表态发言，松溪区行政争议化解中心揭牌。",
     {"松溪区司法局", "松溪区政府", "松溪区行政争议化解中心"}),
    ("经研究，中共松溪区委、松溪区政府决定，松溪区司法局负责。",
     {"中共松溪区委", "松溪区政府", "松溪区司法局"}),
    # a place the text never names after a clear boundary is not guessed after a comma
    ("一年来，岚溪区政府深入推进依法行政，整合市政府资源。", {"区政府", "市政府"}),
    # a district converted from a listed county is a place wherever it stands
    ("一年来，东乡区政府深入推进依法行政，整合市政府资源。", {"东乡区政府", "市政府"}),
])
def test_agencies_names_local_places(text: str, expected: set[str]) -> None:
    assert set(agencies(text)) == expected
