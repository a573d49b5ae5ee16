#include "layout/textmetrics.h"

#include "layout/dejavuwidths.h"

#include <algorithm>
#include <cmath>

namespace causeway {
namespace {

const text::FaceMetrics& face(const FontSpec& font)
{
    return font.bold ? text::kDejaVuSansBold : text::kDejaVuSansBook;
}

// Decodes one code point and advances `i`; a malformed sequence gives U+FFFD and one byte.
char32_t nextCodePoint(std::string_view s, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra <= 0 || i + extra >= s.size()) {
        ++i;
        return extra == 0 ? c : 0xFFFD;
    }
    char32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    return cp;
}

bool wideCodePoint(char32_t c)
{
    // CJK, Hangul and full-width forms: drawn from a fallback font, about one em wide.
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || c >= 0x1F300;
}

// Advance in font units.
double advance(const text::FaceMetrics& f, char32_t c)
{
    if (c == '\t')
        c = ' ';
    const auto it = std::lower_bound(f.advances.begin(), f.advances.end(), c,
                                     [](const text::GlyphAdvance& g, char32_t v) { return g.codepoint < v; });
    if (it != f.advances.end() && it->codepoint == c)
        return it->advance;
    if (c < 0x20)
        return 0;
    // Not in DejaVu's table: a fallback font draws it; guess a typical width.
    return wideCodePoint(c) ? f.unitsPerEm : f.unitsPerEm * 0.62;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Pieces a paragraph may break after: each ends after a run of spaces, a hyphen or a slash.
std::vector<std::string_view> breakPieces(std::string_view p)
{
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const bool space = p[i] == ' ' || p[i] == '\t';
        const bool nextIsSpace = i + 1 < p.size() && (p[i + 1] == ' ' || p[i + 1] == '\t');
        const bool breakAfter = (space && !nextIsSpace)
            || ((p[i] == '-' || p[i] == '/') && i > start && !nextIsSpace);
        if (breakAfter && i + 1 < p.size()) {
            pieces.push_back(p.substr(start, i + 1 - start));
            start = i + 1;
        }
    }
    pieces.push_back(p.substr(start));
    return pieces;
}

} // namespace

double textWidth(std::string_view utf8, const FontSpec& font)
{
    const text::FaceMetrics& f = face(font);
    double units = 0;
    for (std::size_t i = 0; i < utf8.size();)
        units += advance(f, nextCodePoint(utf8, i));
    return units * font.pixelSize / f.unitsPerEm;
}

double fontAscent(const FontSpec& font)
{
    const text::FaceMetrics& f = face(font);
    return double(f.ascent) * font.pixelSize / f.unitsPerEm;
}

double lineHeight(const FontSpec& font)
{
    const text::FaceMetrics& f = face(font);
    return double(f.ascent + f.descent + f.lineGap) * font.pixelSize / f.unitsPerEm;
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
