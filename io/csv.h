#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace causeway {

// One record of a CSV table and the line it starts on (1-based), so messages can point at it.
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// RFC 4180: comma-separated, fields optionally in double quotes, "" inside quotes is one quote,
// quoted fields may hold commas and line breaks. Also accepts what spreadsheets write in
// practice: a UTF-8 byte order mark, CRLF, LF or lone CR line ends, a missing final line end.
// Blank lines are skipped. `separator` is ',' unless the caller detected another.
// Throws IoError ("line 4: unterminated quote") for a quote that never closes or text after
// a closing quote.
std::vector<CsvRecord> parseCsv(std::string_view text, char separator = ',');

// The separator a table's header line uses: ',' unless the first line has none but has ';' or
// a tab (spreadsheets in many locales write ';').
char detectCsvSeparator(std::string_view text);

// Quotes a field when it needs it (separator, quote, line break, leading/trailing space). A cell
// a spreadsheet would run as a formula (first character, after any single quotes, one of
// = + - @ tab CR) is neutralised as OWASP recommends: one more single quote in front, and the
// field in double quotes. csvCellText undoes it exactly.
std::string csvField(std::string_view value, char separator = ',');
// Without the neutralising: for cells the program generates from a closed set (the polarity
// symbols + - ?), which readers expect as they are and no spreadsheet runs.
std::string csvFieldVerbatim(std::string_view value, char separator = ',');
// A whole record with CRLF line end, as RFC 4180 asks; columns listed in `verbatimColumns`
// (0-based) are written with csvFieldVerbatim, all others with csvField.
std::string csvRow(const std::vector<std::string>& fields, char separator = ',',
                   std::initializer_list<std::size_t> verbatimColumns = {});
// The text a cell written by csvField stands for ("'=x" -> "=x"); any other cell as it is.
// Readers of Causeway's own tables call it on each cell.
std::string csvCellText(std::string_view cell);

} // namespace causeway
