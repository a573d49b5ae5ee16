// Shapes text with HarfBuzz on FreeType faces that fontconfig finds: DejaVu Sans, and for
// characters it lacks, the font fontconfig falls back to. Internal to layout/textmetrics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace causeway::text {

// Decodes one code point of UTF-8 and advances `i`; a malformed sequence gives U+FFFD and one byte.
char32_t nextCodePoint(std::string_view s, std::size_t& i);

// Vertical metrics of the primary face, in ems.
struct LineMetrics {
    double ascent = 0;
    double descent = 0;
    double lineGap = 0;
};

LineMetrics lineMetrics(bool bold);

// The advance of `utf8` shaped as one line, in ems. Thread-safe; results are cached.
double shapedWidth(std::string_view utf8, bool bold);

// The families of the faces that draw `utf8`, in order of first use.
std::vector<std::string> familiesUsed(std::string_view utf8, bool bold);

} // namespace causeway::text
