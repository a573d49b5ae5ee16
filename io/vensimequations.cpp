#include "io/vensimequations.h"

#include "io/importutil.h"

#include <cctype>

namespace causeway::vensim {

namespace {

bool isDelimiter(char c)
{
    return std::string_view("()+-*/^,<>=[]:!;{}&|~\n\r\t").find(c) != std::string_view::npos;
}

// Position of the first `c` outside double quotes and at bracket depth 0, or npos.
std::size_t findTopLevel(std::string_view text, std::string_view chars, std::size_t from = 0)
{
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (depth == 0 && chars.find(c) != std::string_view::npos)
            return i;
        else if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
    }
    return std::string_view::npos;
}

// The first argument of INTEG( ... ), or nullopt when the equation is not a stock's.
std::optional<std::string_view> integRate(std::string_view rhs)
{
    const std::string lowered = importutil::lower(rhs);
    std::size_t at = lowered.find("integ");
    while (at != std::string::npos) {
        const bool wordStart = at == 0 || isDelimiter(lowered[at - 1]) || lowered[at - 1] == ' ';
        std::size_t open = at + 5;
        while (open < lowered.size() && lowered[open] == ' ')
            ++open;
        if (wordStart && open < lowered.size() && lowered[open] == '(') {
            const std::string_view args = rhs.substr(open + 1);
            const std::size_t comma = findTopLevel(args, ",)");
            return args.substr(0, comma == std::string_view::npos ? args.size() : comma);
        }
        at = lowered.find("integ", at + 1);
    }
    return std::nullopt;
}

// Terms of a rate joined by + and - at the top level: a term that is one name gives its sign.
std::map<std::string, int> termSigns(std::string_view rate)
{
    std::map<std::string, int> signs;
    int sign = 1;
    std::size_t start = 0;
    for (;;) {
        const std::size_t op = findTopLevel(rate, "+-", start);
        const std::string term = importutil::trim(rate.substr(start, op == std::string_view::npos ? rate.npos : op - start));
        if (!term.empty()) {
            const std::vector<std::string> refs = references(term);
            const bool single = refs.size() == 1 && findTopLevel(term, "*/^(") == std::string_view::npos;
            if (single)
                signs[refs.front()] = signs.contains(refs.front()) ? 0 : sign;
        }
        if (op == std::string_view::npos)
            break;
        sign = rate[op] == '-' ? -1 : 1;
        start = op + 1;
    }
    return signs;
}

} // namespace

std::string normaliseName(std::string_view name)
{
    return importutil::normaliseModelName(name);
}

std::vector<std::string> references(std::string_view expression)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < expression.size()) {
        const char c = expression[i];
        if (c == '"') {
            const std::size_t end = expression.find('"', i + 1);
            if (end == std::string_view::npos)
                break;
            out.push_back(normaliseName(expression.substr(i + 1, end - i - 1)));
            i = end + 1;
        } else if (isDelimiter(c) || c == ' ') {
            ++i;
        } else {
            const std::size_t start = i;
            while (i < expression.size() && !isDelimiter(expression[i]) && expression[i] != '"')
                ++i;
            const std::string token = normaliseName(expression.substr(start, i - start));
            if (!token.empty() && !std::isdigit(static_cast<unsigned char>(token[0])) && token[0] != '.')
                out.push_back(token);
        }
    }
    return out;
}

std::map<std::string, Equation> parseEquations(std::string_view text)
{
    std::map<std::string, Equation> equations;
    // Continued lines: a backslash at the end of a line joins it to the next.
    std::string joined;
    joined.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            i += (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n') ? 2 : 1;
            continue;
        }
        joined += text[i];
    }
    std::string_view rest = joined;
    if (rest.starts_with("{UTF-8}"))
        rest.remove_prefix(7);
    while (!rest.empty()) {
        // A record: the equation, then "~ units ~ comment", then "|". Units and comments are free
        // text: a bracket or quote left open there ("Land erosion rate (LER#" in World3) must not
        // hide the record's end, so only the equation is read bracket by bracket.
        const std::size_t stop = findTopLevel(rest, "~|");
        const std::size_t bar =
            stop == std::string_view::npos || rest[stop] == '|' ? stop : rest.find('|', stop);
        const std::string_view body = rest.substr(0, stop);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        const std::string trimmed = importutil::trim(body);
        if (trimmed.empty() || trimmed.front() == '*' || trimmed.front() == ':')
            continue; // group headers (****), macros
        const std::size_t split = findTopLevel(body, "=(");
        if (split == std::string_view::npos)
            continue;
        std::string_view lhs = body.substr(0, split);
        if (const std::size_t sub = findTopLevel(lhs, "[:"); sub != std::string_view::npos)
            lhs = lhs.substr(0, sub);
        Equation eq;
        eq.name = importutil::trim(lhs);
        if (eq.name.size() >= 2 && eq.name.front() == '"' && eq.name.back() == '"')
            eq.name = eq.name.substr(1, eq.name.size() - 2);
        const std::string key = normaliseName(eq.name);
        if (key.empty())
            continue;
        if (body[split] == '=') {
            const std::string_view rhs = body.substr(split + 1);
            eq.expression = rhs;
            if (const auto rate = integRate(rhs)) {
                eq.stock = true;
                eq.rateRefs = references(*rate);
                eq.rateSigns = termSigns(*rate);
                eq.expression = *rate;
            }
        } else if (const auto points = equations::vensimLookupPoints(body.substr(split))) {
            eq.lookup = equations::lookupSign(*points); // name( [(x,y)-(x,y)], (x,y), ... )
            eq.outputs = equations::outputsOf(*points);
        }
        equations.emplace(key, std::move(eq));
    }
    return equations;
}

} // namespace causeway::vensim
