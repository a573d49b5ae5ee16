// The link check: do period-to-period changes of cause and effect agree with the link's sign?
#include "monitor/monitorcheck.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace causeway {

namespace {

// The sign of each change between observations exactly one step apart, by the later period's
// index; changes across a missing period are counted, never bridged.
struct Changes {
    std::unordered_map<std::int64_t, int> sign;
    int gaps = 0;
};

Changes changesOf(const Series& series, std::int64_t step)
{
    Changes out;
    for (std::size_t i = 1; i < series.points.size(); ++i) {
        const Observation& a = series.points[i - 1];
        const Observation& b = series.points[i];
        if (b.period.index - a.period.index != step) {
            // Missing periods between them (or an irregular date): their changes are unknown.
            out.gaps += static_cast<int>(std::max<std::int64_t>(1, (b.period.index - a.period.index) / step - 1));
            continue;
        }
        const double d = b.value - a.value;
        out.sign.emplace(b.period.index, (d > 0) - (d < 0));
    }
    return out;
}

std::string percent(double share)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100);
    return buffer;
}

std::string pText(double p)
{
    char buffer[32];
    if (p < 0.001)
        return "p < 0.001";
    std::snprintf(buffer, sizeof buffer, "p = %.3f", p);
    return buffer;
}

} // namespace

const char* verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Consistent: return "consistent";
    case Verdict::Contradicted: return "contradicted";
    case Verdict::Insufficient: return "insufficient";
    }
    return "insufficient";
}

LinkCheck checkLink(const Link& link, const Series& cause, const Series& effect, const MonitorOptions& options)
{
    LinkCheck check;
    check.link = link.id;
    if (cause.points.empty() || effect.points.empty()
        || cause.points.front().period.granularity != effect.points.front().period.granularity
        || cause.step() != effect.step()) {
        check.differentFrequencies = true; // no changes can be paired
        return check;
    }
    const std::int64_t step = cause.step();
    const Changes c = changesOf(cause, step);
    const Changes e = changesOf(effect, step);
    const int sign = link.polarity == Polarity::Negative ? -1 : 1;
    const int maxLag = link.delay ? std::max(0, options.maxLag) : 0;
    check.lagsTried = maxLag + 1;
    check.gaps = c.gaps + e.gaps;
    const LinkCheck base = check;
    bool chosen = false;
    for (int lag = 0; lag <= maxLag; ++lag) {
        LinkCheck here = base;
        here.lag = lag;
        for (const auto& [t, dc] : c.sign) {
            const auto it = e.sign.find(t + lag * step);
            if (it == e.sign.end())
                continue;
            if (dc == 0 || it->second == 0) {
                ++here.ties;
                continue;
            }
            ++here.pairs;
            here.agree += dc * sign == it->second;
        }
        here.agreement = here.pairs ? static_cast<double>(here.agree) / here.pairs : 0;
        // The lag that reads the data most in the map's favour: if even that one disagrees, the
        // link is contradicted. The p-value pays for the choice (Bonferroni over the lags tried).
        const bool enough = here.pairs >= options.minPairs;
        const bool checkEnough = check.pairs >= options.minPairs;
        if (!chosen || (enough && !checkEnough) || (enough == checkEnough && here.agreement > check.agreement)) {
            check = here;
            chosen = true;
        }
    }
    check.p = std::min(1.0, signTestP(check.agree, check.pairs) * check.lagsTried);
    if (link.polarity == Polarity::Unknown || check.pairs < options.minPairs)
        check.verdict = Verdict::Insufficient;
    else if (check.agreement < 0.5 && check.p < options.alpha)
        check.verdict = Verdict::Contradicted;
    else
        check.verdict = Verdict::Consistent;
    check.supported = check.verdict == Verdict::Consistent && check.agreement > 0.5 && check.p < options.alpha;
    return check;
}

std::string describeLinkCheck(const SystemMap& map, const LinkCheck& check)
{
    const Link* link = map.findLink(check.link);
    if (!link)
        return {};
    const std::string cause = "'" + map.factor(link->from).label + "'";
    const std::string effect = "'" + map.factor(link->to).label + "'";
    const std::string numbers = std::to_string(check.agree) + " of " + std::to_string(check.pairs)
                                + " paired changes (" + percent(check.agreement) + ", " + pText(check.p) + ")";
    const std::string when = check.lag == 0 ? "in the same period"
                             : check.lag == 1 ? "one period later"
                                              : std::to_string(check.lag) + " periods later";
    const std::string expected = link->polarity == Polarity::Negative ? "the opposite way" : "the same way";
    std::string text;
    if (link->polarity == Polarity::Unknown)
        text = "The map gives no direction for " + cause + " -> " + effect + " (?), so the data cannot "
               "confirm or contradict it.";
    else if (check.differentFrequencies)
        text = "No check for " + cause + " -> " + effect + ": their figures are counted by different periods "
               "(say, monthly and quarterly), so their changes cannot be paired.";
    else if (check.verdict == Verdict::Insufficient)
        text = "Not enough data for " + cause + " -> " + effect + ": " + std::to_string(check.pairs)
               + " paired changes, and at least 6 are needed.";
    else if (check.verdict == Verdict::Contradicted)
        text = "The data contradict " + cause + " -> " + effect + ": " + effect + " moved " + expected
               + " as " + cause + " (" + when + ") in only " + numbers
               + ". Worth discussing: is the link wrong, slower than thought, or outweighed by another cause?";
    else if (check.supported)
        text = "The data agree with " + cause + " -> " + effect + ": " + effect + " moved " + expected
               + " as " + cause + " (" + when + ") in " + numbers + ".";
    else
        text = "Not contradicted: " + effect + " moved " + expected + " as " + cause + " (" + when
               + ") in " + numbers + ", which could happen by chance.";
    if (check.gaps > 0)
        text += " " + std::string(check.gaps == 1 ? "One period is" : std::to_string(check.gaps) + " periods are")
                + " missing or irregular: changes across them were left out, not filled in.";
    if (check.lagsTried > 1)
        text += " The link is delayed: lags of 0 to " + std::to_string(check.lagsTried - 1)
                + " periods were tried and the p-value allows for that.";
    return text;
}

} // namespace causeway
