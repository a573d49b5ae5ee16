#pragma once

#include "model/indicator.h"
#include "model/systemmap.h"

#include <optional>
#include <string_view>
#include <vector>

namespace causeway {

// Edits of indicators and of the monitoring plan. Like SystemMap's mutators each returns what
// undo needs and throws EditError, leaving the map unchanged, when it refuses.

// Sets (or, with nullopt, removes) the indicator of a factor or link; returns the previous one.
std::optional<Indicator> setIndicator(SystemMap& map, ItemRef item, std::optional<Indicator> indicator);
const Indicator* findIndicator(const SystemMap& map, ItemRef item);
// Replaces the plan (its items must exist); returns the previous one.
MonitoringPlan setMonitoringPlan(SystemMap& map, MonitoringPlan plan);

// What applying a drafted plan changed, so it can be undone in one step.
struct PlanChange {
    MonitoringPlan before;
    MonitoringPlan after;
    // Items that got a new indicator (they had none before); undo removes them again.
    std::vector<ItemRef> indicatorsAdded;
    std::vector<Indicator> indicators; // the indicators added, same order
};

// Drafts a plan from a revealed round: its watch items ranked within the first `top` places
// (ties kept, so `top` 3 can give four items), and its stop items as the list to review. Items
// without an indicator get a draft one named after the item (the factor label, "From -> To" for
// a link), monthly, higher is better; existing indicators are kept. Throws EditError for an
// unknown round, a secret round not yet revealed, or a round nobody nominated anything in.
PlanChange draftMonitoringPlan(const SystemMap& map, std::string_view round, int top);
// Applies a draft (all or nothing) and undoes it.
void applyPlanChange(SystemMap& map, const PlanChange& change);
void revertPlanChange(SystemMap& map, const PlanChange& change);

} // namespace causeway
