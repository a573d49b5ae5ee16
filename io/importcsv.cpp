// Links tables (From,To,Polarity[,Delay,Label,Note]) and factors tables (Label,Group,Description)
// as researchers keep them in spreadsheets.
#include "io/import.h"

#include "io/csv.h"
#include "io/importutil.h"

#include <map>

namespace causeway {

using importutil::lower;
using importutil::trim;

namespace {

std::string lineText(std::size_t line)
{
    return "line " + std::to_string(line);
}

// A column the importer understands: its canonical name and the other names accepted for it.
struct ColumnSpec {
    std::string name;
    std::vector<std::string> aliases;
    bool required = false;
};

// Finds the understood columns in a header row (case-insensitive, spaces trimmed) and reads
// cells by column name.
class Header {
public:
    Header(const CsvRecord& header, const std::vector<ColumnSpec>& specs,
           importutil::Warnings& warnings, const std::string& context)
        : m_line(header.line)
    {
        std::vector<bool> used(header.fields.size(), false);
        for (const ColumnSpec& spec : specs) {
            for (std::size_t i = 0; i < header.fields.size() && !m_index.contains(spec.name); ++i) {
                const std::string name = lower(trim(header.fields[i]));
                if (name == spec.name
                    || std::find(spec.aliases.begin(), spec.aliases.end(), name) != spec.aliases.end()) {
                    m_index[spec.name] = i;
                    used[i] = true;
                }
            }
            if (spec.required && !m_index.contains(spec.name))
                throw IoError(context + lineText(m_line) + ": missing required column '"
                              + capitalised(spec.name) + "' (the header has: " + list(header.fields)
                              + ")");
        }
        for (std::size_t i = 0; i < header.fields.size(); ++i)
            if (!used[i])
                warnings.add(context + lineText(m_line) + ": column '" + trim(header.fields[i])
                             + "' is not used" + (trim(header.fields[i]).empty() ? " (no name)" : ""));
    }

    bool has(const std::string& name) const { return m_index.contains(name); }

    std::string cell(const CsvRecord& record, const std::string& name) const
    {
        const auto it = m_index.find(name);
        if (it == m_index.end() || it->second >= record.fields.size())
            return {};
        // Cells our own exports neutralised against spreadsheet formulas read back as written.
        return csvCellText(trim(record.fields[it->second]));
    }

private:
    static std::string capitalised(std::string name)
    {
        if (!name.empty())
            name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        return name;
    }
    static std::string list(const std::vector<std::string>& fields)
    {
        std::string out;
        for (const std::string& field : fields)
            out += (out.empty() ? "" : ", ") + trim(field);
        return out;
    }

    std::size_t m_line;
    std::map<std::string, std::size_t> m_index;
};

bool isEmptyRow(const CsvRecord& record)
{
    for (const std::string& field : record.fields)
        if (!trim(field).empty())
            return false;
    return true;
}

std::vector<CsvRecord> readTable(std::string_view text, const std::string& context,
                                 const std::string& expected)
{
    std::vector<CsvRecord> records;
    try {
        records = parseCsv(text, detectCsvSeparator(text));
    } catch (const IoError& e) {
        throw IoError(context + e.what());
    }
    if (records.empty())
        throw IoError(context + "the table is empty (expected a header row " + expected + ")");
    return records;
}

FactorId factorFor(SystemMap& map, std::map<std::string, FactorId>& byLabel,
                   std::vector<FactorId>& order, const std::string& label)
{
    if (const auto it = byLabel.find(label); it != byLabel.end())
        return it->second;
    Factor factor;
    factor.label = label;
    const FactorId id = map.addFactor(factor);
    byLabel.emplace(label, id);
    order.push_back(id);
    return id;
}

} // namespace

ImportResult importLinksCsv(std::string_view linksCsv, std::optional<std::string_view> factorsCsv)
{
    ImportResult result;
    importutil::Warnings warnings(result.warnings);
    const std::vector<CsvRecord> records = readTable(linksCsv, "", "From,To,Polarity");
    const Header header(records.front(),
                        {{"from", {"source"}, true},
                         {"to", {"target"}, true},
                         {"polarity", {"sign"}, true},
                         {"delay", {}, false},
                         {"label", {}, false},
                         {"note", {"notes"}, false}},
                        warnings, "");
    const std::size_t columns = records.front().fields.size();
    if (records.size() - 1 > importutil::kMaxImportLinks)
        throw IoError("the table has " + std::to_string(records.size() - 1) + " rows, more than the "
                      + std::to_string(importutil::kMaxImportLinks) + " links a map can import");

    SystemMap& map = result.map;
    std::map<std::string, FactorId> byLabel;
    std::vector<FactorId> order;
    std::map<std::pair<FactorId, FactorId>, std::size_t> linkLines;

    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& row = records[r];
        const std::string at = lineText(row.line);
        if (isEmptyRow(row))
            continue;
        for (std::size_t i = columns; i < row.fields.size(); ++i)
            if (!trim(row.fields[i]).empty()) {
                warnings.add(at + ": " + std::to_string(row.fields.size() - columns)
                             + " cell(s) beyond the header's columns ignored");
                break;
            }

        const std::string from = header.cell(row, "from");
        const std::string to = header.cell(row, "to");
        if (from.empty())
            throw IoError(at + ": empty From (every link needs the factor it starts at)");
        if (to.empty())
            throw IoError(at + ": empty To (every link needs the factor it points to)");

        Link link;
        const std::string polarity = header.cell(row, "polarity");
        if (polarity.empty()) {
            link.polarity = Polarity::Unknown;
            warnings.add(at + ": no polarity for " + from + " -> " + to + ", taken as '?'");
        } else if (const auto parsed = importutil::parsePolarityLoosely(polarity)) {
            link.polarity = *parsed;
        } else {
            throw IoError(at + ": polarity '" + polarity
                          + "' is not one of + - ? positive negative same opposite s o 1 -1");
        }
        const std::string delay = header.cell(row, "delay");
        if (const auto flag = importutil::parseFlag(delay)) {
            link.delay = *flag;
        } else {
            warnings.add(at + ": delay '" + delay
                         + "' not understood (use yes/no, true/false, 1/0 or x), taken as no delay");
        }
        link.label = header.cell(row, "label");
        link.note = header.cell(row, "note");

        link.from = factorFor(map, byLabel, order, from);
        link.to = factorFor(map, byLabel, order, to);
        if (auto [it, added] = linkLines.emplace(std::pair(link.from, link.to), row.line); !added)
            throw IoError(at + ": a second link " + from + " -> " + to + " (the first is on "
                          + lineText(it->second) + "); merge them into one row");
        map.addLink(link);
    }

    if (factorsCsv) {
        const std::vector<FactorId> added = applyFactorsTable(result, *factorsCsv);
        order.insert(order.end(), added.begin(), added.end());
    }
    if (map.linkCount() == 0)
        warnings.add("the links table has a header but no links");
    importutil::placeInitially(map, order);
    warnings.finish();
    return result;
}

std::vector<FactorId> applyFactorsTable(ImportResult& result, std::string_view factorsCsv)
{
    const std::string context = "factors table, ";
    importutil::Warnings warnings(result.warnings);
    const std::vector<CsvRecord> records = readTable(factorsCsv, context, "Label,Group,Description");
    const Header header(records.front(),
                        {{"label", {"name", "factor"}, true},
                         {"group", {}, false},
                         {"description", {}, false}},
                        warnings, context);

    SystemMap& map = result.map;
    std::vector<FactorId> created;
    std::map<std::string, std::size_t> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& row = records[r];
        const std::string at = context + lineText(row.line);
        if (isEmptyRow(row))
            continue;
        const std::string label = header.cell(row, "label");
        if (label.empty()) {
            warnings.add(at + ": no label, row skipped");
            continue;
        }
        if (auto [it, added] = seen.emplace(label, row.line); !added) {
            warnings.add(at + ": " + label + " is already described on " + lineText(it->second)
                         + ", row skipped");
            continue;
        }
        Factor factor;
        if (const auto existing = map.findFactorByLabel(label))
            factor = map.factor(*existing);
        else
            factor.label = label;
        if (header.has("group"))
            factor.group = header.cell(row, "group");
        if (header.has("description"))
            factor.description = header.cell(row, "description");
        if (factor.id.valid())
            map.updateFactor(factor);
        else
            created.push_back(map.addFactor(factor));
    }
    warnings.finish();
    return created;
}

} // namespace causeway
