#pragma once

#include "model/nomination.h"

#include <string>
#include <vector>

namespace causeway {

// What an organisation measures to keep track of a factor or a link after the workshop: the
// figure's name (how it appears in the data), what it counts, and who keeps it.
struct Indicator {
    std::string name;       // matched against the data's indicator names; not blank
    std::string definition; // what is counted, and how
    std::string unit;       // "clients a month", "%"
    std::string source;     // where the figure comes from
    std::string frequency;  // "", "daily", "weekly", "monthly", "quarterly" or "yearly"
    std::string owner;      // who reports it
    bool higherIsBetter = true;
    std::string extra; // unknown fields (JSON object text), see Factor::extra
    bool operator==(const Indicator&) const = default;
};

// The frequencies an indicator may name ("" means not stated).
bool isIndicatorFrequency(std::string_view text);
// Why the indicator cannot be kept ("an indicator needs a name"), or "" when it can.
std::string indicatorProblem(const Indicator& indicator);

// The draft of what to monitor: the items to keep watching (each carries an indicator) and the
// items participants said the organisation could stop watching, kept as a list to review.
struct MonitoringPlan {
    std::string round;           // the nomination round it was drafted from ("" if none)
    std::vector<ItemRef> watch;  // in tally order
    std::vector<ItemRef> review; // stop nominations, to review before dropping anything
    std::string extra;
    bool empty() const { return round.empty() && watch.empty() && review.empty() && extra.empty(); }
    bool operator==(const MonitoringPlan&) const = default;
};

} // namespace causeway
