"""User text made safe for ReportLab, and the fonts that print any script."""

import subprocess
import sys
import textwrap

from reportlab.platypus import Paragraph

from powmia_desktop.reports.styles import fonts, markup, paragraph, plain, plain_frags, styles


def test_markup_escapes_first_then_switches_fonts() -> None:
    assert markup("A & B <c>") == "A &amp; B &lt;c&gt;"
    assert markup('say "hi"\nnext') == "say &quot;hi&quot;<br/>next"
    cjk = fonts().cjk
    assert markup("Amb. 박길연 <x>") == f'Amb. <font face="{cjk}">박길연</font> &lt;x&gt;'
    assert markup("Ñúñez Łukasz") == "Ñúñez Łukasz"  # the body font has these letters
    assert markup("") == ""
    bold = markup("박", bold=True)
    assert bold.startswith("<b>") and fonts().cjk_bold in bold


def test_plain_text_skips_the_parser_and_keeps_whitespace_rules() -> None:
    style = styles().cell
    frags = plain_frags("  two   words ", style)
    assert frags is not None and frags[0].text == "two words"
    assert frags[0].fontName == style.fontName
    assert plain_frags("A &amp; B", style) is None
    parsed = Paragraph("plain words here", style)
    fast = Paragraph("plain words here", style, frags=plain_frags("plain words here", style))
    assert parsed.wrap(200, 100) == fast.wrap(200, 100)


def test_folding_and_plain_text_agree_with_reportlab() -> None:
    """The shortcuts for plain ASCII text give what the parser and the slow path give."""
    style = styles().cell
    for text in ("one two", " lead", "trail ", "two  spaces", "tab\there", "line\nbreak", "é à"):
        frags = plain_frags(text, style)
        assert frags is not None
        assert frags[0].text == Paragraph(text, style).frags[0].text, text
    assert plain("Pak 박길연") == "Pak ???"  # neither DejaVu Sans nor Helvetica has Hangul
    assert plain("A plain line") == "A plain line"


def test_a_paragraph_breaks_its_lines_once_for_each_width() -> None:
    words = "Missing after the Chinese attack near Unsan; remains not recovered. " * 4
    block = paragraph(markup(words), styles().cell)
    wide = block.wrap(400, 1000)
    lines_wide = len(block.blPara.lines)
    narrow = block.wrap(120, 1000)
    assert narrow[1] > wide[1]  # more lines in a narrower column
    assert block.wrap(400, 1000) == wide  # remembered, not the narrow lines
    assert len(block.blPara.lines) == lines_wide
    fresh = Paragraph(markup(words), styles().cell)
    assert fresh.wrap(120, 1000) == block.wrap(120, 1000)
    assert [line[1] for line in fresh.blPara.lines] == [line[1] for line in block.blPara.lines]


def test_the_builtin_korean_font_is_the_fallback() -> None:
    """Without any Korean TrueType font, the CID font still carries Hangul into the PDF."""
    script = textwrap.dedent(
        """
        import io
        from pypdf import PdfReader
        from reportlab.platypus import Paragraph, SimpleDocTemplate
        from powmia_desktop.reports import styles as s
        s._KOREAN_TTF = ()
        s.fc_korean_ttf = lambda: None
        f = s.fonts()
        assert f.cjk == "HYGothic-Medium" and not f.cjk_embedded, f
        out = io.BytesIO()
        SimpleDocTemplate(out).build([Paragraph(s.markup("Pak 박길연 A & B <c>"), s.styles().body)])
        print(PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "박길연" in done.stdout and "A & B <c>" in done.stdout


def test_korean_and_symbol_fonts_load_only_when_text_needs_them() -> None:
    """Latin text leaves the large Korean and symbol fonts unread; a Hangul name read later
    in the same process still prints in the Korean font, and an emoji in the symbol font."""
    script = textwrap.dedent(
        """
        import io
        from pypdf import PdfReader
        from reportlab.pdfbase import pdfmetrics
        from reportlab.platypus import Paragraph, SimpleDocTemplate
        from powmia_desktop.reports import styles as s

        def pdf(text):
            out = io.BytesIO()
            SimpleDocTemplate(out).build([Paragraph(s.markup(text), s.styles().body)])
            page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
            fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
            return page.extract_text(), fonts

        latin, used = pdf("Cpl. Roger A. Dumas, Ñúñez & <b>")
        registered = set(pdfmetrics.getRegisteredFontNames())
        print("latin", latin.strip(), used, "Korean" in registered, "SymbolFallback" in registered)
        hangul, used = pdf("Amb. 박길연 (Pak Gil Yon)")
        korean = pdfmetrics.getFont(s.fonts().cjk)
        name = korean.face.name.decode() if s.fonts().cjk_embedded else korean.fontName
        print("hangul", hangul.strip(), any(name in f for f in used))
        _, used = pdf("medals returned 🎖 ★")
        print("symbol", bool(s.fonts().symbol), any("Symbol" in f for f in used))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("latin Cpl. Roger A. Dumas, Ñúñez & <b>")
    assert lines[0].endswith("False False"), lines[0]  # neither font was read
    assert lines[1] == "hangul Amb. 박길연 (Pak Gil Yon) True", lines[1]
    assert lines[2] in ("symbol True True", "symbol False False"), lines[2]
