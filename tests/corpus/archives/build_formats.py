"""Build the test files of this folder from src/*.txt (the texts as collected, see SOURCES.tsv).

Each text becomes the kind of file a writer has: a saved web page (site menus, breadcrumb, related
links, share bar and footer around the text), a Word-exported page, a .docx whose numbered
headings are Word automatic lists (numbering.xml; "list" is the same without a Title paragraph), a GBK text file, or a text hard-wrapped at 60
characters. The page shells and list definitions are ours; only the speech text is collected.
Run: python tests/corpus/archives/build_formats.py [--force] (needs python-docx).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
ORDINAL = re.compile(r"^\s*([一二三四五六七八九十]+)、")

SHELLS = {
    # name: (site, section, layout)
    "a01": ("办公文档网", "动员部署会议", "top"),
    "a05": ("讲话致辞网", "讲话致辞", "side"),
    "a08": ("写作方程式", "领导讲话", "top"),
    "a11": ("新文秘网", "作风", "bottom"),
    "a14": ("范文网", "安全生产", "side"),
    "a17": ("教学服务论坛", "家长会", "top"),
    "a19": ("CN人才公文网", "会议讲话", "bottom"),
    "a26": ("靖州新闻网", "乡镇动态", "top"),
    "a29": ("毛集实验区", "政务要闻", "side"),
    "b01": ("大文阁", "计划总结", "top"),
    "b07": ("大文阁", "讲话发言", "side"),
    "b09": ("美文网", "范文", "bottom"),
    "b11": ("海晶集团", "新闻动态", "top"),
    # third batch (c…)
    "c01": ("某某区党建网", "领导讲话", "top"),
    "c07": ("公文范文网", "开幕词", "side"),
    "c12": ("演讲稿大全", "毕业典礼", "bottom"),
    "c19": ("开场白网", "致辞", "top"),
    "c23": ("文秘资料网", "讲话", "side"),
    "c32": ("县教育信息网", "校园动态", "top"),
    # fourth batch (d…), the whole batch held out (HELDOUT3.txt)
    "d03": ("某某医院", "院务公开", "top"),
    "d11": ("简历谷", "其他文案", "side"),
    "d16": ("润发范文网", "讲话稿", "bottom"),
    "d18": ("教学服务论坛", "家长会", "top"),
    "d24": ("某某县中医院", "医院新闻", "top"),
    "d26": ("沂水新闻网", "乡镇动态", "side"),
    # fifth batch (e…), the whole batch held out (HELDOUT4.txt)
    "e05": ("某某人民医院", "院务动态", "top"),
    "e11": ("写笔文库", "讲话稿", "side"),
    "e12": ("某某街道办事处", "街道动态", "top"),
    "e14": ("某某区城市管理局", "领导讲话", "bottom"),
    # sixth batch (f…), the whole batch held out (HELDOUT5.txt)
    "f06": ("某某双语学校", "校园新闻", "top"),
    "f10": ("范文资料网", "讲话稿", "side"),
    "f16": ("某某县新闻网", "县域要闻", "top"),
    "f22": ("德育素材网", "讲话稿", "bottom"),
    # seventh batch (g…), the whole batch held out (HELDOUT6.txt)
    "g02": ("书法思考网", "致辞讲话", "side"),
    "g05": ("某某县融媒体中心", "时政要闻", "top"),
    "g13": ("写作方程式", "主持词", "bottom"),
    "g17": ("大文阁", "计划总结", "top"),
    # eighth batch (h…), the whole batch held out (HELDOUT7.txt)
    "h08": ("老笔杆子", "致辞讲话", "top"),
    "h09": ("大文阁", "计划总结", "side"),
    "h15": ("德育素材网", "讲话稿", "bottom"),
    "h24": ("某某中医医院", "医院新闻", "top"),
}
# pages whose collected text starts with furniture: the page heading is given, all text is body
TITLES = {"a11": "局长在作风整顿会上的讲话", "a14": "在区安全生产工作暨第一季度防范重特大安全事故会议上的讲话",
          "d11": "关于高中校长毕业典礼精彩致辞7篇", "d24": "我院召开第一届职工代表大会第四次会议",
          "d26": "道托镇召开安全生产专题会议", "e12": "街道组织机关干部集中学习区委书记讲话精神",
          "f06": "我校举行庆祝教师节暨教师表彰大会", "f10": "项目开工领导致辞",
          "f16": "全省实施乡村振兴战略工作视频会召开", "f22": "某县长关于全县火灾防控工作讲话",
          "g02": "政协县长讲话", "g05": "县长看望慰问县政协委员", "g13": "在全区防汛抗旱工作会议上的主持讲话",
          "g17": "在全镇征兵工作会议上的讲话", "h09": "在招商引资工作会上的讲话",
          "h15": "某县委书记在2024年全县河湖长制工作会议上的讲话"}
WORD_HTML = {"a25", "c13", "d07", "d30", "e03", "e20", "f05", "f09", "g08", "g16", "h11", "h27"}
DOCX = {"a03": "numbered", "a06": "plain", "a09": "numbered", "a15": "plain", "a16": "numbered",
        "a20": "title", "a23": "plain", "b03": "title", "b10": "numbered",
        "c05": "title", "c06": "list", "c14": "plain", "c17": "title", "c21": "numbered",
        "d05": "title", "d08": "list", "d15": "numbered", "d19": "plain", "d27": "list",
        "e21": "plain", "e22": "title", "e24": "list",
        "f03": "plain", "f12": "title", "f20": "list", "f21": "numbered",
        "g06": "plain", "g09": "numbered", "g10": "list", "g19": "title",
        "h02": "list", "h20": "plain", "h25": "numbered", "h26": "title"}
PDF = {"b05", "c18", "c25", "d21", "d22", "e16", "e23", "f14", "f18", "g12", "g20", "h04", "h19"}
GBK = {"a10", "c02", "d02", "d28", "e02", "e07", "f04", "f11", "g03", "g15", "h05", "h21"}
WRAPPED = {"a21": "　　", "a22": "", "c03": "　　", "c28": "", "d09": "", "d14": "　　", "e01": "", "e04": "　　",
           "f02": "　　", "f19": "", "g18": "", "g24": "　　",
           "h01": "", "h06": "　　"}

MENU = ["首页", "新闻中心", "通知公告", "领导讲话", "工作动态", "政策文件", "专题专栏", "互动交流"]
RELATED = ["关于做好岁末年初重点工作的通知", "某某镇召开季度工作推进会", "我区开展安全生产大检查",
           "某某学校举行教研活动周启动仪式", "某某公司召开职工代表大会"]


def shell(name: str, lines: list[str]) -> str:
    site, section, layout = SHELLS[name]
    title = TITLES.get(name, lines[0].strip())
    if name not in TITLES:
        lines = lines[1:]
    menu = "<nav class=\"menu\"><ul>" + "".join(f"<li><a href=\"/c{i}/\">{m}</a></li>"
                                                for i, m in enumerate(MENU)) + "</ul></nav>"
    crumb = (f"<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/s/\">{section}</a>"
             " &gt; 正文</div>")
    related = ("<div class=\"related\"><h3>推荐阅读</h3><ul>" +
               "".join(f"<li><a href=\"/a/{i}.html\">{t}</a><span>2024-0{i + 1}-12</span></li>"
                       for i, t in enumerate(RELATED)) + "</ul></div>")
    share = "<div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a> 【打印本页】 【关闭窗口】</div>"
    pager = "<div class=\"pager\">上一篇：<a href=\"/a/8.html\">某某街道召开议事协商会</a><br>下一篇：<a href=\"/a/9.html\">没有了</a></div>"
    footer = (f"<footer><p>主办单位：{site} 版权所有 © 2024</p><p>备案号：某ICP备00000000号-1 "
              "技术支持：某某网络</p><p>地址：某某路88号 联系电话：0000-0000000</p></footer>")
    body = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in lines if line.strip())
    article = (f"<div class=\"article\"><h1>{html.escape(title)}</h1>"
               f"<div class=\"info\">发布时间：2024-03-15 来源：{site} 浏览次数：1024</div>"
               f"<div class=\"content\" id=\"content\">\n{body}\n</div>{share}{pager}</div>")
    hot = ("<aside class=\"side\"><h3>热门文章</h3><ul>" +
           "".join(f"<li><a href=\"/h/{i}.html\">{t}</a></li>" for i, t in enumerate(reversed(RELATED)))
           + "</ul></aside>")
    if layout == "top":
        main = menu + crumb + article + related
    elif layout == "side":
        main = menu + crumb + hot + article + related
    else:
        main = crumb + article + related + menu
    page_title = f"{title}_{section}_{site}"
    return (f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(page_title)}</title>"
            "<script>var _hmt = _hmt || [];</script></head>\n"
            f"<body><header class=\"top\"><a class=\"logo\" href=\"/\">{site}</a>"
            "<form class=\"search\"><input name=\"q\" placeholder=\"站内搜索\"></form></header>\n"
            f"{main}\n{footer}</body></html>\n")


def word_html(lines: list[str]) -> str:
    paras = "\n".join(
        f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span "
        f"style='font-family:仿宋_GB2312'>{html.escape(line.strip())}<o:p></o:p></span></p>"
        for line in lines if line.strip())
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n"
            "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
            "<meta name=ProgId content=Word.Document><meta name=Generator content=\"Microsoft Word 15\">"
            "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->"
            "<style><!-- p.MsoNormal {mso-style-parent:\"\"; margin:0cm; font-size:16.0pt;} "
            "@page WordSection1 {size:595.3pt 841.9pt;} div.WordSection1 {page:WordSection1;} --></style>"
            "</head>\n<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>\n"
            f"{paras}\n</div></body></html>\n")


def wrap(lines: list[str], indent: str, width: int = 60) -> str:
    out: list[str] = []
    for line in lines:
        text = indent + line.strip()
        out.extend(text[i:i + width] for i in range(0, len(text), width))
    return "\n".join(out) + "\n"


def _numbering(document: object) -> int:
    """Add a Word list definition (一、 at level 0, （一） at level 1) and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(
        f"<w:abstractNum {nsdecls('w')} w:abstractNumId=\"90\"><w:multiLevelType w:val=\"multilevel\"/>"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"（%2）\"/><w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum>")
    num = parse_xml(f"<w:num {nsdecls('w')} w:numId=\"90\"><w:abstractNumId w:val=\"90\"/></w:num>")
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return 90


def make_docx(lines: list[str], mode: str, path: Path) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    num_id = _numbering(document) if mode in ("numbered", "list") else 0
    for k, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        m = ORDINAL.match(text)
        if num_id and m:
            para = document.add_paragraph(text[m.end():])
            ppr = para._p.get_or_add_pPr()
            ppr.append(parse_xml(f"<w:numPr {nsdecls('w')}><w:ilvl w:val=\"0\"/>"
                                 f"<w:numId w:val=\"{num_id}\"/></w:numPr>"))
        elif k == 0 and mode in ("title", "numbered"):
            document.add_paragraph(text, style="Title")
        else:
            document.add_paragraph(text)
    document.save(str(path))


def main() -> None:
    force = "--force" in sys.argv
    for src in sorted(SRC.glob("*.txt")):
        name = src.stem
        if not force and any(HERE.glob(f"{name}.*")):
            continue  # built already: a rebuilt .docx differs in its timestamps only
        text = src.read_text(encoding="utf-8")
        lines = text.splitlines()
        if name in SHELLS:
            (HERE / f"{name}.html").write_text(shell(name, lines), encoding="utf-8")
        elif name in WORD_HTML:
            (HERE / f"{name}.html").write_text(word_html(lines), encoding="utf-8")
        elif name in DOCX:
            make_docx(lines, DOCX[name], HERE / f"{name}.docx")
        elif name in PDF:
            sys.path.insert(0, str(HERE.parent.parent))
            from pdfmaker import make_pdf

            (HERE / f"{name}.pdf").write_bytes(make_pdf([line for line in lines if line.strip()]))
        elif name in GBK:
            (HERE / f"{name}.txt").write_bytes(text.encode("gbk"))
        elif name in WRAPPED:
            (HERE / f"{name}.txt").write_text(wrap(lines, WRAPPED[name]), encoding="utf-8")
        else:
            (HERE / f"{name}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
