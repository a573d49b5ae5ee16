#include "app/present/walkthrough.h"

#include "model/looplabels.h"

#include <QStringList>

#include <algorithm>

namespace causeway::present {

namespace {
QString label(const SystemMap& map, FactorId id)
{
    const Factor* f = map.findFactor(id);
    return f ? QString::fromStdString(f->label) : QStringLiteral("?");
}
} // namespace

QString linkCaption(const SystemMap& map, LinkId id)
{
    const Link* link = map.findLink(id);
    if (!link)
        return {};
    QString effect;
    QString sign;
    switch (link->polarity) {
    case Polarity::Positive: effect = QStringLiteral("more"); sign = QStringLiteral("+"); break;
    case Polarity::Negative: effect = QStringLiteral("less"); sign = QString(QChar(0x2212)); break;
    case Polarity::Unknown: effect = QStringLiteral("changes"); sign = QStringLiteral("?"); break;
    }
    if (link->delay)
        sign += QStringLiteral(", delayed");
    return QStringLiteral("More %1 \u2192 %2 %3 (%4)")
        .arg(label(map, link->from), effect, label(map, link->to), sign);
}

QString polarityWord(LoopPolarity polarity)
{
    switch (polarity) {
    case LoopPolarity::Reinforcing: return QStringLiteral("reinforcing");
    case LoopPolarity::Balancing: return QStringLiteral("balancing");
    case LoopPolarity::Unknown: break;
    }
    return QStringLiteral("of unknown polarity");
}

QString loopVerdict(const SystemMap& map, const Loop& loop, bool clockwise, const QString& name)
{
    const auto delays = std::count_if(loop.links.begin(), loop.links.end(), [&](LinkId id) {
        const Link* link = map.findLink(id);
        return link && link->delay;
    });
    const QString delayText = delays == 0   ? QStringLiteral("no delays")
                              : delays == 1 ? QStringLiteral("1 delay")
                                            : QStringLiteral("%1 delays").arg(delays);
    QString verdict = QStringLiteral("%1 %2 loop \u00B7 turns %3 \u00B7 %4")
                          .arg(QLatin1String(loopPolarityLetter(loop.polarity)),
                               polarityWord(loop.polarity),
                               clockwise ? QStringLiteral("clockwise")
                                         : QStringLiteral("counter-clockwise"),
                               delayText);
    return name.isEmpty() ? verdict : name + QStringLiteral(": ") + verdict;
}

std::vector<PresentedLoop> namedLoops(const SystemMap& map, std::size_t limit)
{
    std::vector<PresentedLoop> loops;
    for (const LoopLabel& label : map.loopLabels())
        if (auto loop = loopOfLabel(map, label); loop && loops.size() < limit)
            loops.push_back({*loop, QString::fromStdString(label.name)});
    return loops;
}

std::vector<PresentedLoop> presentationLoops(const SystemMap& map, std::size_t limit,
                                             bool* truncated, const std::atomic<bool>* cancel)
{
    std::vector<PresentedLoop> loops = namedLoops(map, limit);
    LoopQuery query;
    query.limit = limit + loops.size(); // the named ones come round again
    query.cancel = cancel;
    const LoopResult found = findLoops(map, query);
    for (const Loop& loop : found.loops) {
        if (loops.size() >= limit)
            break;
        const bool named = std::any_of(loops.begin(), loops.end(),
                                       [&](const PresentedLoop& p) { return p.loop == loop; });
        if (!named)
            loops.push_back({loop, {}});
    }
    if (truncated)
        *truncated = found.truncated || loops.size() >= limit;
    return loops;
}

Deck::Deck(std::vector<PresentedLoop> loops) : m_loops(std::move(loops))
{
    m_slides.push_back({});
    for (std::size_t i = 0; i < m_loops.size(); ++i)
        for (int step = 1; step <= int(m_loops[i].loop.length()) + 1; ++step)
            m_slides.push_back({int(i), step});
}

int Deck::indexOf(Slide slide) const
{
    const auto it = std::find(m_slides.begin(), m_slides.end(), slide);
    return it == m_slides.end() ? -1 : int(it - m_slides.begin());
}

Lit litForStep(const Loop& loop, int step)
{
    Lit lit;
    const int n = int(loop.length());
    const int links = std::clamp(step, 0, n);
    for (int i = 0; i < links; ++i) {
        lit.links.insert(loop.links[std::size_t(i)]);
        lit.factors.insert(loop.factors[std::size_t(i)]);
        lit.factors.insert(loop.factors[std::size_t((i + 1) % n)]);
    }
    if (links == 0 && n > 0)
        lit.factors.insert(loop.factors.front());
    return lit;
}

Lit neighbourhood(const SystemMap& map, FactorId centre, int steps)
{
    Lit lit;
    if (!map.contains(centre))
        return lit;
    lit.factors.insert(centre);
    // Causes upstream and effects downstream, each `steps` links out.
    for (const bool downstream : {true, false}) {
        std::set<FactorId> frontier{centre};
        for (int s = 0; s < steps; ++s) {
            std::set<FactorId> next;
            for (FactorId f : frontier)
                for (LinkId id : downstream ? map.outLinks(f) : map.inLinks(f)) {
                    const Link* link = map.findLink(id);
                    lit.links.insert(id);
                    const FactorId other = downstream ? link->to : link->from;
                    if (lit.factors.insert(other).second)
                        next.insert(other);
                }
            frontier = std::move(next);
        }
    }
    return lit;
}

QString focusCaption(const SystemMap& map, FactorId centre)
{
    QStringList causes;
    QStringList effects;
    for (LinkId id : map.inLinks(centre))
        if (const Link* link = map.findLink(id); link && link->from != centre)
            causes << label(map, link->from);
    for (LinkId id : map.outLinks(centre))
        if (const Link* link = map.findLink(id); link && link->to != centre)
            effects << label(map, link->to);
    QString text = label(map, centre);
    const auto count = [](qsizetype n, const char* one, const char* many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    if (!causes.isEmpty())
        text = count(causes.size(), "cause", "causes") + QStringLiteral(" \u2192 ") + text;
    if (!effects.isEmpty())
        text += QStringLiteral(" \u2192 ") + count(effects.size(), "effect", "effects");
    return text;
}

} // namespace causeway::present
