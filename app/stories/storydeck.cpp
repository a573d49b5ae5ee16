// A story's clicks and what each shows, for presentation; and a step in words for the panel.
#include "app/stories/storydeck.h"

#include "model/looplabels.h"
#include "model/stories.h"
#include "model/systemmap.h"

#include <QStringList>

#include <algorithm>

namespace causeway::present {

namespace {

Lit litOf(const StoryReveal& reveal)
{
    return {reveal.factors, reveal.links};
}

void add(Lit& to, const Lit& more)
{
    to.factors.insert(more.factors.begin(), more.factors.end());
    to.links.insert(more.links.begin(), more.links.end());
}

QString label(const SystemMap& map, FactorId id)
{
    const Factor* f = map.findFactor(id);
    return f ? QString::fromStdString(f->label) : QStringLiteral("?");
}

QString count(std::size_t n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

std::optional<Loop> storyLoop(const SystemMap& map, const StoryStep& step)
{
    if (step.kind != StoryStepKind::Loop || step.loop.empty())
        return std::nullopt;
    std::optional<Loop> loop = loopOfLabel(map, LoopLabel{"", step.loop});
    if (!loop)
        return std::nullopt;
    // Canonical form starts anywhere; the room walks it from the step's first link.
    const auto first = std::find(loop->links.begin(), loop->links.end(), step.loop.front());
    if (first == loop->links.end())
        return std::nullopt;
    const auto shift = first - loop->links.begin();
    std::rotate(loop->links.begin(), first, loop->links.end());
    std::rotate(loop->factors.begin(), loop->factors.begin() + shift, loop->factors.end());
    return loop;
}

StoryDeck::StoryDeck(const SystemMap& map, Story story) : m_story(std::move(story))
{
    m_slides.push_back({});
    m_loops.resize(m_story.steps.size());
    for (std::size_t i = 0; i < m_story.steps.size(); ++i) {
        const StoryStep& step = m_story.steps[i];
        if (storyStepProblem(map, step)) {
            m_skipped.push_back(int(i));
            continue;
        }
        int clicks = 1;
        if (step.kind == StoryStepKind::Loop) {
            m_loops[i] = storyLoop(map, step);
            clicks = int(m_loops[i]->length()) + 1;
        }
        for (int click = 1; click <= clicks; ++click)
            m_slides.push_back({int(i), click});
    }
}

int StoryDeck::indexOf(StorySlide slide) const
{
    const auto it = std::find(m_slides.begin(), m_slides.end(), slide);
    return it == m_slides.end() ? -1 : int(it - m_slides.begin());
}

StoryFrame StoryDeck::frame(const SystemMap& map, int index) const
{
    const StorySlide s = slide(index);
    StoryFrame f;
    if (s.step < 0) { // the title: nothing of the map yet
        f.allLit = true;
        f.caption = QString::fromStdString(m_story.name);
        return f;
    }
    const StoryStep& step = m_story.steps[std::size_t(s.step)];
    f.shown = litOf(revealedAfter(map, m_story, std::size_t(s.step)));
    const QString caption = QString::fromStdString(step.caption);
    switch (step.kind) {
    case StoryStepKind::Reveal: // what is new joins what the room has seen, all at full strength
        f.shown = litOf(revealedAfter(map, m_story, std::size_t(s.step) + 1));
        f.lit = f.shown;
        f.allLit = true;
        f.fit = f.shown;
        f.caption = caption;
        if (f.caption.isEmpty()) {
            QStringList labels;
            for (FactorId id : step.factors)
                labels << label(map, id);
            f.caption = labels.join(QStringLiteral(", "));
        }
        break;
    case StoryStepKind::Focus:
        f.lit = neighbourhood(map, step.focus, step.focusSteps);
        add(f.shown, f.lit);
        f.focus = step.focus;
        f.focusSteps = step.focusSteps;
        f.fit = f.lit;
        f.caption = caption.isEmpty() ? focusCaption(map, step.focus) : caption;
        break;
    case StoryStepKind::Loop: {
        const Loop& loop = *m_loops[std::size_t(s.step)];
        f.loop = loop;
        f.loopClick = s.click;
        f.lit = litForStep(loop, s.click);
        add(f.shown, f.lit);
        f.fit = litForStep(loop, int(loop.length()));
        f.loopName = caption;
        if (s.click <= int(loop.length()))
            f.caption = linkCaption(map, loop.links[std::size_t(s.click - 1)]);
        break;
    }
    }
    return f;
}

QString stepSummary(const SystemMap& map, const StoryStep& step)
{
    QString text;
    switch (step.kind) {
    case StoryStepKind::Reveal: {
        QStringList labels;
        for (std::size_t i = 0; i < step.factors.size() && i < 3; ++i)
            labels << label(map, step.factors[i]);
        if (step.factors.size() > 3)
            labels << QStringLiteral("%1 more").arg(step.factors.size() - 3);
        text = QStringLiteral("Reveal: ") + labels.join(QStringLiteral(", "));
        if (!step.links.empty())
            text += QStringLiteral(" (+%1)").arg(count(step.links.size(), "link", "links"));
        break;
    }
    case StoryStepKind::Focus:
        text = QStringLiteral("Focus: %1 (%2 out)")
                   .arg(label(map, step.focus), count(std::size_t(step.focusSteps), "link", "links"));
        break;
    case StoryStepKind::Loop:
        if (const std::optional<Loop> loop = storyLoop(map, step)) {
            QStringList names;
            for (FactorId id : loop->factors)
                names << label(map, id);
            text = QStringLiteral("Loop: %1 \u00B7 %2 (%3)")
                       .arg(QLatin1String(loopPolarityLetter(loop->polarity)),
                            names.join(QStringLiteral(" \u2192 ")),
                            count(loop->length(), "link", "links"));
        } else {
            text = QStringLiteral("Loop of %1").arg(count(step.loop.size(), "link", "links"));
        }
        break;
    }
    if (!step.caption.empty())
        text += QStringLiteral(" \u2014 \u201C%1\u201D").arg(QString::fromStdString(step.caption));
    return text;
}

} // namespace causeway::present
