"""What must never become a reusable phrase: views quoted in order to be refuted, quotations
attributed to someone else, and sentences naming people.

Used by the phrase miner (drafter mine --phrasebank) and by the tests of the shipped phrase
library, so both apply one definition.
"""

from __future__ import annotations

import re

from ..textnorm import is_hanzi
from .tokenizer import Tokenizer

# A view that is reported rather than held: "有人认为……", "所谓……", "一些人鼓吹……".
VIEW_MARKERS = re.compile(
    r"有人(?:认为|说|讲|提出|主张|鼓吹|宣称|声称|觉得|担心|质疑)"
    r"|有(?:的|些)(?:人|同志|干部|单位|地方)(?:认为|说|讲|提出|主张|觉得|存在.{0,6}想法)"
    r"|(?:一些|少数|个别|某些)人(?:鼓吹|宣扬|散布|声称|宣称|叫嚣|扬言|认为|主张|觉得|提出|说)"
    r"|(?:有的|有些|一些|少数|个别|某些)[^，。！？“”]{0,8}(?:认为|说|讲|觉得|声称|宣称|鼓吹|主张|扬言|叫嚣|以为)"
    r"|有(?:观点|看法|说法|声音|言论|舆论)(?:认为|说|称)|(?:流传|传言|网上有)"
    r"|(?:有的|有些|一些|部分|少数|个别)[^，。！？“”]{0,6}(?:担心|心里想|抱怨|质疑)|有人把"
    r"|(?:存在|抱着|抱有)“[^”]+”的?(?:想法|心态|思想|倾向|心理|观念)"
    r"|[”\"」](?:的|这种|这样的)?(?:想法|心态|说法|论调|观念|思想|认识|看法|心理)"
    r"|有(?:人|群众|企业|干部|同志|老师|家长)(?:反映|抱怨|议论|算过)"
    r"|所谓|鼓吹|叫嚣|扬言|妄称|散布|奇谈怪论|谬论|论调|错误(?:观点|思潮|言论|认识|看法|说法)"
    r"|说什么|什么[^，。！？]{0,12}(?:过时论|无用论)|有一种(?:观点|说法|看法|论调|声音)")
# A refutation that follows a reported view: "这是错误的", "这种说法是站不住脚的".
_JUDGED = (r"(?:这种|这样的|这类|此类|这些)[^，。！？]{0,4}?(?:想法|认识|说法|看法|观点|心态|思想|态度|论调|观念|倾向|心理|"
           r"思维|逻辑|声音|言论|顾虑|担心|作风|风气)")
REFUTATION = re.compile(
    rf"^(?:[^，。]{{0,4}}[，,])?{_JUDGED}|[，,；;][^。！？，]{{0,8}}{_JUDGED}"
    r"|^(?:[^，。]{0,4}[，,])?(?:这|此|这些|这种|这类|这样的)[^。！？]{0,16}"
    r"(?:错误|不对|荒谬|站不住脚|有害|危险|糊涂|片面|偏颇|狭隘|要不得|绝不能|决不能|不能认同"
    r"|值得商榷|走偏|以偏概全|误读|误解|不可取|歪曲|曲解"
    r"|(?:必须|要)(?:坚决)?(?:批驳|反对|摒弃|纠正|扭转|破除|克服|杜绝|刹住))"
    r"|^(?:[^，。]{0,6}[，,])?(?:完全|极端|根本)?(?:是)?(?:错误的|不对的|荒谬的)"
    r"|[，,；;]\s*(?:这|此|这种|这类|这样的)[^。！？，]{0,12}(?:错误|不对|荒谬|站不住脚|有害|糊涂|片面|偏颇|狭隘"
    r"|值得商榷|走偏|以偏概全|误读|误解|不可取|歪曲|曲解)"
    r"|大错特错|必须予以(?:批驳|纠正|澄清)")
# A quotation attributed to someone: 某某说：“……” / “……”，他说 / 正如……所说
QUOTED = re.compile(
    r"(?:说|讲|道|指出|强调|认为|表示|写道|提出|曾言|讲过|说过|所言)[：:，,]?\s*[“\"「][^”\"」]{6,}"
    r"|(?:说|讲|道|言|称)[^，。！？“”：:]{0,4}[：:]\s*[“\"「]"
    r"|[”\"」][，,]?[^。！？]{0,12}(?:这句话|的话|所说|说得好)"
    r"|[”\"」][，,]?(?:他|她|他们|她们|[^，。！？“”]{1,8})(?:说|讲|指出|表示|强调|认为)"
    r"|(?:说|讲)是[“\"「]|正如[^，。！？]{1,20}所(?:说|言|讲|指出)|引用[^，。！？]{0,10}的话")
_LONG_QUOTE = re.compile(r"“[^”]{13,}”")

# Fixed formulations that contain a name and are correct as they stand, and idioms the
# tagger mistakes for names; removed before looking for names.
ALLOWED = ("以习近平同志为核心的党中央", "习近平新时代中国特色社会主义思想", "绿水青山就是金山银山")
_NAME_TAGS = {"nr", "nrfg", "nrt"}
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
# A person word after a name the dictionary does not know: 张红梅同志, 郑晓燕老师.
_ADDRESS = re.compile(r"同志(?!们)|老师|师傅|院士|教授")
_NOT_GIVEN = {"老", "小", "大", "位", "些", "名", "个", "们"}
_TITLED = re.compile(rf"[{_SURNAMES}](?:某+|(?:常务)?副?(?:书记|市长|县长|区长|镇长|乡长|主任|局长|部长|厅长|省长|董事长|总经理))")


def is_view(sentence: str) -> bool:
    """A sentence that reports someone else's view or quotes someone."""
    return bool(VIEW_MARKERS.search(sentence) or QUOTED.search(sentence)
                or _LONG_QUOTE.search(sentence))


def is_refutation(sentence: str) -> bool:
    return bool(REFUTATION.search(sentence.strip()))


def _in_long_quotes(sentences: list[str]) -> set[int]:
    """Sentences that lie (partly) inside a quotation, which may run over several sentences
    (“九层之台，起于累土；……”): a quote of more than 12 characters, or one that holds a
    sentence of its own (a stop). Slogans (“十五五”“不忘初心，牢记使命”) are not quotations."""
    inside: set[int] = set()
    depth, start, length, stops = 0, 0, 0, False
    for i, sentence in enumerate(sentences):
        for ch in sentence:
            if ch == "“":
                if depth == 0:
                    start, length, stops = i, 0, False
                depth += 1
            elif ch == "”" and depth:
                depth -= 1
                if depth == 0 and (length > 12 or stops):
                    inside.update(range(start, i + 1))
            elif depth:
                length += 1
                stops = stops or ch in "。！？；.!?;"
        if depth and (length > 12 or stops):
            inside.update(range(start, i + 1))
    return inside


def unsafe_sentences(sentences: list[str]) -> set[int]:
    """Indices of the sentences of one paragraph that must not be reused: quotations; a
    reported view (有人认为……) and everything after it up to and including its refutation, or
    to the paragraph's end when none follows; every sentence before a refutation that has no
    marker (the view it refutes)."""
    bad = _in_long_quotes(sentences)
    open_view = False
    for i, sentence in enumerate(sentences):
        if is_refutation(sentence):
            bad.update(range(0, i + 1) if not open_view else range(i, i + 1))
            open_view = False
            continue
        if VIEW_MARKERS.search(sentence):
            open_view = True  # the view may run on over the next sentences
        if open_view or is_view(sentence):
            bad.add(i)
    return bad


# Person words that follow or precede a name: 某某同志, 某某说, 书记某某.
_AFTER = re.compile(r"^(?:同志|总书记|书记|主席|总理|委员长|先生|女士|市长|县长|区长|镇长|乡长|省长|主任|局长|"
                    r"部长|厅长|校长|院士|教授|老师|董事长|总经理|等同志|等人|说|讲|指出|强调|认为|表示|提出|"
                    r"曾经|曾|所说|所言|在讲话中|的讲话|、)")
_BEFORE = re.compile(r"(?:同志|书记|主席|总理|市长|县长|区长|镇长|乡长|省长|主任|局长|部长|厅长|校长|院士|"
                     r"教授|老师|董事长|总经理|先生|女士|、)$")
# He or she: a sentence about one person (他上了台……, 她的事迹……), whose name is nearby.
_PRONOUN = re.compile(r"(?<![其吉利])[他她](?![们人乡山国处日方者])")
# Dictionary words the tagger marks as names although they are ordinary words.
_NOT_NAMES = {"高素质", "高水平", "高质量", "高标准", "高起点", "高效率", "金融业", "范文"}


# Role words before a name: 全国劳模某某, 代表某某.
_ROLE_BEFORE = re.compile(r"(?:劳模|模范|代表|同志|书记|主任|局长|校长|老师|院士|教授|英雄|先进个人|村民|老党员)$")


def _new_names(text: str, tokenizer: Tokenizer) -> list[str]:
    """Names the dictionary does not know, found with the HMM: a three-character name that
    is no dictionary word (何晓光), or a surname standing alone before a given name (邱 玉兰,
    刘 海涛)."""
    tag = getattr(tokenizer, "tag_new_words", None)
    if tag is None:
        return []
    tokens: list[tuple[str, str]] = tag(text)
    found = []
    offset = 0
    for i, (word, flag) in enumerate(tokens):
        start, offset = offset, offset + len(word)
        if (len(word) == 3 and flag in _NAME_TAGS and word[0] in _SURNAMES
                and word[-1] not in "人区市县省镇乡村州" and len(tokenizer.cut(word)) > 1):
            found.append(word)
        elif len(word) == 1 and word in _SURNAMES and i + 1 < len(tokens):
            given, given_flag = tokens[i + 1]
            after = text[offset + len(given):]
            if 1 <= len(given) <= 2 and (given_flag in ("nr", "nrt") or (
                    given_flag in ("ns", "nz") and (_AFTER.match(after) or _ROLE_BEFORE.search(text[:start])))):
                found.append(word + given)
    return found


def names_in(text: str, tokenizer: Tokenizer) -> list[str]:
    """People named in the text: surname + 某 or surname + title (王某某, 李书记); 他 or 她
    (a sentence about one person); a word the
    tagger marks as a full name (three characters, or a foreign or formal name); a two-character
    one where a person word follows or precedes it (某某同志, 某某指出). Ordinary words the
    dictionary marks as names (祝贺, 光荣, 周密, 崇高) are not names without such a context;
    longer ones (努力提高, 志士仁人) never are."""
    for fixed in ALLOWED:
        text = text.replace(fixed, "，")
    found = [m.group(0) for m in _TITLED.finditer(text)] + _PRONOUN.findall(text)
    for m in _ADDRESS.finditer(text):
        for k in (3, 2):
            candidate = text[max(m.start() - k, 0):m.start()]
            if (len(candidate) == k and candidate[0] in _SURNAMES and candidate[1:] not in _NOT_GIVEN
                    and all(map(is_hanzi, candidate))):
                words = tokenizer.cut(candidate)
                if len(words) > 1 and words[0] == candidate[0]:  # the surname stands alone
                    found.append(candidate)
                    break
    found += _new_names(text, tokenizer)
    tokens = tokenizer.tag(text)
    offset = 0
    for word, tag in tokens:
        start, offset = offset, offset + len(word)
        if (tag not in _NAME_TAGS or len(word) < 2 or word in _NOT_NAMES
                or word[-1] in "人区市县省镇乡村州"):  # 义乌人, 高新区: people of a place, places
            continue
        surname = tag != "nr" or word[0] in _SURNAMES
        in_context = bool(_AFTER.match(text[offset:]) or _BEFORE.search(text[:start]))
        if surname and (len(word) == 3 or (len(word) == 2 and in_context)):
            found.append(word)
    return found
