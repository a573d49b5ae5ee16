#pragma once

#include "model/loops.h"
#include "model/nomination.h"
#include "model/systemmap.h"
#include "monitor/series.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace causeway {

// Does what happened agree with the map? Co-movement only: agreement is evidence that the data
// are consistent with a link, never proof that one factor causes the other.

enum class Verdict { Consistent, Contradicted, Insufficient };
const char* verdictName(Verdict v); // "consistent", "contradicted", "insufficient"

// Exact two-sided sign test: `agree` of `n` paired changes agreed; under "no relation" each
// agrees with probability 1/2. p = min(1, 2 * min(P(X <= agree), P(X >= agree))), X ~ B(n, 1/2).
double signTestP(int agree, int n);

struct MonitorOptions {
    int minPairs = 6;     // fewer paired changes than this: insufficient
    int maxLag = 3;       // delayed links try lags 0..maxLag periods; others lag 0 only
    double alpha = 0.05;  // p below this counts as more than chance
    std::size_t maxLoops = 200;      // the shortest loops checked
    std::size_t maxLoopLength = 8;
    std::size_t maxTrendPoints = 2000; // Mann-Kendall on the latest this many (it is quadratic)
};

struct LinkCheck {
    LinkId link;
    Verdict verdict = Verdict::Insufficient;
    int pairs = 0;      // paired changes with both signs non-zero, at the chosen lag
    int agree = 0;      // of those, how many agree with the link's polarity
    int ties = 0;       // paired changes where either side did not move (left out)
    int gaps = 0;       // missing (or irregularly dated) periods in either series: changes across them are left out
    double agreement = 0; // agree / pairs
    double p = 1;       // sign test, times the number of lags tried (Bonferroni), at most 1
    int lag = 0;        // periods between a change in the cause and the change it predicts
    int lagsTried = 1;
    bool supported = false; // consistent, and more agreement than chance would give
    bool differentFrequencies = false; // cause and effect are counted by different periods: nothing to pair
    std::string text;   // plain language, with the numbers
};

struct Trend {
    int n = 0;          // values used
    double s = 0;       // Mann-Kendall S
    double z = 0;
    double p = 1;       // two-sided, normal approximation with tie and continuity corrections
    double senSlope = 0; // median change per period
    int direction = 0;  // +1 rising, -1 falling (p < 0.05), 0 no clear trend (or fewer than 4 values)
};
Trend mannKendall(const Series& series, std::size_t maxPoints = 2000);

struct FactorCheck {
    FactorId factor;
    std::string indicator;
    Trend trend;
    int upstreamAgree = 0;    // monitored causes with a trend that predict this factor's trend
    int upstreamDisagree = 0; // ... that predict the opposite
    std::string text;
};

struct LoopCheck {
    Loop loop;
    int monitoredLinks = 0; // links with a verdict other than insufficient
    int consistent = 0;
    int contradicted = 0;
    // Reinforcing loops: whether the factors with a trend move as the loop predicts (each
    // following its cause by the link's polarity); nullopt when fewer than two factors trend.
    std::optional<bool> growTogether;
    std::string text;
};

// Which series each item is measured by: an item's indicator name, or, for an item without an
// indicator, its label ("From -> To" for a link).
std::map<ItemRef, const Series*> attachSeries(const SystemMap& map, const SeriesSet& series);
// The item a data indicator name refers to, by the rule above.
std::optional<ItemRef> resolveIndicatorName(const SystemMap& map, std::string_view name);

struct MonitorReport {
    std::vector<LinkCheck> links;     // every link with data at both ends, in link id order
    std::vector<FactorCheck> factors; // every factor with data
    std::vector<LoopCheck> loops;     // loops with at least one monitored link
    std::vector<std::string> unmatched; // data indicators that name nothing on the map
    std::string caution;              // the co-movement caveat, to print with any report
};
MonitorReport checkMap(const SystemMap& map, const SeriesSet& series, const MonitorOptions& options = {});

// The link check alone, for a cause and an effect series (its text is left empty).
LinkCheck checkLink(const Link& link, const Series& cause, const Series& effect,
                    const MonitorOptions& options = {});
// The plain-language sentence for a link check, naming the factors.
std::string describeLinkCheck(const SystemMap& map, const LinkCheck& check);

} // namespace causeway
