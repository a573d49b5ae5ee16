// Label widths from the font stack (layout/fontshaper) and line breaking for factor boxes.
#include "layout/textmetrics.h"

#include "layout/fontshaper.h"

#include <algorithm>
#include <cmath>

namespace causeway {
namespace {

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Han, kana and the CJK symbols and full-width forms: lines may break between any two of them.
bool ideographic(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Closing punctuation and small kana never start a line (a simple form of UAX 14's rules).
bool noBreakBefore(char32_t c)
{
    static constexpr std::u32string_view closing =
        U"\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300D\u300F\u3011\u3009\u300B"
        U"\u30FC\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30A1\u30A3\u30A5\u30A7"
        U"\u30A9\u30C3\u30E3\u30E5\u30E7)]}.,;:!?";
    return closing.find(c) != std::u32string_view::npos;
}

bool isSpace(char32_t c)
{
    return c == ' ' || c == '\t';
}

// Pieces a paragraph may break after: each ends after a run of spaces, a hyphen or a slash, or
// between two ideographs.
std::vector<std::string_view> breakPieces(std::string_view p)
{
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    char32_t c = 0;
    for (std::size_t i = 0, next = 0; i < p.size(); i = next) {
        c = text::nextCodePoint(p, next);
        std::size_t after = next;
        const char32_t following = next < p.size() ? text::nextCodePoint(p, after) : 0;
        const bool breakAfter = (isSpace(c) && !isSpace(following))
            || ((c == '-' || c == '/') && i > start && !isSpace(following))
            || ((ideographic(c) || ideographic(following)) && !isSpace(following)
                && !noBreakBefore(following) && !isSpace(c));
        if (breakAfter && next < p.size()) {
            pieces.push_back(p.substr(start, next - start));
            start = next;
        }
    }
    pieces.push_back(p.substr(start));
    return pieces;
}

} // namespace

double textWidth(std::string_view utf8, const FontSpec& font)
{
    return text::shapedWidth(utf8, font.bold) * font.pixelSize;
}

std::vector<std::string> fontFamiliesUsed(std::string_view utf8, const FontSpec& font)
{
    return text::familiesUsed(utf8, font.bold);
}

double fontAscent(const FontSpec& font)
{
    return text::lineMetrics(font.bold).ascent * font.pixelSize;
}

double lineHeight(const FontSpec& font)
{
    const text::LineMetrics m = text::lineMetrics(font.bold);
    return (m.ascent + m.descent + m.lineGap) * font.pixelSize;
}

std::vector<std::string> wrapText(std::string_view utf8, double maxWidth, const FontSpec& font)
{
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (true) {
        const std::size_t nl = utf8.find('\n', from);
        std::string_view paragraph = utf8.substr(from, nl == std::string_view::npos ? nl : nl - from);
        if (!paragraph.empty() && paragraph.back() == '\r')
            paragraph.remove_suffix(1);
        std::string line;
        for (std::string_view piece : breakPieces(paragraph)) {
            if (!line.empty() && textWidth(std::string(line) += trimRight(piece), font) > maxWidth) {
                lines.emplace_back(trimRight(line));
                line.clear();
            }
            line += piece;
        }
        lines.emplace_back(trimRight(line));
        if (nl == std::string_view::npos)
            break;
        from = nl + 1;
    }
    return lines;
}

FactorBoxText layoutFactorBox(std::string_view label, const FactorBoxStyle& style)
{
    FactorBoxText box;
    box.lines = wrapText(label, style.maxTextWidth, style.font);
    double widest = 0;
    for (const std::string& line : box.lines)
        widest = std::max(widest, textWidth(line, style.font));
    box.lineHeight = lineHeight(style.font);
    const double textHeight = box.lineHeight * double(box.lines.size());
    box.width = std::ceil(std::max(style.minWidth, widest + 2 * style.paddingX));
    box.height = std::ceil(textHeight + 2 * style.paddingY);
    box.firstBaseline = -textHeight / 2 + fontAscent(style.font);
    return box;
}

} // namespace causeway
