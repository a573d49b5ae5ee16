// Indicators on factors and links, and the monitoring plan drafted from a nomination round.
#include "model/monitoringplan.h"

#include "model/nominations.h"

#include <algorithm>
#include <array>

namespace causeway {

struct MonitoringAccess {
    static MonitoringPlan& of(SystemMap& map) { return map.m_plan; }
};

bool isIndicatorFrequency(std::string_view text)
{
    static constexpr std::array<std::string_view, 6> known = {"",         "daily",     "weekly",
                                                              "monthly",  "quarterly", "yearly"};
    return std::find(known.begin(), known.end(), text) != known.end();
}

std::string indicatorProblem(const Indicator& indicator)
{
    if (indicator.name.find_first_not_of(" \t\r\n") == std::string::npos)
        return "An indicator needs a name: the name the figures carry in the data.";
    if (!isIndicatorFrequency(indicator.frequency))
        return "An indicator's frequency is daily, weekly, monthly, quarterly or yearly (or not "
               "stated), not '" + indicator.frequency + "'.";
    return {};
}

const Indicator* findIndicator(const SystemMap& map, ItemRef item)
{
    if (item.isLink()) {
        const Link* link = map.findLink(item.link);
        return link && link->indicator ? &*link->indicator : nullptr;
    }
    const Factor* factor = map.findFactor(item.factor);
    return factor && factor->indicator ? &*factor->indicator : nullptr;
}

std::optional<Indicator> setIndicator(SystemMap& map, ItemRef item, std::optional<Indicator> indicator)
{
    // updateFactor/updateLink check the indicator and throw before changing anything.
    if (item.isLink()) {
        Link link = map.link(item.link);
        link.indicator = std::move(indicator);
        return map.updateLink(link).indicator;
    }
    Factor factor = map.factor(item.factor);
    factor.indicator = std::move(indicator);
    return map.updateFactor(factor).indicator;
}

MonitoringPlan setMonitoringPlan(SystemMap& map, MonitoringPlan plan)
{
    // Items are not required to exist: a plan, like a loop label, outlives the deletion of one of
    // its items and reports it, rather than making the map unsaveable.
    for (const auto* list : {&plan.watch, &plan.review})
        for (ItemRef item : *list)
            if (item.factor.valid() == item.link.valid())
                throw EditError("A monitoring plan item is either a factor or a link.");
    MonitoringPlan old = std::move(MonitoringAccess::of(map));
    MonitoringAccess::of(map) = std::move(plan);
    return old;
}

PlanChange draftMonitoringPlan(const SystemMap& map, std::string_view roundName, int top)
{
    const NominationRound* round = findRound(map, roundName);
    if (!round)
        throw EditError("There is no round called '" + std::string(roundName) + "'.");
    if (!round->ballotsVisible())
        throw EditError("Round '" + round->name + "' is secret and not revealed yet: reveal it "
                        "before drafting a monitoring plan from it.");
    if (top < 1)
        throw EditError("A monitoring plan keeps at least one item (top is " + std::to_string(top) + ").");
    PlanChange change;
    change.before = map.monitoringPlan();
    change.after.round = round->name;
    change.after.extra = change.before.extra;
    for (const TallyRow& row : tallyRound(*round)) {
        const bool exists = row.item.isLink() ? map.contains(row.item.link) : map.contains(row.item.factor);
        if (!exists)
            continue;
        if (row.watch > 0 && row.rank <= top)
            change.after.watch.push_back(row.item);
        else if (row.stop > 0)
            change.after.review.push_back(row.item);
    }
    if (change.after.watch.empty())
        throw EditError("Nobody nominated anything to keep watching in round '" + round->name + "'.");
    for (ItemRef item : change.after.watch) {
        if (findIndicator(map, item))
            continue;
        Indicator indicator;
        indicator.name = itemName(map, item);
        indicator.frequency = "monthly";
        change.indicatorsAdded.push_back(item);
        change.indicators.push_back(std::move(indicator));
    }
    return change;
}

void applyPlanChange(SystemMap& map, const PlanChange& change)
{
    SystemMap edited = map; // all or nothing: edit a copy, then swap it in
    for (std::size_t i = 0; i < change.indicatorsAdded.size(); ++i)
        setIndicator(edited, change.indicatorsAdded[i], change.indicators[i]);
    setMonitoringPlan(edited, change.after);
    map = std::move(edited);
}

void revertPlanChange(SystemMap& map, const PlanChange& change)
{
    SystemMap edited = map;
    for (ItemRef item : change.indicatorsAdded)
        setIndicator(edited, item, std::nullopt);
    setMonitoringPlan(edited, change.before);
    map = std::move(edited);
}

} // namespace causeway
