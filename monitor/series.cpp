// Periods as data states them, and the regular step of a series.
#include "monitor/series.h"

#include <charconv>
#include <cstdio>
#include <map>

namespace causeway {

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& year, unsigned& month, unsigned& day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe + era * 400 + (month <= 2));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysIn(int y, unsigned m)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Reads exactly `width` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& out)
{
    if (pos + width > s.size())
        return false;
    for (std::size_t i = pos; i < pos + width; ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    std::from_chars(s.data() + pos, s.data() + pos + width, out);
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

const char* granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Year: return "year";
    case Granularity::Quarter: return "quarter";
    case Granularity::Month: return "month";
    case Granularity::Day: return "day";
    }
    return "period";
}

std::optional<Period> parsePeriod(std::string_view text)
{
    const std::string_view s = trimmed(text);
    int year = 0;
    if (!digits(s, 0, 4, year))
        return std::nullopt;
    if (s.size() == 4)
        return Period{Granularity::Year, year};
    // 2025-Q1 or 2025Q1
    const std::size_t q = s[4] == '-' ? 5 : 4;
    int n = 0;
    if (s.size() == q + 2 && (s[q] == 'Q' || s[q] == 'q') && digits(s, q + 1, 1, n) && n >= 1 && n <= 4)
        return Period{Granularity::Quarter, std::int64_t{year} * 4 + n - 1};
    if (s[4] != '-')
        return std::nullopt;
    int month = 0;
    if (!digits(s, 5, 2, month) || month < 1 || month > 12)
        return std::nullopt;
    if (s.size() == 7)
        return Period{Granularity::Month, std::int64_t{year} * 12 + month - 1};
    int day = 0;
    if (s.size() != 10 || s[7] != '-' || !digits(s, 8, 2, day) || day < 1
        || static_cast<unsigned>(day) > daysIn(year, static_cast<unsigned>(month)))
        return std::nullopt;
    return Period{Granularity::Day, daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

std::string periodText(Period p)
{
    char buffer[32];
    switch (p.granularity) {
    case Granularity::Year: std::snprintf(buffer, sizeof buffer, "%04lld", static_cast<long long>(p.index)); break;
    case Granularity::Quarter:
        std::snprintf(buffer, sizeof buffer, "%04lld-Q%lld", static_cast<long long>(p.index / 4),
                      static_cast<long long>(p.index % 4 + 1));
        break;
    case Granularity::Month:
        std::snprintf(buffer, sizeof buffer, "%04lld-%02lld", static_cast<long long>(p.index / 12),
                      static_cast<long long>(p.index % 12 + 1));
        break;
    case Granularity::Day: {
        int y = 0;
        unsigned m = 0;
        unsigned d = 0;
        civilFromDays(p.index, y, m, d);
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, d);
        break;
    }
    }
    return buffer;
}

std::int64_t Series::step() const
{
    // The most common gap; the smaller one on a tie, so one missing month cannot make monthly
    // data look bimonthly.
    std::map<std::int64_t, std::size_t> gaps;
    for (std::size_t i = 1; i < points.size(); ++i)
        ++gaps[points[i].period.index - points[i - 1].period.index];
    std::int64_t best = 1;
    std::size_t count = 0;
    for (const auto& [gap, n] : gaps)
        if (n > count) {
            best = gap;
            count = n;
        }
    return best;
}

} // namespace causeway
