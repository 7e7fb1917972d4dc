"""Organisations as chains name them: abbreviations resolved, units inside their parent."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.extraction.orgs import split_org
from kg.model import Extraction
from tests.helpers import posts


@pytest.mark.parametrize(("name", "expected"), [
    ("韦三", {("浙江省人大常委会", "副主任"), ("浙江省总工会", "主席")}),  # 省 is the province
    # a unit keeps its parent: 经审办 after 省总工会经审会 is 浙江省总工会经审办
    ("欧阳四", {("浙江省总工会经审会", "副主任"), ("浙江省总工会经审办", "主任")}),
    ("宋五", {("舟山市普陀区总工会", "主席")}),  # a bare district in the group's cities
    ("徐六", {("宁波市海曙区总工会", "主席")}),  # a city's short name before a district
    ("祁七", {("奉化市政协", "副主席"), ("奉化市总工会", "主席")}),  # 市 through a comma
    ("蔡八", {("象山县政协", "副主席"), ("象山县总工会", "主席")}),  # a bare body
    ("汤九", {("临安市总工会", "主席")}),
    ("丁十", {("杭州高新区人大常委会", "副主任"), ("杭州高新区总工会", "主席")}),
])
def test_posts_resolve_abbreviations(meeting: Extraction, name: str,
                                     expected: set[tuple[str, str]]) -> None:
    assert posts(meeting)[name] == expected


def test_units_keep_their_parent(meeting: Extraction) -> None:
    orgs = {o.name: o for o in meeting.organisations}
    assert orgs["浙江省总工会经审办"].parent == "浙江省总工会"
    assert orgs["浙江省总工会"].place == "330000"


def test_the_section_organiser_is_an_organisation(meeting: Extraction) -> None:
    orgs = {o.name: o for o in meeting.organisations}
    assert orgs["舟山、宁波学习组"].kind == "study_group"


@pytest.mark.parametrize(("org", "expected"), [
    ("总工会干部学校", [("总工会", "trade_union"), ("干部学校", "school")]),
    ("人大常委会", [("人大常委会", "people_congress")]),
    ("监狱管理局工会", [("监狱管理局", "government"), ("工会", "trade_union")]),
    ("铁路局杭州办事处工会", [("铁路局", "government"), ("杭州办事处", "other"),
                            ("工会", "trade_union")]),
    ("教育工会", [("教育工会", "trade_union")]),
    ("工人日报社", [("工人日报社", "newspaper")]),
])
def test_split_org(org: str, expected: list[tuple[str, str]]) -> None:
    assert [(piece, kind) for piece, kind, _ in split_org(org)] == expected


def read_posts(raw: str) -> dict[str, set[tuple[str, str]]]:
    return posts(extract(raw, genre="news")[1])


@pytest.mark.parametrize(("raw", "name", "expected"), [
    # a head of government belongs to the government of the chain's place of its level
    ("黄山市委副书记、市长张三一表示,要干实事。", "张三一",
     {("黄山市委", "副书记"), ("黄山市", "市长")}),
    ("安徽省委书记李四二、省长王五三出席。", "王五三", {("安徽省", "省长")}),
    # … or of the report's own city when the chain names none
    ("黄山市召开会议。会议由副市长钱六四主持。", "钱六四", {("黄山市", "副市长")}),
    # national bodies have no place; 国家 standing alone is the state
    ("中共中央政治局常委、国务院副总理周七五出席。", "周七五",
     {("中共中央政治局", "常委"), ("国务院", "副总理")}),
    ("国家主席吴八六会见了来宾。", "吴八六", {("中华人民共和国", "主席")}),
    # a body with a name of its own is no unit of the one before it
    # … and "A、B负责人," before a chain is the heads of several bodies, not this person
    ("市直机关、县直机关主要负责人,青松集团董事长郑九七参加。", "郑九七",
     {("青松集团", "董事长")}),
    # 政法委 after a party committee is its unit
    ("武汉市委常委、政法委书记孙十八出席。", "孙十八",
     {("武汉市委", "常委"), ("武汉市委政法委", "书记")}),
    # a national body's own short form is named as written, never expanded
    ("国家发展改革委主任韩一丁出席。", "韩一丁", {("国家发展改革委", "主任")}),
    ("外交部部长朱二丙会见了来宾。", "朱二丙", {("外交部", "部长")}),
    # a party's or the League's body named before a place's: the place resolved inside
    ("湖北省召开会议。民盟省委主委秦三乙出席。", "秦三乙", {("民盟湖北省委", "主委")}),
    ("湖北省召开会议。团省委书记许四甲出席。", "许四甲", {("共青团湖北省委", "书记")}),
    ("九三学社武汉市委主委何五戊出席。", "何五戊", {("九三学社武汉市委", "主委")}),
    # courts, procuratorates and mass organisations are bodies of the place before them
    ("武汉市中级人民法院院长吕六己、市人民检察院检察长施七庚出席。", "施七庚",
     {("武汉市人民检察院", "检察长")}),
    ("湖北省召开会议。省妇联主席张八辛、省科协党组书记孔九壬出席。", "孔九壬",
     {("湖北省科协", "党组书记")}),
])
def test_where_a_title_belongs(raw: str, name: str, expected: set[tuple[str, str]]) -> None:
    assert read_posts(raw)[name] == expected


def test_members_belong_to_the_body_the_report_is_about() -> None:
    local = read_posts("杭州市政协召开座谈会。市政协副主席王一二出席。张三四委员建议,要公开。")
    assert local["张三四"] == {("杭州市政协", "委员")}
    national = read_posts("参加全国政协会议的委员热议。某大学教授李五六委员说,很好。"
                          "某村党支部书记赵七八代表说,很好。")
    assert national["李五六"] == {("某大学", "教授"), ("全国政协", "委员")}
    assert ("全国人民代表大会", "代表") in national["赵七八"]
    assert read_posts("王九十委员说,很好。")["王九十"] == set()  # no CPPCC named: no post


def test_a_township_or_village_is_named_as_the_report_writes_it() -> None:
    got = read_posts("贵州省盘州市某某乡某某村党委书记王一二说,很好。"
                     "走进山东省滨州市博兴县某某镇敬老院。某某镇党委书记李三四说,很好。")
    assert got["王一二"] == {("贵州省盘州市某某乡某某村", "党委书记")}
    assert got["李三四"] == {("山东省滨州市博兴县某某镇", "党委书记")}


@pytest.mark.parametrize(("raw", "name", "expected"), [
    ("会议听取了某某法律委副主任委员丛一二作的报告。", "丛一二", {("某某法律委", "副主任委员")}),
    ("某某常委会副委员长兼秘书长王三四出席。", "王三四",
     {("某某常委会", "副委员长"), ("某某常委会", "秘书长")}),
    ("某国国务委员会主席兼某某委员会主席劳五出席。", "劳五",
     {("某国国务委员会", "主席"), ("某某委员会", "主席")}),
    ("国务委员兼财政部长肖六七说,很好。", "肖六七", {("国务院", "国务委员"), ("财政部", "部长")}),
])
def test_titles_joined_units_named_by_their_heads(raw: str, name: str,
                                                 expected: set[tuple[str, str]]) -> None:
    assert read_posts(raw)[name] == expected


def test_kinds_of_bodies() -> None:
    found = {o.name: o.kind for o in extract(
        "武汉市中级人民法院院长吕六己、市人民检察院检察长施七庚、市妇联主席张八辛、"
        "民建武汉市委主委曹一癸出席。\n")[1].organisations}
    assert found == {"武汉市中级人民法院": "court", "武汉市人民检察院": "procuratorate",
                     "武汉市妇联": "mass_organisation", "民建武汉市委": "democratic_party"}


def test_a_given_name_may_hold_a_partys_short_name() -> None:
    assert "张民建" in {p.name for p in extract("副县长张民建出席会议。\n")[1].people}


@pytest.mark.parametrize(("raw", "name", "expected"), [
    # a foreign state's head: the state is the organisation
    ("国家主席张一会见菲律宾总统马科文。", "马科文", {("菲律宾", "总统")}),
    # a foreign name in the characters names are transliterated in, whatever its first
    ("总理李二同澳大利亚总理阿尔卡德斯共同出席圆桌会。", "阿尔卡德斯", {("澳大利亚", "总理")}),
    ("委员长赵三会见挪威首相斯韦特、西班牙首相莫雷诺。", "斯韦特", {("挪威", "首相")}),
    ("委员长赵三会见挪威首相斯韦特、西班牙首相莫雷诺。", "莫雷诺", {("西班牙", "首相")}),
    # its parts joined by a middle dot; it ends before 夫人, 通电话 …
    ("主席王四会见埃及总统阿卜杜·法塔赫。", "阿卜杜·法塔赫", {("埃及", "总统")}),
    ("主席王四同法国总统德拉库尔夫人会面。", "德拉库尔", {("法国", "总统")}),
    ("总理李二同瑞典首相奥尔森通电话。", "奥尔森", {("瑞典", "首相")}),
    # … or in one of its bodies; the state's long name is its name; an envoy stationed in a
    # state has a Chinese name
    ("法国内政部长达维拉斯和中国驻法国大使卢一野到机场迎接。", "达维拉斯",
     {("法国内政部", "部长")}),
    ("法国内政部长达维拉斯和中国驻法国大使卢一野到机场迎接。", "卢一野", {("中国驻法国", "大使")}),
    ("应乌兹别克斯坦共和国总理阿里莫夫邀请,总理李二抵达。", "阿里莫夫",
     {("乌兹别克斯坦共和国", "总理")}),
    ("美国海军基地监狱发言人豪斯本月3号表示,要干实事。", "豪斯", {("美国海军基地监狱", "发言人")}),
    # a bracket inside an organisation's name
    ("德国某某(中国)投资有限公司总裁徐二林出席。", "徐二林",
     {("德国某某(中国)投资有限公司", "总裁")}),
    # 市长 after "A和": the city of the post before it in the sentence
    ("习近平在重庆市委书记袁一平和市长胡二平陪同下考察。", "胡二平", {("重庆市", "市长")}),
    # 代表 before 各 … is "on behalf of", not a deputy
    ("民革中央主席郑三明代表各民主党派致辞。", "郑三明", {("民革中央", "主席")}),
    ("全国人大常委会副委员长陈四明代表执法检查组作报告。", "陈四明",
     {("全国人大常委会", "副委员长")}),
    # a name in parts joined by a middle dot, after any title
    ("新疆维吾尔自治区主席艾尔江·吐逊木出席会议。", "艾尔江·吐逊木",
     {("新疆维吾尔自治区", "主席")}),
    ("喀什市委书记阿不力·热合木说,很好。", "阿不力·热合木", {("喀什市委", "书记")}),
    # a deputy of a people's congress, before the name (and the posts after it)
    ("全国人大代表、湖州市委书记郑五明表示,要干实事。", "郑五明",
     {("全国人大", "代表"), ("湖州市委", "书记")}),
    ("十四届全国人大代表郑五明说,很好。", "郑五明", {("全国人大", "代表")}),
    ("浙江省人大代表郑五明说,很好。", "郑五明", {("浙江省人大", "代表")}),
    # 代表 after a name before an inspection group: the verb; the name is still read
    ("会议开始。郑五明代表执法检查组作报告。", "郑五明", set()),
])
def test_forms_of_national_news(raw: str, name: str, expected: set[tuple[str, str]]) -> None:
    assert read_posts(raw)[name] == expected


@pytest.mark.parametrize(("raw", "name", "expected"), [
    # a university's news: 校 is the school the report is about
    ("我校召开干部大会。校党委书记秦一德传达了会议精神。", "秦一德", {("学校", "党委书记")}),
    ("我校召开干部大会。常务副校长张一华主持会议。", "张一华", {("学校", "常务副校长")}),
    # a bare title after someone's post in the sentence: that post's organisation
    ("湖山大学党委书记刘一平、校长王二安出席。", "王二安", {("湖山大学", "校长")}),
    ("湖山集团董事长陈三水、总经理李四明参加。", "李四明", {("湖山集团", "总经理")}),
    # a unit named in brackets keeps its head's title as written
    ("党委组织部(统战部)部长黎五毅主持会议。", "黎五毅", {("党委组织部(统战部)", "部长")}),
])
def test_forms_of_university_and_enterprise_news(raw: str, name: str,
                                                 expected: set[tuple[str, str]]) -> None:
    assert read_posts(raw)[name] == expected


def test_a_title_over_a_list_is_each_names_post() -> None:
    found = read_posts("集团公司副总经理王一捷、王二巍、姜三利,党委副书记周四兴参加了会议。")
    assert found["王二巍"] == found["姜三利"] == {("集团公司", "副总经理")}
    assert found["周四兴"] == {("集团公司", "党委副书记")}


def test_a_list_after_a_post_chain_with_its_own_posts_is_not_a_title_over_it() -> None:
    found = read_posts("重庆市委书记袁一平、市长胡二平出席。")
    assert found["胡二平"] == {("重庆市", "市长")}


def test_a_list_ends_where_the_next_chain_starts() -> None:
    found = read_posts("杭州市西湖区委书记王一山、余杭区区长赵二海参加会议。")
    assert set(found) == {"王一山", "赵二海"}
    assert found["赵二海"] == {("杭州市余杭区", "区长")}


def test_a_county_level_citys_own_news() -> None:
    raw = "武穴市召开碰头会\n\n市委副书记、市长查一俊主持会议。\n"
    assert read_posts(raw)["查一俊"] == {("武穴市委", "副书记"), ("武穴市", "市长")}


def test_a_head_of_government_with_no_city_known_is_not_the_partys() -> None:
    # the government as the report writes it (市政府), as it writes the party's committee
    assert read_posts("市委副书记、市长查一俊主持会议。")["查一俊"] == {
        ("市委", "副书记"), ("市政府", "市长")}
    assert read_posts("副省长刘二列席会议。")["刘二"] == {("省政府", "副省长")}


def test_a_head_of_government_shares_the_first_character_of_his_title() -> None:
    assert read_posts("湖南省长许三三、杭州市长李四出席。") == {
        "许三三": {("湖南省", "省长")}, "李四": {("杭州市", "市长")}}


def test_a_county_named_earlier_in_the_sentence_is_the_abbreviations() -> None:
    raw = "书记王一民到湖州市调研。随后,王一民来到德清县,在县委书记孙七峰陪同下考察。"
    assert read_posts(raw)["孙七峰"] == {("德清县委", "书记")}


def test_a_report_of_an_organisation_about_itself() -> None:
    raw = ("市第一人民医院召开推进会\n\n3月8日,市第一人民医院召开推进会。院党委书记陈一华主持会议,"
           "院长刘二明作工作报告。副院长张三、李四峰分别发言。\n")
    posts = read_posts(raw)
    assert posts["陈一华"] == {("市第一人民医院", "党委书记")}
    assert posts["刘二明"] == {("市第一人民医院", "院长")}
    assert posts["李四峰"] == {("市第一人民医院", "副院长")}
    # a college's 院 is the college, not a hospital
    assert read_posts("学院召开全体党员大会\n\n院党委书记张一主持会议。\n")["张一"] == {
        ("学院", "党委书记")}
    # a headline with a verb before the body names no body of the report's own
    assert read_posts("省委书记王一到市公安局调研\n\n局长李二陪同。\n").get("李二") == set()


def test_deputies_listed_before_their_title_and_described_before_their_name() -> None:
    raw = ("十四届全国人大二次会议某代表团审议。\n\n审议中,信一星、许二林、张三峰等代表分别发言。"
           "来自基层的赵六代表介绍了经验。\n")
    posts = read_posts(raw)
    for name in ("信一星", "许二林", "张三峰", "赵六"):  # 信 a surname too
        assert posts[name] == {("全国人民代表大会", "代表")}
