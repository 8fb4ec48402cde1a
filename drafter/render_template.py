"""Running a template: every Jinja failure becomes a located TemplateError in plain Chinese."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .errors import TemplateError

if TYPE_CHECKING:
    from jinja2 import Environment


def run_template(env: Environment, name: str, context: dict[str, object]) -> str:
    """Render one template, turning every Jinja failure into a located TemplateError."""
    import jinja2
    from jinja2.exceptions import SecurityError

    from .sandbox import LimitError, render_bounded

    template = None
    try:
        template = env.get_template(name)
        return render_bounded(template, context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", file=exc.filename or exc.name,
                            line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板“{exc.name}”", hint="模板名不能指向模板文件夹之外") from None
    except LimitError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(str(exc), file=file or getattr(template, "filename", None) or name,
                            line=line) from None
    except SecurityError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(_security_message(str(exc)), file=file, line=line) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(exc)
        raise TemplateError(_undefined_message(str(exc)), file=file, line=line) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        file, line = _template_frame(exc)
        if file is None:
            raise
        raise TemplateError(f"模板运行出错：{exc}", file=file, line=line) from None
    except RecursionError:
        raise TemplateError("模板递归过深（可能是宏或 include 自己调用自己）") from None


def _security_message(text: str) -> str:
    """Jinja's sandbox refusal, in plain Chinese."""
    m = re.search(r"access to attribute '([^']*)' of '([^']*)' object is unsafe", text)
    if m:
        return f"模板试图访问“{m.group(2)}”对象的内部属性“{m.group(1)}”，沙箱不允许，已拦截"
    if "not safely callable" in text:
        return "模板试图调用沙箱不允许调用的函数，已拦截"
    if "unsafe" in text or "modif" in text:
        return "模板试图修改数据或访问内部属性，沙箱不允许，已拦截"
    return "模板试图做沙箱不允许的事，已拦截"


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame in the traceback (Jinja maps lines to the source)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".jinja"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _undefined_message(text: str) -> str:
    if text.startswith("模板用到了"):
        return text
    m = re.search(r"'(?:[\w.]+ object|[^']*)' has no attribute '([^']+)'", text)
    if m:
        return f"模板用到了大纲中没有的字段“{m.group(1)}”"
    m = re.search(r"'([^']+)' is undefined", text)
    if m:
        return f"模板用到了未定义的变量“{m.group(1)}”"
    return f"模板用到了不存在的值（{text}）"
