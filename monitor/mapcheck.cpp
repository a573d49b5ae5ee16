// The whole map's check: data attached to factors and links, then links, factors and loops.
#include "monitor/monitorcheck.h"

#include "model/nominations.h"

#include <cstdio>
#include <set>

namespace causeway {

namespace {

const char* kCaution =
    "These checks look only at whether the figures moved together the way the map says. Moving "
    "together is not proof that one causes the other: a third factor, a change in how figures "
    "were counted, or chance can produce it. Use the verdicts to decide what to discuss.";

std::string formatNumber(const char* format, double value)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string trendText(const Factor& factor, const FactorCheck& check)
{
    const Trend& t = check.trend;
    const std::string name = "'" + factor.label + "'";
    if (t.n < 4)
        return "Too few values for a trend in " + name + " (" + std::to_string(t.n) + "; at least 4 are needed).";
    const std::string p = t.p < 0.001 ? "p < 0.001" : formatNumber("p = %.3f", t.p);
    const std::string numbers = "Mann-Kendall S = " + formatNumber("%.0f", t.s) + ", " + p + ", Sen's slope "
                                + formatNumber("%+.3g", t.senSlope) + " per period, " + std::to_string(t.n) + " values";
    std::string text;
    if (t.direction == 0)
        text = name + " shows no clear trend (" + numbers + ").";
    else
        text = name + (t.direction > 0 ? " rose" : " fell") + " (" + numbers + ")";
    if (t.direction != 0 && factor.indicator)
        text += factor.indicator->higherIsBetter == (t.direction > 0) ? ", the way the organisation wants."
                                                                      : ", against the way the organisation wants.";
    else if (t.direction != 0)
        text += ".";
    const int predicted = check.upstreamAgree + check.upstreamDisagree;
    if (predicted > 0 && t.direction != 0)
        text += " Of its monitored causes with a trend, " + std::to_string(check.upstreamAgree) + " of "
                + std::to_string(predicted) + " predict this direction"
                + (check.upstreamDisagree == 0 ? ", as the map says." : ".");
    return text;
}

std::string loopText(const SystemMap& map, const LoopCheck& check)
{
    std::string names;
    for (FactorId f : check.loop.factors)
        names += (names.empty() ? "" : " -> ") + map.factor(f).label;
    std::string text = std::string(loopPolarityLetter(check.loop.polarity)) + " loop " + names + ": ";
    if (check.monitoredLinks == 0)
        text += "none of its links has enough data yet.";
    else if (check.monitoredLinks == 1)
        text += check.contradicted > 0 ? "its one checked link is contradicted by the data."
                                       : "its one checked link is consistent with the data.";
    else if (check.contradicted > 0)
        text += std::to_string(check.contradicted) + " of its " + std::to_string(check.monitoredLinks)
                + " checked links are contradicted by the data.";
    else
        text += "all " + std::to_string(check.monitoredLinks) + " checked links are consistent with the data.";
    if (check.growTogether)
        text += *check.growTogether ? " Its factors with a trend move together, as a reinforcing loop would."
                                    : " Its factors with a trend do not move together as a reinforcing loop would.";
    return text;
}

// Loops with at least one monitored link: do those links agree, and do a reinforcing loop's
// factors with a trend move together?
std::vector<LoopCheck> checkLoops(const SystemMap& map, const std::map<LinkId, const LinkCheck*>& byLink,
                                  std::map<FactorId, int>& direction, const MonitorOptions& options)
{
    std::vector<LoopCheck> out;
    LoopQuery query;
    query.maxLength = options.maxLoopLength;
    query.limit = options.maxLoops;
    for (const Loop& loop : findLoops(map, query).loops) {
        LoopCheck check;
        check.loop = loop;
        for (LinkId l : loop.links)
            if (const auto it = byLink.find(l); it != byLink.end() && it->second->verdict != Verdict::Insufficient) {
                ++check.monitoredLinks;
                check.consistent += it->second->verdict == Verdict::Consistent;
                check.contradicted += it->second->verdict == Verdict::Contradicted;
            }
        if (check.monitoredLinks == 0)
            continue;
        if (loop.polarity == LoopPolarity::Reinforcing) {
            int trending = 0;
            bool together = true;
            for (FactorId f : loop.factors)
                trending += direction.count(f) && direction[f] != 0;
            for (LinkId l : loop.links) {
                const Link& link = map.link(l);
                const int a = direction.count(link.from) ? direction[link.from] : 0;
                const int b = direction.count(link.to) ? direction[link.to] : 0;
                if (a != 0 && b != 0)
                    together = together && b == a * (link.polarity == Polarity::Negative ? -1 : 1);
            }
            if (trending >= 2)
                check.growTogether = together;
        }
        check.text = loopText(map, check);
        out.push_back(std::move(check));
    }
    return out;
}

} // namespace

std::optional<ItemRef> resolveIndicatorName(const SystemMap& map, std::string_view name)
{
    for (const Factor& f : map.factors())
        if (f.indicator && f.indicator->name == name)
            return ItemRef::of(f.id);
    for (const Link& l : map.links())
        if (l.indicator && l.indicator->name == name)
            return ItemRef::of(l.id);
    // A label (or "From -> To") stands for an item only while the item has no indicator of its own.
    if (const auto item = findItemByName(map, name)) {
        const bool hasIndicator = item->isLink() ? map.link(item->link).indicator.has_value()
                                                 : map.factor(item->factor).indicator.has_value();
        if (!hasIndicator)
            return item;
    }
    return std::nullopt;
}

std::map<ItemRef, const Series*> attachSeries(const SystemMap& map, const SeriesSet& series)
{
    std::map<ItemRef, const Series*> out;
    for (const auto& [name, s] : series)
        if (const auto item = resolveIndicatorName(map, name))
            out.emplace(*item, &s);
    return out;
}

MonitorReport checkMap(const SystemMap& map, const SeriesSet& series, const MonitorOptions& options)
{
    MonitorReport report;
    report.caution = kCaution;
    const auto attached = attachSeries(map, series);
    for (const auto& [name, s] : series)
        if (!resolveIndicatorName(map, name))
            report.unmatched.push_back(name);
    auto seriesOf = [&](FactorId id) -> const Series* {
        const auto it = attached.find(ItemRef::of(id));
        return it == attached.end() ? nullptr : it->second;
    };

    std::map<LinkId, const LinkCheck*> byLink;
    for (const Link& link : map.links()) {
        const Series* cause = seriesOf(link.from);
        const Series* effect = seriesOf(link.to);
        if (!cause || !effect || link.from == link.to)
            continue;
        LinkCheck check = checkLink(link, *cause, *effect, options);
        check.text = describeLinkCheck(map, check);
        report.links.push_back(std::move(check));
    }
    for (const LinkCheck& c : report.links)
        byLink.emplace(c.link, &c);

    std::map<FactorId, int> direction;
    for (const Factor& factor : map.factors())
        if (const Series* s = seriesOf(factor.id)) {
            FactorCheck check;
            check.factor = factor.id;
            check.indicator = s->indicator;
            check.trend = mannKendall(*s, options.maxTrendPoints);
            direction[factor.id] = check.trend.direction;
            report.factors.push_back(std::move(check));
        }
    for (FactorCheck& check : report.factors) {
        for (LinkId in : map.inLinks(check.factor)) {
            const Link& link = map.link(in);
            const int cause = direction.count(link.from) ? direction[link.from] : 0;
            if (cause == 0 || check.trend.direction == 0 || link.polarity == Polarity::Unknown || link.from == link.to)
                continue;
            const int predicted = cause * (link.polarity == Polarity::Negative ? -1 : 1);
            ++(predicted == check.trend.direction ? check.upstreamAgree : check.upstreamDisagree);
        }
        check.text = trendText(map.factor(check.factor), check);
    }

    report.loops = checkLoops(map, byLink, direction, options);
    return report;
}

} // namespace causeway
