#include "io/importutil.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
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
    const std::string value = trim(text);
    double number = 0;
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, number);
    if (value.empty() || ec != std::errc() || ptr != end || !std::isfinite(number) || number == 0)
        return std::nullopt;
    return number > 0 ? Polarity::Positive : Polarity::Negative;
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
    for (std::size_t i = 0; i < n; ++i)
        map.moveFactor(ids[i], {origin.x + 220.0 * double(i % columns),
                                origin.y + 140.0 * double(i / columns)});
}

void Warnings::add(std::string message)
{
    if (m_out.size() < m_limit)
        m_out.push_back(std::move(message));
    else
        ++m_dropped;
}

void Warnings::finish()
{
    if (m_dropped > 0)
        m_out.push_back("... and " + std::to_string(m_dropped) + " more warnings");
    m_dropped = 0;
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
