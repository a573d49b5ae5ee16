#pragma once

#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Private to io/: the sign of d(variable)/d(input) read from a system dynamics equation (XMILE
// or Vensim), so the importers can sign the dependency links a file draws without a polarity.
// Variables are taken as non-negative, the usual assumption in system dynamics; whatever the
// rules below do not settle comes out Unknown, never a guess.
namespace causeway::equations {

// None: no dependence (or a zero effect); Positive / Negative: weakly increasing / decreasing.
enum class Sign { None, Positive, Negative, Unknown };

enum class Dialect { Xmile, Vensim };

// Equations longer than this, or nested deeper, are not analysed (every input Unknown): a
// hostile file must not exhaust the stack or take long.
inline constexpr std::size_t kMaxEquationLength = std::size_t{64} * 1024;
inline constexpr int kMaxNesting = 300; // parser levels: a bracket costs three

// Where a value lies: [low, high], either end possibly infinite.
struct Range {
    double low = 0;
    double high = std::numeric_limits<double>::infinity();
    bool operator==(const Range&) const = default;
};

struct Context {
    Dialect dialect = Dialect::Xmile;
    // The monotonicity of a lookup (graphical function) called by name, as in Vensim's
    // "effect(x)" or XMILE's "LOOKUP(effect, x)"; nullopt when the name is no lookup.
    std::function<std::optional<Sign>(const std::string& normalisedName)> lookup;
    // Where a name's value lies when the file says more than "non-negative": a constant's
    // number (a zero constant, a switch, only as non-negative), what its equation computes
    // (valueRange), or for a lookup's name its outputs. A range open below (from arithmetic on
    // names) still counts as non-negative, up to its high end: "1 - fraction" is signed when the
    // fraction is known to stay under 1.
    std::function<std::optional<Range>(const std::string& normalisedName)> range;
    // One nesting count for a parse and every parse its names' ranges start (`range` reading
    // other equations), so together they stay within kMaxNesting; none: each parse its own.
    int* nesting = nullptr;
};

// Sign of the expression's derivative for every name it refers to (normalised as the importers
// normalise names). Names missing from the result, and every name of an expression that does
// not parse, are Unknown: read them with signOf.
using Signs = std::map<std::string, Sign>;
Signs dependencySigns(std::string_view expression, const Context& context);
Sign signOf(const Signs& signs, const std::string& normalisedName);

// Where each variable of a model lies, for an importer's Context::range: each read once (the
// importer's `read`, a lookup's outputs or valueRange of its equation), nothing for a variable
// met again while its own equation is read (a loop of auxiliaries), and nothing past a chain of
// kMaxDepth reads, where the variable counts as non-negative and what that read fed is not kept.
// Its nesting() is the one count every parse it starts shares (Context::nesting), so the stack
// stays within kMaxNesting parser levels on any file.
template <class Key>
class VariableRanges {
public:
    static constexpr int kMaxDepth = 64;

    std::optional<Range> get(const Key& key, const std::function<std::optional<Range>()>& read)
    {
        if (const auto known = m_known.find(key); known != m_known.end())
            return known->second;
        if (m_depth >= kMaxDepth) {
            m_capped = true;
            return std::nullopt;
        }
        m_known[key] = std::nullopt; // being read
        const bool cappedBefore = std::exchange(m_capped, false);
        ++m_depth;
        const std::optional<Range> range = read();
        --m_depth;
        if (m_capped) { // read past the cap: not kept, nor what it fed
            m_known.erase(key);
            return range;
        }
        m_capped = cappedBefore;
        return m_known[key] = range;
    }
    int* nesting() { return &m_nesting; }

private:
    std::map<Key, std::optional<Range>> m_known;
    int m_depth = 0;
    bool m_capped = false; // a read since it was cleared went past kMaxDepth
    int m_nesting = 0;     // parser levels open, across nested parses
};

// Where the expression's value lies, names read through context.range (any other name is
// non-negative); nullopt when it does not parse or says nothing (the whole line).
std::optional<Range> valueRange(std::string_view expression, const Context& context);

// The outputs of a lookup: from its lowest y to its highest.
Range outputsOf(const std::vector<std::pair<double, double>>& points);

// Sign of the product of two signs (a lookup's direction times its input's sign).
Sign times(Sign a, Sign b);

// A lookup from its points in x order: Positive when y never falls and rises somewhere,
// Negative when it never rises and falls somewhere, else Unknown (flat or up and down).
Sign lookupSign(const std::vector<std::pair<double, double>>& points);

// The points of a Vensim lookup table: "[(x0,y0)-(x1,y1)],(x,y),(x,y)..." (the range is
// optional, and so are the surrounding parentheses); nullopt when it does not read as one.
std::optional<std::vector<std::pair<double, double>>> vensimLookupPoints(std::string_view text);

} // namespace causeway::equations
