// The Stories panel's edits, each one undo step through Document::updateMapData, and Play.
#include "app/stories/storiespanel.h"

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "app/stories/storydeck.h"
#include "model/looplabels.h"
#include "model/stories.h"

#include <QAction>
#include <QListWidget>

#include <algorithm>

namespace causeway {

bool StoriesPanel::edit(const QString& action, const std::function<bool(std::vector<Story>&)>& change)
{
    MapData data = mapDataOf(m_document->map());
    if (!change(data.stories))
        return false;
    m_editing = true;
    const bool done = m_document->updateMapData(data, action);
    m_editing = false;
    if (!done)
        return false; // the document said why (editRefused)
    say({});
    return true;
}

bool StoriesPanel::newStory(const QString& name)
{
    const std::string wanted = name.trimmed().toStdString();
    const bool done = edit(tr("New Story"), [&](std::vector<Story>& stories) {
        stories.push_back(Story{wanted, {}, {}});
        return true;
    });
    if (done) {
        m_currentName = wanted;
        refresh();
        say(tr("Select factors or highlight a loop on the map, then add steps."));
    }
    return done;
}

bool StoriesPanel::renameStory(const QString& name)
{
    const int index = currentStory();
    if (index < 0)
        return false;
    const std::string wanted = name.trimmed().toStdString();
    const std::string was = m_currentName;
    m_currentName = wanted; // so the refresh the edit causes keeps this story current
    const bool done = edit(tr("Rename Story"), [&](std::vector<Story>& stories) {
        stories[std::size_t(index)].name = wanted;
        return true;
    });
    if (!done)
        m_currentName = was;
    refresh();
    return done;
}

bool StoriesPanel::deleteStory()
{
    const int index = currentStory();
    if (index < 0)
        return false;
    const bool done = edit(tr("Delete Story"), [&](std::vector<Story>& stories) {
        stories.erase(stories.begin() + index);
        return true;
    });
    if (done) { // the one before it, or the first
        const auto& stories = m_document->map().stories();
        m_currentName = stories.empty() ? std::string()
                                         : stories[std::size_t(std::max(0, index - 1))].name;
        refresh();
    }
    return done;
}

// The new step goes after the current one, and becomes current.
bool StoriesPanel::addStep(const QString& action, const StoryStep& step)
{
    const int index = currentStory();
    if (index < 0) {
        say(tr("Start a story first (New)."));
        return false;
    }
    const int at = currentStep() + 1;
    m_wantedStep = at;
    const bool done = edit(action, [&](std::vector<Story>& stories) {
        auto& steps = stories[std::size_t(index)].steps;
        steps.insert(steps.begin() + std::clamp(at, 0, int(steps.size())), step);
        return true;
    });
    if (!done)
        m_wantedStep = -1;
    return done;
}

bool StoriesPanel::addFocusStep(int steps)
{
    const std::vector<FactorId> selected = m_scene->selectedFactors();
    if (selected.size() != 1) {
        say(tr("Select one factor on the map to focus on."));
        return false;
    }
    StoryStep step;
    step.kind = StoryStepKind::Focus;
    step.focus = selected.front();
    step.focusSteps = std::clamp(steps, 1, 2);
    return addStep(tr("Add Focus Step"), step);
}

std::optional<Loop> StoriesPanel::pickedLoop() const
{
    const SystemMap& map = m_document->map();
    // The links chained head to tail, from any of them: a loop when they close into one.
    auto loopOf = [&map](const std::set<LinkId>& links) -> std::optional<Loop> {
        if (links.empty())
            return std::nullopt;
        StoryStep step;
        step.kind = StoryStepKind::Loop;
        step.loop.push_back(*links.begin());
        while (step.loop.size() < links.size()) {
            const Link* last = map.findLink(step.loop.back());
            const auto next = std::find_if(links.begin(), links.end(), [&](LinkId id) {
                const Link* link = map.findLink(id);
                return last && link && link->from == last->to
                       && std::find(step.loop.begin(), step.loop.end(), id) == step.loop.end();
            });
            if (next == links.end())
                return std::nullopt;
            step.loop.push_back(*next);
        }
        return present::storyLoop(map, step);
    };
    if (m_emphasis && m_emphasis->isActive())
        if (auto loop = loopOf(m_emphasis->links()))
            return loop;
    const std::vector<LinkId> selected = m_scene->selectedLinks();
    return loopOf({selected.begin(), selected.end()});
}

bool StoriesPanel::addLoopStep()
{
    const std::optional<Loop> loop = pickedLoop();
    if (!loop) {
        say(tr("Highlight a loop first: pick one in the Loops panel, or select the links of one loop."));
        return false;
    }
    StoryStep step;
    step.kind = StoryStepKind::Loop;
    step.loop = loop->links;
    // A named loop is told under its name.
    if (const auto named = findLoopLabel(m_document->map(), *loop))
        step.caption = m_document->map().loopLabels()[*named].name;
    return addStep(tr("Add Loop Step"), step);
}

bool StoriesPanel::addRevealStep()
{
    StoryStep step;
    step.kind = StoryStepKind::Reveal;
    step.factors = m_scene->selectedFactors();
    step.links = m_scene->selectedLinks();
    if (step.factors.empty() && step.links.empty()) {
        say(tr("Select the factors and links to reveal on the map first."));
        return false;
    }
    return addStep(tr("Add Reveal Step"), step);
}

bool StoriesPanel::removeStep()
{
    const int index = currentStory();
    const int at = currentStep();
    if (index < 0 || at < 0)
        return false;
    m_wantedStep = std::max(0, at - 1);
    return edit(tr("Remove Step"), [&](std::vector<Story>& stories) {
        auto& steps = stories[std::size_t(index)].steps;
        steps.erase(steps.begin() + at);
        return true;
    });
}

bool StoriesPanel::moveStep(int delta)
{
    const int index = currentStory();
    const int at = currentStep();
    if (index < 0 || at < 0)
        return false;
    const int to = at + delta;
    const auto& steps = m_document->map().stories()[std::size_t(index)].steps;
    if (to < 0 || to >= int(steps.size()))
        return false;
    m_wantedStep = to;
    return edit(tr("Move Step"), [&](std::vector<Story>& stories) {
        auto& list = stories[std::size_t(index)].steps;
        std::swap(list[std::size_t(at)], list[std::size_t(to)]);
        return true;
    });
}

bool StoriesPanel::setStepCaption(const QString& caption)
{
    const int index = currentStory();
    const int at = currentStep();
    if (index < 0 || at < 0)
        return false;
    m_wantedStep = at;
    return edit(tr("Step Caption"), [&](std::vector<Story>& stories) {
        stories[std::size_t(index)].steps[std::size_t(at)].caption = caption.trimmed().toStdString();
        return true;
    });
}

bool StoriesPanel::play()
{
    const int index = currentStory();
    if (index < 0 || !m_present)
        return false;
    m_present->trigger();
    PresentationView* view = presentationOf(m_mainWindow ? m_mainWindow : window());
    return view && view->playStory(index);
}

} // namespace causeway
