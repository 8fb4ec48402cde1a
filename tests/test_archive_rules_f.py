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
