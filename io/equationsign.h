#pragma once

#include <functional>
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

struct Context {
    Dialect dialect = Dialect::Xmile;
    // The monotonicity of a lookup (graphical function) called by name, as in Vensim's
    // "effect(x)" or XMILE's "LOOKUP(effect, x)"; nullopt when the name is no lookup.
    std::function<std::optional<Sign>(const std::string& normalisedName)> lookup;
};

// Sign of the expression's derivative for every name it refers to (normalised as the importers
// normalise names). Names missing from the result, and every name of an expression that does
// not parse, are Unknown: read them with signOf.
using Signs = std::map<std::string, Sign>;
Signs dependencySigns(std::string_view expression, const Context& context);
Sign signOf(const Signs& signs, const std::string& normalisedName);

// Sign of the product of two signs (a lookup's direction times its input's sign).
Sign times(Sign a, Sign b);

// A lookup from its points in x order: Positive when y never falls and rises somewhere,
// Negative when it never rises and falls somewhere, else Unknown (flat or up and down).
Sign lookupSign(const std::vector<std::pair<double, double>>& points);

// The points of a Vensim lookup table: "[(x0,y0)-(x1,y1)],(x,y),(x,y)..." (the range is
// optional, and so are the surrounding parentheses); nullopt when it does not read as one.
std::optional<std::vector<std::pair<double, double>>> vensimLookupPoints(std::string_view text);

} // namespace causeway::equations
