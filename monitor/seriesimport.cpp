// Reading indicator values from CSV (long and wide tables), merging them into the data store,
// and writing the store. One pass over the rows, so a 200,000-row file costs linear time.
#include "monitor/seriesimport.h"

#include "io/csv.h"
#include "io/ioerror.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace causeway {

namespace {

std::string lower(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmedCell(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::optional<double> number(std::string_view cell)
{
    std::string_view s = trimmedCell(cell);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || error != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

[[noreturn]] void refuse(std::size_t row, const std::string& message)
{
    throw IoError("row " + std::to_string(row) + ": " + message);
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Collects the values of one file, checking order and duplicates per indicator as rows arrive.
class Collector {
public:
    explicit Collector(const IndicatorFilter& knows) : m_knows(knows) {}

    // The indicator named `name`, checked against the map once per name.
    std::size_t indicator(std::string_view name, std::size_t row, const std::string& place)
    {
        const std::string key(trimmedCell(name));
        if (auto it = m_index.find(key); it != m_index.end())
            return it->second;
        if (key.empty())
            refuse(row, place + "an empty indicator name");
        if (m_knows && !m_knows(key))
            refuse(row, place + quoted(key) + " is not an indicator of this map (no indicator, factor "
                            "label or link \"From -> To\" has that name)");
        m_index.emplace(key, m_slots.size());
        m_slots.push_back({Series{key, {}}, 0});
        return m_slots.size() - 1;
    }

    void add(std::size_t slot, Period period, std::string_view cell, std::size_t row)
    {
        Slot& s = m_slots[slot];
        if (trimmedCell(cell).empty()) {
            ++m_result.missing;
            return;
        }
        const auto value = number(cell);
        if (!value)
            refuse(row, "value " + quoted(trimmedCell(cell)) + " for " + quoted(s.series.indicator)
                            + " is not a number");
        if (!s.series.points.empty()) {
            const Period last = s.series.points.back().period;
            if (last.granularity != period.granularity)
                refuse(row, quoted(s.series.indicator) + " is given by " + granularityName(last.granularity)
                                + " on row " + std::to_string(s.lastRow) + " and by "
                                + granularityName(period.granularity) + " here: one indicator needs one kind of period");
            if (last.index == period.index)
                refuse(row, "a second value for " + quoted(s.series.indicator) + " in " + periodText(period)
                                + " (the first is on row " + std::to_string(s.lastRow) + ")");
            if (period.index < last.index)
                refuse(row, quoted(s.series.indicator) + " in " + periodText(period) + " comes after "
                                + periodText(last) + " (row " + std::to_string(s.lastRow)
                                + "): rows of one indicator must be in date order");
        }
        s.series.points.push_back({period, *value});
        s.lastRow = row;
        ++m_result.values;
    }

    SeriesCsvResult finish()
    {
        for (Slot& s : m_slots)
            if (!s.series.points.empty())
                m_result.series.emplace(s.series.indicator, std::move(s.series));
        return std::move(m_result);
    }

private:
    struct Slot {
        Series series;
        std::size_t lastRow = 0;
    };
    const IndicatorFilter& m_knows;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<Slot> m_slots;
    SeriesCsvResult m_result;
};

Period period(std::string_view cell, std::size_t row)
{
    const auto p = parsePeriod(cell);
    if (!p)
        refuse(row, "date " + quoted(trimmedCell(cell)) + " is not a date or period Causeway reads (write "
                        "2025, 2025-Q1, 2025-03 or 2025-03-14)");
    return *p;
}

const std::string& cell(const CsvRecord& record, std::size_t column)
{
    static const std::string empty;
    return column < record.fields.size() ? record.fields[column] : empty;
}

} // namespace

SeriesCsvResult parseSeriesCsv(std::string_view text, const IndicatorFilter& knows)
{
    const std::vector<CsvRecord> records = parseCsv(text, detectCsvSeparator(text));
    if (records.empty())
        throw IoError("the table is empty: expected a header row (Date, Indicator, Value, or Date "
                      "and one column per indicator)");
    const std::vector<std::string>& header = records[0].fields;
    std::optional<std::size_t> dateColumn, indicatorColumn, valueColumn;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string name = lower(header[c]);
        if ((name == "date" || name == "period") && !dateColumn)
            dateColumn = c;
        else if (name == "indicator" && !indicatorColumn)
            indicatorColumn = c;
        else if (name == "value" && !valueColumn)
            valueColumn = c;
    }
    if (!dateColumn)
        refuse(1, "no Date or Period column in the header");
    Collector collect(knows);
    const bool isLong = indicatorColumn && valueColumn;
    std::vector<std::pair<std::size_t, std::size_t>> wide; // column -> indicator slot
    if (!isLong)
        for (std::size_t c = 0; c < header.size(); ++c)
            if (c != *dateColumn)
                wide.emplace_back(c, collect.indicator(header[c], 1, "column " + std::to_string(c + 1) + ": "));
    if (!isLong && wide.empty())
        refuse(1, "no indicator columns: expected Date, Indicator, Value, or Date and one column per indicator");
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::size_t row = r + 1;
        const Period when = period(cell(records[r], *dateColumn), row);
        if (isLong)
            collect.add(collect.indicator(csvCellText(cell(records[r], *indicatorColumn)), row, ""), when,
                        cell(records[r], *valueColumn), row);
        else
            for (const auto& [column, slot] : wide)
                collect.add(slot, when, cell(records[r], column), row);
    }
    return collect.finish();
}

MergeCounts mergeSeries(SeriesSet& store, const SeriesSet& incoming)
{
    for (const auto& [name, series] : incoming) {
        const auto it = store.find(name);
        if (it != store.end() && !it->second.points.empty() && !series.points.empty()
            && it->second.points.front().period.granularity != series.points.front().period.granularity)
            throw IoError(quoted(name) + " is stored by "
                          + granularityName(it->second.points.front().period.granularity)
                          + " and the new data give it by "
                          + granularityName(series.points.front().period.granularity)
                          + ": nothing was imported");
    }
    MergeCounts counts;
    for (const auto& [name, series] : incoming) {
        Series& target = store[name];
        target.indicator = name;
        std::vector<Observation> merged;
        merged.reserve(target.points.size() + series.points.size());
        auto a = target.points.begin();
        auto b = series.points.begin();
        while (a != target.points.end() || b != series.points.end()) {
            if (b == series.points.end() || (a != target.points.end() && a->period < b->period)) {
                merged.push_back(*a++);
            } else if (a == target.points.end() || b->period < a->period) {
                merged.push_back(*b++);
                ++counts.added;
            } else {
                ++(a->value == b->value ? counts.unchanged : counts.updated);
                merged.push_back(*b++);
                ++a;
            }
        }
        target.points = std::move(merged);
    }
    return counts;
}

std::string writeSeriesCsv(const SeriesSet& series)
{
    std::string out = csvRow({"Period", "Indicator", "Value"});
    char buffer[64];
    for (const auto& [name, s] : series)
        for (const Observation& o : s.points) {
            // Shortest text that reads back as the same double: 0.1 stays "0.1".
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, o.value).ptr;
            out += csvRow({periodText(o.period), name, std::string(buffer, end)}, ',', {0, 2});
        }
    return out;
}

std::string dataStorePath(const std::string& mapPath)
{
    const std::string suffix = ".causeway";
    if (mapPath.size() > suffix.size() && mapPath.ends_with(suffix))
        return mapPath.substr(0, mapPath.size() - suffix.size()) + ".data.csv";
    return mapPath + ".data.csv";
}

} // namespace causeway
