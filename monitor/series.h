#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace causeway {

// How finely a period is stated. A series keeps one granularity throughout.
enum class Granularity { Year, Quarter, Month, Day };
const char* granularityName(Granularity g); // "year", "quarter", "month", "day"

// A point in time as the data states it: "2025", "2025-Q1", "2025-03" or "2025-03-14".
// `index` counts periods of its granularity (months since year 0, days since 1970-01-01, ...),
// so the distance between two periods of a series is a difference of indexes.
struct Period {
    Granularity granularity = Granularity::Month;
    std::int64_t index = 0;
    auto operator<=>(const Period&) const = default;
};
std::optional<Period> parsePeriod(std::string_view text);
std::string periodText(Period period);

struct Observation {
    Period period;
    double value = 0;
    bool operator==(const Observation&) const = default;
};

// One indicator's values, in strictly increasing period order, no period twice. Missing
// periods are simply absent: nothing is ever interpolated.
struct Series {
    std::string indicator;
    std::vector<Observation> points;
    // The usual distance between successive periods (the most common one; 1 for monthly data,
    // 7 for weekly dates). Changes are taken only between observations this far apart.
    std::int64_t step() const;
    bool operator==(const Series&) const = default;
};

// Every indicator's series, by indicator name.
using SeriesSet = std::map<std::string, Series, std::less<>>;

} // namespace causeway
