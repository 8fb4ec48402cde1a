"""Rules learnt from batch f: salutations a site reworded by machine (敬重的… for 尊敬的…) and
ceremony hosts' scripts whose stages and award items are numbered. Every text here is written
for the test."""

from __future__ import annotations

from drafter.corpus.mine import mine_bytes
from drafter.corpus.starts import find_salutation


def _mine(text: str, name: str = "s.txt") -> list:  # type: ignore[type-arg]
    return mine_bytes(text.encode("utf-8"), name).speeches


def test_a_machine_reworded_honorific_still_opens_the_salutation() -> None:
    assert find_salutation("敬重的各位来宾、伙伴们：大家上午好。") == ("敬重的各位来宾、伙伴们", 12)
    speech_text = ("某某公司董事长在新厂区奠基仪式上的讲话\n"
                   "敬重的**出席仪式的各位领导、同事、伴侣:大家上午好。今日我们在这里举行新厂区奠基仪式,"
                   "这是公司进展史上的一件大事。新厂区建成后,产能将大幅提高,我们将为地方经济做出更大贡献。"
                   "让我们携手并肩,共同期盼新厂区早日建成投产。感谢各位。\n")
    speeches = _mine(speech_text)
    assert len(speeches) == 1
    assert speeches[0].salutation.startswith("敬重的")
    assert "伴侣" in speeches[0].salutation


def test_a_script_titled_for_the_host_has_no_directives_even_when_its_stages_are_numbered() -> None:
    text = "\n".join([
        "某某学校教师节表彰大会主持词",
        "一、开场",
        "尊敬的各位领导、亲爱的老师们:",
        "大家下午好!金秋九月,我们欢聚一堂,庆祝第某某个教师节,表彰一年来辛勤耕耘的优秀教师。",
        "二、颁奖环节",
        "接下来进入颁奖环节。",
        "(一)优秀班主任奖",
        "祝贺获奖的老师们,你们用爱心守护每一个孩子的成长。",
        "(二)教学新秀奖",
        "祝贺获奖的青年教师,你们的课堂充满活力。",
        "三、结束语",
        "今天的表彰大会到此结束,祝老师们节日快乐!",
    ])
    speeches = _mine(text)
    assert len(speeches) == 1
    assert speeches[0].directives == []
    # the same stages in a speech not titled as a host's script stay its directives
    plain = _mine(text.replace("主持词", "上的讲话"))
    assert plain and plain[0].directives


def test_a_unit_news_page_headed_by_the_event_is_no_speech() -> None:
    report = "\n".join([
        "我院举行新学期教职工大会",
        "秋风送爽,丹桂飘香,在新学期开学之际,我院新学期教职工大会在报告厅举行,全院教职工出席了大会。",
        "王某某院长首先致辞,回顾了上学年的工作成绩,对新学期的教学、科研和管理工作作出部署。",
        "随后,教师代表李某某老师发言,表示将以更饱满的热情投入新学期工作。",
        "只要大家齐心协力,学院的明天一定会越来越好!",
    ])
    result = mine_bytes(report.encode("utf-8"), "news.txt")
    assert result.speeches == []
    assert any("新闻报道" in n for n in result.notes)
    # a speech given at such an event, titled as one and addressing its hearers, is kept
    speech = "\n".join([
        "在我院新学期教职工大会上的讲话",
        "老师们、同志们:",
        "新学期开始了,我代表学院向大家表示问候。希望大家齐心协力,把新学期各项工作做好。",
    ])
    assert len(_mine(speech)) == 1


def test_a_collection_numbered_with_arabic_digits_splits_into_its_short_speeches() -> None:
    page = "\n".join([
        "竣工仪式致辞(精选3篇)",
        "竣工仪式致辞 篇1",
        "各位领导、各位来宾:",
        "今天,我们在这里隆重举行社区文化中心竣工仪式。我代表区委、区政府,向各位表示热烈的欢迎!",
        "最后,祝社区文化中心早日投入使用。谢谢大家!",
        "竣工仪式致辞 篇2",
        "尊敬的各位嘉宾、朋友们:",
        "在这金秋时节,我们迎来了乡村公路竣工通车的喜庆日子。我谨代表县委、县政府表示热烈的祝贺!",
    ])
    speeches = _mine(page)
    assert [s.salutation for s in speeches] == ["各位领导、各位来宾", "尊敬的各位嘉宾、朋友们"]
    assert speeches[0].closing and speeches[0].closing[0].startswith("最后，祝")


def test_a_converted_collection_on_one_line_splits_at_its_inline_labels() -> None:
    first = ("第一篇:在厂房落成仪式上的致辞 各位来宾,同志们: 大家好。今天我们迎来新厂房落成,"
             "这是全区工业发展的又一件喜事。我代表区委、区政府表示热烈祝贺!" + "希望企业加快投产达效。" * 8
             + "谢谢大家。")
    second = " -2- 第二篇:落成仪式上的致辞尊敬的** 出席仪式的各位领导、 朋友: 大家上午好。首先感谢各位"
    speeches = _mine("落成仪式致辞范文两篇 " + first + second)
    assert [s.salutation for s in speeches] == ["各位来宾，同志们", "尊敬的〔待补〕出席仪式的各位领导、朋友"]


def test_page_chunks_and_a_page_number_do_not_hide_the_closing() -> None:
    body = "今天,我们在这里举行新校区开工仪式,我代表市委、市政府表示热烈祝贺。" * 3
    text = "\n".join([
        "在新校区开工仪式上的致辞",
        "各位来宾,同志们:",
        body + "希望各参建单位精心组织、科学施工,确保工程",
        "2、质量和施工安全,早日建成一流校区。",
        "最后,祝新校区开工仪式圆满成功。谢谢大家。 -2-",
    ])
    speeches = _mine(text)
    assert len(speeches) == 1
    speech = speeches[0]
    assert any("确保工程质量和施工安全" in p for p in speech.opening)  # the chunk label 2、 went
    assert speech.closing and speech.closing[0].startswith("最后，祝新校区开工仪式圆满成功")
    assert speech.closing[-1].endswith("谢谢大家。")  # the page number -2- went
    # a real list item after a finished sentence keeps its number
    listed = _mine("\n".join(["在新校区开工仪式上的致辞", "各位来宾,同志们:", body, "2、质量和施工安全要放在首位。"]))
    assert any(p.startswith("2、") for p in listed[0].opening)


def test_a_closing_run_into_the_last_long_paragraph_stands_apart() -> None:
    body = "今天,我们在这里举行新校区开工仪式,我代表市委、市政府表示热烈祝贺。" * 8
    last = "近年来,全市教育加快发展,成绩来之不易。" * 10 + "希望各参建单位精心组织、科学施工,确保工程质量。" * 4
    text = "\n".join(["在新校区开工仪式上的致辞", "各位来宾,同志们:", "大家好。" + body,
                      last + "最后,祝新校区开工仪式圆满成功。谢谢大家。"])
    speech = _mine(text)[0]
    assert speech.closing and speech.closing[0].startswith("最后，祝新校区开工仪式圆满成功")
    # a 最后 far from the end of a long paragraph is no closing
    early = _mine("\n".join(["在新校区开工仪式上的致辞", "各位来宾,同志们:",
                             "最后,祝大家顺利。" + body + "工程要早日建成。" * 30]))[0]
    assert not early.closing or not early.closing[0].startswith("最后，祝大家顺利")
