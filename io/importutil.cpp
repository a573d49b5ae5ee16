#include "io/importutil.h"

#include "io/ioerror.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace causeway::importutil {

// All of isspace, as the model judges a label blank: "\v" alone must read as empty here too.
std::string trim(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return std::string(text.substr(first, last - first + 1));
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::optional<bool> parseFlag(std::string_view text)
{
    const std::string value = lower(trim(text));
    for (const char* yes : {"yes", "true", "1", "y", "x", "delay", "delayed"})
        if (value == yes)
            return true;
    for (const char* no : {"", "no", "false", "0", "n", "none"})
        if (value == no)
            return false;
    return std::nullopt;
}

std::optional<Polarity> parsePolarityLoosely(std::string_view text)
{
    if (auto polarity = parsePolarity(text))
        return polarity;
    const auto number = parseNumber(text);
    if (!number || *number == 0)
        return std::nullopt;
    return *number > 0 ? Polarity::Positive : Polarity::Negative;
}

std::optional<double> parseNumber(std::string_view text)
{
    const std::string value = trim(text);
    double number = 0;
    const char* end = value.data() + value.size();
    // from_chars takes no '+'; "+2" is still a number here.
    const char* begin = value.starts_with('+') && value.size() > 1 ? value.data() + 1 : value.data();
    const auto [ptr, ec] = std::from_chars(begin, end, number);
    if (value.empty() || ec != std::errc() || ptr != end || !std::isfinite(number))
        return std::nullopt;
    return number;
}

std::string lineColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line = 1 + std::size_t(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lastBreak = before.rfind('\n');
    const std::size_t column = lastBreak == std::string_view::npos ? offset + 1 : offset - lastBreak;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

LineIndex::LineIndex(std::string_view text) : m_size(text.size()), m_lineStarts{0}
{
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
}

std::pair<std::size_t, std::size_t> LineIndex::find(std::size_t offset) const
{
    offset = std::min(offset, m_size);
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return {std::size_t(next - m_lineStarts.begin()), offset - *(next - 1) + 1};
}

std::string LineIndex::lineColumn(std::size_t offset) const
{
    const auto [line, column] = find(offset);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string LineIndex::line(std::size_t offset) const
{
    return "line " + std::to_string(find(offset).first);
}

BracketSpan matchBrackets(std::string_view text, std::size_t start, int maxDepth)
{
    BracketSpan span;
    int depth = 0;
    bool inString = false;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) {
                span.tooDeepAt = i;
                return span;
            }
        } else if ((c == ']' || c == '}') && --depth <= 0) {
            span.end = i + 1;
            return span;
        }
    }
    return span;
}

void checkMapSize(std::size_t factors, std::size_t links)
{
    if (factors > kMaxImportFactors)
        throw IoError("the file has " + std::to_string(factors) + " nodes, more than the "
                      + std::to_string(kMaxImportFactors) + " factors a map can import");
    if (links > kMaxImportLinks)
        throw IoError("the file has " + std::to_string(links) + " edges, more than the "
                      + std::to_string(kMaxImportLinks) + " links a map can import");
}

void checkJsonNesting(std::string_view text)
{
    // Every top-level value, so text after the first cannot hide a deep one.
    for (std::size_t at = text.find_first_of("[{"); at != std::string_view::npos;) {
        const BracketSpan span = matchBrackets(text, at);
        if (span.tooDeepAt != std::string_view::npos)
            throw IoError(lineColumn(text, span.tooDeepAt) + ": nested deeper than "
                          + std::to_string(kMaxJsonNesting) + " levels");
        if (span.end == std::string_view::npos)
            return;
        at = text.find_first_of("[{", span.end);
    }
}

void placeInitially(SystemMap& map, const std::vector<FactorId>& ids, Point origin)
{
    const std::size_t n = ids.size();
    if (n == 0)
        return;
    if (n <= 12) {
        // Keep neighbours about 160 units apart along the circle.
        const double radius = std::max(150.0, 160.0 * double(n) / (2 * std::numbers::pi));
        for (std::size_t i = 0; i < n; ++i) {
            const double angle = 2 * std::numbers::pi * double(i) / double(n) - std::numbers::pi / 2;
            map.moveFactor(ids[i], {origin.x + radius + radius * std::cos(angle),
                                    origin.y + radius + radius * std::sin(angle)});
        }
        return;
    }
    // Wider than tall, like a screen; cells leave room for a two-line label.
    const auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(double(n) * 1.5)));
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t row = i / columns;
        map.moveFactor(ids[i], {origin.x + 220.0 * double(i % columns), origin.y + 140.0 * double(row)});
    }
}

bool onInitialPlacement(const SystemMap& map)
{
    const std::vector<FactorId> ids = map.factorIds();
    if (ids.size() < 2)
        return false;
    const Point first = map.factor(ids.front()).position;
    // placeInitially puts the first factor at the top of its circle, or at the grid's corner.
    const double radius = std::max(150.0, 160.0 * double(ids.size()) / (2 * std::numbers::pi));
    const Point origin = ids.size() <= 12 ? Point{first.x - radius, first.y} : first;
    SystemMap expected = map;
    placeInitially(expected, ids, origin);
    for (const FactorId id : ids) {
        const Point a = map.factor(id).position, b = expected.factor(id).position;
        if (std::abs(a.x - b.x) > 0.01 || std::abs(a.y - b.y) > 0.01)
            return false;
    }
    return true;
}

double spreadToFit(SystemMap& map, const std::vector<FactorId>& ids, Warnings& warnings)
{
    constexpr double kGap = 12;      // clear space wanted between two boxes
    constexpr double kMaxScale = 8;  // past this the source drawing would no longer read as itself
    constexpr std::size_t kMaxPairs = 50'000'000; // keep a huge import from stalling here
    const std::size_t n = ids.size();
    if (n < 2 || n * (n - 1) / 2 > kMaxPairs)
        return 1;
    struct Box {
        Point at;
        double halfW, halfH;
    };
    std::vector<Box> boxes;
    Point corner{INFINITY, INFINITY};
    for (const FactorId id : ids) {
        const Factor& f = map.factor(id);
        const FactorBoxText box = layoutFactorBox(f.label);
        boxes.push_back({f.position, box.width / 2, box.height / 2});
        corner = {std::min(corner.x, f.position.x), std::min(corner.y, f.position.y)};
    }
    // Two boxes stop overlapping once scaled apart along either axis: each pair needs the
    // smaller of its two axis scales, and the drawing needs the largest of those.
    double scale = 1;
    std::size_t coincident = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double dx = std::abs(boxes[i].at.x - boxes[j].at.x);
            const double dy = std::abs(boxes[i].at.y - boxes[j].at.y);
            const double needX = boxes[i].halfW + boxes[j].halfW + kGap;
            const double needY = boxes[i].halfH + boxes[j].halfH + kGap;
            if (dx >= needX || dy >= needY)
                continue;
            const double pair = std::min(dx > 0 ? needX / dx : INFINITY, dy > 0 ? needY / dy : INFINITY);
            if (pair > kMaxScale)
                ++coincident;
            else
                scale = std::max(scale, pair);
        }
    if (coincident > 0)
        scale = kMaxScale;
    if (scale <= 1)
        return 1;
    for (std::size_t i = 0; i < n; ++i)
        map.moveFactor(ids[i], {corner.x + (boxes[i].at.x - corner.x) * scale,
                                corner.y + (boxes[i].at.y - corner.y) * scale});
    char factor[32];
    std::snprintf(factor, sizeof factor, "%.2f", scale);
    warnings.add("the file's positions were scaled " + std::string(factor)
                 + " times so that Causeway's larger factor boxes do not overlap");
    warnings.count("pairs of factors still overlap (nearly the same position in the file); "
                   "run Layout to separate them",
                   coincident);
    return scale;
}

void Warnings::add(std::string message)
{
    if (m_out.size() < m_limit)
        m_out.push_back(std::move(message));
    else
        ++m_dropped;
}

void Warnings::count(const std::string& kind, std::size_t n)
{
    if (n == 0)
        return;
    for (auto& [k, total] : m_counts)
        if (k == kind) {
            total += n;
            return;
        }
    m_counts.emplace_back(kind, n);
}

std::size_t Warnings::counted(const std::string& kind) const
{
    for (const auto& [k, total] : m_counts)
        if (k == kind)
            return total;
    return 0;
}

void Warnings::finish()
{
    if (m_dropped > 0)
        m_out.push_back("... and " + std::to_string(m_dropped) + " more warnings");
    m_dropped = 0;
    // The summary first: it is what a reader needs before the details.
    std::vector<std::string> summary;
    for (const auto& [kind, total] : m_counts)
        summary.push_back(std::to_string(total) + " " + kind);
    m_out.insert(m_out.begin(), summary.begin(), summary.end());
    m_counts.clear();
}

bool addLinkOnce(SystemMap& map, const Link& link, Warnings& warnings, const std::string& where)
{
    if (map.findLink(link.from, link.to)) {
        warnings.add(where + ": a second edge " + describeLink(map, link)
                     + " skipped (a map has one link per direction)");
        return false;
    }
    map.addLink(link);
    return true;
}

namespace {

// Removes every `mark` from `text`; true when there was one.
bool eraseAll(std::string& text, std::string_view mark)
{
    bool found = false;
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
        text.erase(at, mark.size());
        found = true;
    }
    return found;
}

} // namespace

LinkText readLinkText(std::string_view text)
{
    LinkText read;
    std::string t = lower(trim(text));
    for (const char* minus : {"\xe2\x88\x92", "\xe2\x80\x93"}) // U+2212 minus, U+2013 en dash
        for (std::size_t at = t.find(minus); at != std::string::npos; at = t.find(minus))
            t.replace(at, 3, "-");
    bool delay = false;
    for (const char* mark : {"||", "//", "delayed", "delay"})
        delay = eraseAll(t, mark) || delay;
    if (delay)
        eraseAll(t, "|");
    std::string s;
    for (const char c : t)
        if (!std::isspace(static_cast<unsigned char>(c)))
            s += c;
    if (s == "+/-" || s == "-/+" || s == "\xc2\xb1") {
        read.polarity = Polarity::Unknown;
    } else {
        if (s.size() > 1 && s.back() == '?' && (s[0] == '+' || s[0] == '-')) {
            read.uncertain = true;
            s.pop_back();
        }
        if (s.size() == 2 && (s[0] == '+' || s[0] == '-') && (s[1] == '+' || s[1] == '-')) {
            read.polarity = s[0] == s[1] ? Polarity::Positive : Polarity::Negative;
            read.twoCharacter = true;
        } else if (!s.empty()) {
            read.polarity = parsePolarityLoosely(s);
        }
    }
    if (read.polarity || (delay && s.empty())) {
        read.delay = delay;
        return read;
    }
    // Not a polarity: the whole text, as written, is a label.
    read = LinkText{};
    read.label = trim(text);
    return read;
}

void countLinkText(Warnings& warnings, const LinkText& read, const std::string& source)
{
    if (read.uncertain)
        warnings.count("links: polarity read from " + source + " marked uncertain ('+?' / '-?')");
    if (read.twoCharacter)
        warnings.count("links: polarity read from " + source
                       + " written as two characters (++ and -- as +, +- and -+ as -)");
}

std::string normaliseModelName(std::string_view name)
{
    std::string text = trim(name);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    std::string out;
    bool gap = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool escapedBreak = c == '\\' && i + 1 < text.size() && text[i + 1] == 'n';
        if (c == ' ' || c == '_' || c == '\n' || c == '\r' || c == '\t' || escapedBreak) {
            gap = true;
            i += escapedBreak ? 1 : 0;
            continue;
        }
        if (gap && !out.empty())
            out += '_';
        gap = false;
        out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace causeway::importutil
