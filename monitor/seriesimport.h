#pragma once

#include "monitor/series.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace causeway {

// The largest indicator data file (or data store) read, by the editor and the command line alike:
// far past any program's monthly figures, and it keeps a mistaken pick from filling the memory.
inline constexpr std::size_t kMaxDataFileBytes = std::size_t{256} * 1024 * 1024;

// Reads a CSV of indicator values in one of two shapes (chosen by the header):
//   long:  Date (or Period), Indicator, Value  - one row per value
//   wide:  Date (or Period), then one column per indicator
// Rows of one indicator must come in date order, each period once; a value must be a number (an
// empty cell is a missing value, left out and counted, never filled in). The first bad row
// refuses the whole file with its row number (as a spreadsheet numbers rows, the header being
// row 1) and the reason. Time is linear in the file's size.
struct SeriesCsvResult {
    SeriesSet series;
    std::size_t values = 0;  // values read
    std::size_t missing = 0; // empty value cells
};
// `knows` says whether an indicator name belongs to the map (nullptr: any name is accepted, as
// for the data store, which may hold indicators an edit later renamed).
using IndicatorFilter = std::function<bool(std::string_view name)>;
SeriesCsvResult parseSeriesCsv(std::string_view text, const IndicatorFilter& knows = nullptr);

// Adds `incoming` to `store`: new periods are appended, a period already there takes the new
// value, everything else is kept. All or nothing: a series whose granularity differs from the
// stored one throws IoError and `store` is unchanged.
struct MergeCounts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
};
MergeCounts mergeSeries(SeriesSet& store, const SeriesSet& incoming);

// The data store's own form: long CSV (Period,Indicator,Value), by indicator then period.
std::string writeSeriesCsv(const SeriesSet& series);

// Where a map's data store lives: beside the map, "peer-nsp.causeway" -> "peer-nsp.data.csv".
std::string dataStorePath(const std::string& mapPath);

} // namespace causeway
