#include "io/csv.h"

#include "io/ioerror.h"

#include <algorithm>

namespace causeway {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One pass over the text, one character at a time; the state is what the last characters meant.
class CsvParser {
public:
    CsvParser(std::string_view text, char separator) : m_text(text), m_separator(separator)
    {
        m_record.line = 1;
    }

    std::vector<CsvRecord> parse()
    {
        for (m_i = 0; m_i < m_text.size(); ++m_i) {
            if (m_inQuotes)
                quoted(m_text[m_i]);
            else
                unquoted(m_text[m_i]);
        }
        if (m_inQuotes)
            throw IoError("line " + std::to_string(m_quoteLine)
                          + ": unterminated quote (the quoted field runs to the end of the file)");
        if (!m_field.empty() || !m_record.fields.empty() || m_afterClosingQuote)
            endRecord();
        return std::move(m_records);
    }

private:
    bool nextIs(char c) const { return m_i + 1 < m_text.size() && m_text[m_i + 1] == c; }

    void quoted(char c)
    {
        if (c == '"') {
            if (nextIs('"')) {
                m_field.push_back('"');
                ++m_i;
            } else {
                m_inQuotes = false;
                m_afterClosingQuote = true;
            }
            return;
        }
        // Line breaks inside quotes belong to the field; count them for later messages.
        if (c == '\n' || (c == '\r' && !nextIs('\n')))
            ++m_line;
        m_field.push_back(c);
    }

    void unquoted(char c)
    {
        if (c == m_separator) {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && nextIs('\n'))
                ++m_i;
            ++m_line;
            endRecord();
        } else if (m_afterClosingQuote) {
            // Spaces after a closing quote are harmless padding; anything else is ambiguous.
            if (c != ' ' && c != '\t')
                throw IoError("line " + std::to_string(m_line) + ": unexpected '" + std::string(1, c)
                              + "' after a closing quote (a quote inside a field must be doubled)");
        } else if (c == '"' && m_field.find_first_not_of(" \t") == std::string::npos) {
            m_field.clear(); // leading padding before an opening quote is dropped
            m_inQuotes = true;
            m_quoteLine = m_line;
        } else {
            // A quote in the middle of an unquoted field is kept as text, as spreadsheets do.
            m_field.push_back(c);
        }
    }

    void endField()
    {
        if (m_record.fields.size() >= kMaxCsvFields)
            throw IoError("line " + std::to_string(m_record.line) + ": more than "
                          + std::to_string(kMaxCsvFields) + " fields in one record; this is not a "
                          "table Causeway reads (is the separator right?)");
        if (++m_cells > kMaxCsvCells)
            throw IoError("line " + std::to_string(m_record.line) + ": more than "
                          + std::to_string(kMaxCsvCells) + " cells in the table; split the file");
        m_record.fields.push_back(std::move(m_field));
        m_field.clear();
        m_afterClosingQuote = false;
    }

    void endRecord()
    {
        if (m_record.fields.empty() && m_field.empty()) { // a blank line: skipped, and costs nothing
            m_afterClosingQuote = false;
        } else {
            endField();
            m_records.push_back(std::move(m_record));
        }
        m_record = CsvRecord{};
        m_record.line = m_line;
    }

    std::string_view m_text;
    char m_separator;
    std::size_t m_i = 0;
    std::vector<CsvRecord> m_records;
    CsvRecord m_record;
    std::string m_field;
    std::size_t m_line = 1;
    bool m_inQuotes = false;
    bool m_afterClosingQuote = false;
    std::size_t m_quoteLine = 0;
    std::size_t m_cells = 0;
};

} // namespace

std::vector<CsvRecord> parseCsv(std::string_view text, char separator)
{
    if (text.starts_with(kBom))
        text.remove_prefix(kBom.size());
    return CsvParser(text, separator).parse();
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
