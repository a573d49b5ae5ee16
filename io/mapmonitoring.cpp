// Indicators and the monitoring plan as JSON: the native file's "indicator" fields on factors
// and links, and its "monitoring" section (docs/file-format.md).
#include "io/mapdata.h"

#include "io/mapdatareader.h"
#include "io/mapschema.h"
#include "model/monitoringplan.h"

namespace causeway::mapdata {

Json indicatorJson(const Indicator& indicator)
{
    Json j = Json::object();
    j["name"] = indicator.name;
    // Empty details are left out, so a drafted indicator stays one line in a diff.
    const std::pair<const char*, const std::string*> details[] = {
        {"definition", &indicator.definition}, {"unit", &indicator.unit},
        {"source", &indicator.source},         {"frequency", &indicator.frequency},
        {"owner", &indicator.owner}};
    for (const auto& [key, value] : details)
        if (!value->empty())
            j[key] = *value;
    j["higherIsBetter"] = indicator.higherIsBetter;
    mapschema::appendExtra(j, indicator.extra, mapschema::kIndicatorKeys);
    return j;
}

Indicator readIndicator(const Json& object, const std::string& where, const std::string& prefix)
{
    const Reader read{prefix};
    if (!object.is_object())
        read.fail(where, "expected an object {\"name\": ...}, got " + std::string(object.type_name()));
    Indicator indicator;
    if (!read.field(object, "name"))
        read.fail(where + ".name", "missing field (the indicator's name in the data)");
    indicator.name = read.string(object, "name", where);
    indicator.definition = read.string(object, "definition", where);
    indicator.unit = read.string(object, "unit", where);
    indicator.source = read.string(object, "source", where);
    indicator.frequency = read.string(object, "frequency", where);
    indicator.owner = read.string(object, "owner", where);
    indicator.higherIsBetter = read.flag(object, "higherIsBetter", where, true);
    indicator.extra = mapschema::extraFields(object, mapschema::kIndicatorKeys);
    if (std::string problem = indicatorProblem(indicator); !problem.empty())
        read.fail(where + (indicator.frequency.empty() || isIndicatorFrequency(indicator.frequency)
                               ? ".name" : ".frequency"),
                  problem);
    return indicator;
}

Json monitoringJson(const SystemMap& map)
{
    const MonitoringPlan& plan = map.monitoringPlan();
    const ItemCodec byId = itemsById({});
    Json watch = Json::array();
    for (ItemRef item : plan.watch)
        watch.push_back(byId.write(item));
    Json review = Json::array();
    for (ItemRef item : plan.review)
        review.push_back(byId.write(item));
    Json j = {{"round", plan.round}, {"watch", std::move(watch)}, {"review", std::move(review)}};
    mapschema::appendExtra(j, plan.extra, mapschema::kMonitoringKeys);
    return j;
}

void readMonitoring(const Json& object, SystemMap& map, const std::string& prefix)
{
    const Reader read{prefix};
    if (!object.is_object())
        read.fail("monitoring", "expected an object, got " + std::string(object.type_name()));
    const ItemCodec byId = itemsById(prefix);
    MonitoringPlan plan;
    plan.round = read.string(object, "round", "monitoring");
    plan.watch = read.items(object, "watch", "monitoring", byId);
    plan.review = read.items(object, "review", "monitoring", byId);
    plan.extra = mapschema::extraFields(object, mapschema::kMonitoringKeys);
    setMonitoringPlan(map, std::move(plan));
}

} // namespace causeway::mapdata
