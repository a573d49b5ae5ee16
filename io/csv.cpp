#include "io/csv.h"

#include "io/ioerror.h"

#include <algorithm>

namespace causeway {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isBlank(const CsvRecord& record)
{
    return record.fields.size() == 1 && record.fields.front().empty();
}

} // namespace

std::vector<CsvRecord> parseCsv(std::string_view text, char separator)
{
    if (text.starts_with(kBom))
        text.remove_prefix(kBom.size());

    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    std::size_t line = 1;
    record.line = 1;
    bool inQuotes = false;
    bool afterClosingQuote = false;
    std::size_t quoteLine = 0;

    auto endField = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        afterClosingQuote = false;
    };
    auto endRecord = [&] {
        endField();
        if (!isBlank(record))
            records.push_back(std::move(record));
        record = CsvRecord{};
        record.line = line;
    };

    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else {
                // Line breaks inside quotes belong to the field; count them for later messages.
                if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n')))
                    ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == separator) {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n')
                ++i;
            ++line;
            endRecord();
        } else if (afterClosingQuote) {
            // Spaces after a closing quote are harmless padding; anything else is ambiguous.
            if (c != ' ' && c != '\t')
                throw IoError("line " + std::to_string(line) + ": unexpected '" + std::string(1, c)
                              + "' after a closing quote (a quote inside a field must be doubled)");
        } else if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
            field.clear(); // leading padding before an opening quote is dropped
            inQuotes = true;
            quoteLine = line;
        } else {
            // A quote in the middle of an unquoted field is kept as text, as spreadsheets do.
            field.push_back(c);
        }
    }
    if (inQuotes)
        throw IoError("line " + std::to_string(quoteLine)
                      + ": unterminated quote (the quoted field runs to the end of the file)");
    if (!field.empty() || !record.fields.empty() || afterClosingQuote)
        endRecord();
    return records;
}

char detectCsvSeparator(std::string_view text)
{
    if (text.starts_with(kBom))
        text.remove_prefix(kBom.size());
    const std::string_view header = text.substr(0, text.find_first_of("\r\n"));
    if (header.find(',') != std::string_view::npos)
        return ',';
    if (header.find(';') != std::string_view::npos)
        return ';';
    if (header.find('\t') != std::string_view::npos)
        return '\t';
    return ',';
}

namespace {

// Where a spreadsheet would see a formula: the first character after any single quotes
// (already-quoted text gets one more quote, so csvCellText can tell the two apart).
bool needsNeutralising(std::string_view value)
{
    const std::size_t first = value.find_first_not_of('\'');
    return first != std::string_view::npos
        && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos;
}

std::string quoted(std::string_view value, std::string_view prefix)
{
    std::string out = "\"" + std::string(prefix);
    for (char c : value) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

} // namespace

std::string csvField(std::string_view value, char separator)
{
    if (!needsNeutralising(value))
        return csvFieldVerbatim(value, separator);
    // In double quotes, as OWASP recommends, whether or not the separator needs them.
    return quoted(value, "'");
}

std::string csvFieldVerbatim(std::string_view value, char separator)
{
    const bool needsQuotes = value.find_first_of(std::string{separator, '"', '\r', '\n'})
            != std::string_view::npos
        || (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    return needsQuotes ? quoted(value, "") : std::string(value);
}

std::string csvRow(const std::vector<std::string>& fields, char separator,
                   std::initializer_list<std::size_t> verbatimColumns)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.push_back(separator);
        const bool verbatim = std::find(verbatimColumns.begin(), verbatimColumns.end(), i)
            != verbatimColumns.end();
        out += verbatim ? csvFieldVerbatim(fields[i], separator) : csvField(fields[i], separator);
    }
    out += "\r\n";
    return out;
}

std::string csvCellText(std::string_view cell)
{
    if (cell.starts_with('\'') && needsNeutralising(cell))
        cell.remove_prefix(1);
    return std::string(cell);
}

} // namespace causeway
