#pragma once

#include "io/equationsign.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// Private to io/importvensim.cpp: what the Vensim importer needs from a model's equations.
// Not an equation parser: it finds each variable's name, the names its equation refers to and,
// for a stock (INTEG), which names its rate refers to and with which sign; the expression
// io/equationsign.h reads link signs from.
namespace causeway::vensim {

// Vensim names: case-insensitive; spaces and underscores equal; quotes not part of the name.
std::string normaliseName(std::string_view name);

// Names an expression refers to, normalised (functions and keywords included: callers keep
// those that are variables).
std::vector<std::string> references(std::string_view expression);

struct Equation {
    std::string name;                  // as written, quotes removed
    bool stock = false;                // INTEG(rate, initial)
    std::vector<std::string> rateRefs; // stocks: names the rate refers to (normalised)
    // Stocks: +1 / -1 for a name that is a whole term of the rate (an inflow / an outflow).
    std::map<std::string, int> rateSigns;
    std::string expression; // what the variable's value follows: its right side, a stock's rate
    std::optional<equations::Sign> lookup; // a lookup table (name(...) or WITH LOOKUP): its direction
    std::optional<equations::Range> outputs; // a lookup table: its lowest and highest y
};

// Equations by normalised name, from the text before the sketch section.
std::map<std::string, Equation> parseEquations(std::string_view text);

} // namespace causeway::vensim
