// Indicator and monitoring plan edits as single undo steps of the Document.
#include "app/monitor/monitoredits.h"

#include "app/document/document.h"
#include "model/monitoringplan.h"

#include <exception>
#include <vector>

namespace causeway {

namespace {

// The change that gives `item` the indicator `indicator`.
MapChange indicatorChange(const SystemMap& map, ItemRef item, std::optional<Indicator> indicator)
{
    if (item.isLink()) {
        Link after = map.link(item.link);
        after.indicator = std::move(indicator);
        return change::UpdateLink{map.link(item.link), after};
    }
    Factor after = map.factor(item.factor);
    after.indicator = std::move(indicator);
    return change::UpdateFactor{map.factor(item.factor), after};
}

bool exists(const SystemMap& map, ItemRef item)
{
    return item.isLink() ? map.contains(item.link) : map.contains(item.factor);
}

} // namespace

bool setItemIndicator(Document* document, ItemRef item, std::optional<Indicator> indicator, QString* error)
{
    const SystemMap& map = document->map();
    if (!exists(map, item)) {
        *error = QObject::tr("That factor or link is no longer on the map.");
        return false;
    }
    if (indicator) {
        const std::string problem = indicatorProblem(*indicator);
        if (!problem.empty()) {
            *error = QString::fromStdString(problem);
            return false;
        }
    }
    const bool had = item.isLink() ? map.link(item.link).indicator.has_value()
                                   : map.factor(item.factor).indicator.has_value();
    const QString name = !indicator ? QObject::tr("Remove Indicator")
                         : had      ? QObject::tr("Edit Indicator")
                                    : QObject::tr("Add Indicator");
    if (!document->applyChanges(name, {indicatorChange(map, item, std::move(indicator))})) {
        *error = QObject::tr("The indicator was not changed.");
        return false;
    }
    return true;
}

bool draftPlanFromRound(Document* document, const QString& round, int top, QString* error)
{
    const SystemMap& map = document->map();
    PlanChange draft;
    try {
        draft = draftMonitoringPlan(map, round.toStdString(), top);
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    std::vector<MapChange> changes;
    for (std::size_t i = 0; i < draft.indicatorsAdded.size(); ++i)
        changes.push_back(indicatorChange(map, draft.indicatorsAdded[i], draft.indicators[i]));
    MapData before = mapDataOf(map);
    MapData after = before;
    after.plan = draft.after;
    changes.push_back(change::UpdateMapData{std::move(before), std::move(after)});
    if (!document->applyChanges(QObject::tr("Draft Monitoring Plan"), std::move(changes))) {
        *error = QObject::tr("The monitoring plan was not changed.");
        return false;
    }
    return true;
}

} // namespace causeway
