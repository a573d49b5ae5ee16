// Reads a Vensim sketch section into records (see vensimsketch.h); what they mean for the map
// is importvensim.cpp's business.
#include "io/vensimsketch.h"

#include "io/importutil.h"
#include "io/ioerror.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace causeway::vensim {

namespace {

std::vector<std::string> splitFields(std::string_view line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted)
            fields.emplace_back();
        else
            fields.back() += c;
    }
    return fields;
}

std::optional<double> toNumber(const std::string& text)
{
    return importutil::parseNumber(text);
}

int toInt(const std::string& text)
{
    const auto value = toNumber(text);
    return value && std::abs(*value) < 1e9 ? int(*value) : 0;
}

class SketchParser {
public:
    explicit SketchParser(std::string_view text) : m_text(text) {}

    Sketch parse(std::size_t marker)
    {
        parseSketch(marker);
        return std::move(m_sketch);
    }

private:
    using Record = SketchRecord;
    static std::string lineName(std::size_t line) { return "line " + std::to_string(line); }

    void parseSketch(std::size_t marker)
    {
        std::size_t lineNo = 1 + std::size_t(std::count(m_text.begin(), m_text.begin() + std::ptrdiff_t(marker), '\n'));
        std::size_t pos = marker;
        bool expectText = false;
        while (pos < m_text.size()) {
            std::string_view line = nextLine(pos);
            const std::size_t current = lineNo++;
            if (expectText) { // the text of the comment before
                m_sketch.views.back().records.back().name = importutil::trim(line);
                expectText = false;
                continue;
            }
            if (line.starts_with("\\\\\\---///")) {
                m_sketch.views.emplace_back();
                continue;
            }
            if (line.starts_with("///---\\\\\\")) {
                m_sketch.closed = true;
                break; // the settings that follow the sketch are not part of the map
            }
            if (line.starts_with("V160") || line.starts_with("V200"))
                m_sketch.legacy = true;
            if (m_sketch.legacy && (line.starts_with('|') || line.starts_with('>'))) {
                std::vector<std::string> fields = splitFields(line.substr(1));
                // A comment's text on lines of its own: '|14,"', the text, then ',450,66,...'.
                if (fields.size() == 2 && fields[1] == "\"") {
                    std::string textLines;
                    std::string_view next;
                    while (pos < m_text.size() && !(next = nextLine(pos)).starts_with(',')) {
                        textLines += std::string(textLines.empty() ? "" : "\n") + std::string(next);
                        ++lineNo;
                    }
                    ++lineNo;
                    fields = splitFields(next);
                    fields.front() = textLines;
                    fields.insert(fields.begin(), splitFields(line.substr(1)).front());
                }
                parseLegacyRecord(line[0], fields, line, current);
                continue;
            }
            if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0])))
                continue; // V300, *View, $ style lines
            expectText = parseRecord(line, current);
        }
    }

    std::string_view nextLine(std::size_t& pos) const
    {
        std::size_t end = m_text.find('\n', pos);
        if (end == std::string_view::npos)
            end = m_text.size();
        std::string_view line = m_text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        pos = end + 1;
        return line;
    }

    // Sketches saved by Vensim before version 3 (header V160): "|id,name,x,y,w,h,shape,..." for
    // variables (shape 0) and comments, ">from,to,shape,hid,pol,..." for arrows, laid out as
    // today's records so the rest of the reader is shared.
    void parseLegacyRecord(char kind, const std::vector<std::string>& f, std::string_view line,
                           std::size_t lineNo)
    {
        Record r;
        r.line = lineNo;
        if (kind == '>') {
            if (f.size() < 2 || !toNumber(f[0]) || !toNumber(f[1]))
                throw IoError(lineName(lineNo) + ": arrow record '" + std::string(line.substr(0, 40))
                              + "' does not start with two variable numbers");
            r.type = 1;
            r.id = int(m_legacyArrows++);
            for (std::size_t i = 0; i < f.size() && i < 10; ++i)
                r.numbers.push_back(toInt(f[i]));
        } else {
            const auto x = f.size() >= 4 ? toNumber(f[2]) : std::nullopt;
            const auto y = f.size() >= 4 ? toNumber(f[3]) : std::nullopt;
            if (!x || !y || !toNumber(f[0]))
                throw IoError(lineName(lineNo) + ": sketch record '" + std::string(line.substr(0, 40))
                              + "' is not id, name, x, y, ...");
            r.id = toInt(f[0]);
            r.name = f[1];
            r.x = *x;
            r.y = *y;
            // The shape field's bits, as read from FREE's energy_pos_loop.mdl: 3 a box (a stock),
            // 32 (and 40) the name beside a valve (a flow), 39 the valve itself, 4 or 5 a framed
            // comment (a loop marker); a cloud is shape 0 with bit 128 in the next field. Any
            // other shape with 4 is a comment; without, a variable.
            const int shape = f.size() > 6 ? toInt(f[6]) : 0;
            const int flags = f.size() > 7 ? toInt(f[7]) : 0;
            const bool cloud = shape == 0 && (flags & 128) != 0;
            r.type = shape == 39 ? 11 : (shape & 4) || cloud ? 12 : 10;
            if (r.type == 12)
                r.name = cloud ? "48" : importutil::trim(labelOf(r)); // "48": a cloud, as in V300
            // w, h, shape, bits: bits 1 marks an original (not a ghost copy), as in V300.
            r.numbers = {f.size() > 4 ? toInt(f[4]) : 0, f.size() > 5 ? toInt(f[5]) : 0, shape, 1};
        }
        if (m_sketch.views.empty())
            m_sketch.views.emplace_back();
        m_sketch.views.back().records.push_back(std::move(r));
    }

    // Returns true when the record's text follows on the next line.
    bool parseRecord(std::string_view line, std::size_t lineNo)
    {
        const std::vector<std::string> f = splitFields(line);
        Record r;
        r.type = toInt(f[0]);
        r.line = lineNo;
        if (r.type != 1 && r.type != 10 && r.type != 11 && r.type != 12)
            return false; // bitmaps, metafiles, ...
        const std::size_t needed = r.type == 1 ? 4 : 5;
        if (f.size() < needed || !toNumber(f[1]))
            throw IoError(lineName(lineNo) + ": sketch record of type " + std::to_string(r.type)
                          + " has " + std::to_string(f.size()) + " fields, expected at least "
                          + std::to_string(needed));
        r.id = toInt(f[1]);
        if (r.type == 1) {
            for (std::size_t i = 2; i < f.size() && i < 12; ++i)
                r.numbers.push_back(toInt(f[i]));
        } else {
            r.name = f[2];
            const auto x = toNumber(f[3]);
            const auto y = toNumber(f[4]);
            if (!x || !y)
                throw IoError(lineName(lineNo) + ": position '" + f[3] + "," + f[4]
                              + "' is not a pair of numbers");
            r.x = *x;
            r.y = *y;
            for (std::size_t i = 5; i < f.size() && i < 12; ++i)
                r.numbers.push_back(toInt(f[i]));
        }
        if (m_sketch.views.empty())
            m_sketch.views.emplace_back();
        m_sketch.views.back().records.push_back(std::move(r));
        const Record& added = m_sketch.views.back().records.back();
        // numbers[3] is the bits field of a comment (w, h, shape, bits).
        return added.type == 12 && (added.field(3) & 4) != 0;
    }

    std::string_view m_text;
    Sketch m_sketch;
    std::size_t m_legacyArrows = 0;
};

} // namespace

std::string labelOf(const SketchRecord& r)
{
    std::string label = importutil::trim(r.name);
    if (label.size() >= 2 && label.front() == '"' && label.back() == '"')
        label = label.substr(1, label.size() - 2);
    // Vensim escapes line breaks in names as \n.
    for (std::size_t at = label.find("\\n"); at != std::string::npos; at = label.find("\\n", at))
        label.replace(at, 2, " ");
    return label;
}

Sketch parseSketch(std::string_view text, std::size_t marker)
{
    return SketchParser(text).parse(marker);
}

} // namespace causeway::vensim
