// Stories: the rules a story obeys, and what a story shows when played.
#include "model/stories.h"

#include "model/looplabels.h"
#include "model/systemmap.h"

#include <array>
#include <utility>

namespace causeway {

// The one way into SystemMap's stories (a friend of SystemMap): only the functions below use it.
struct StoriesAccess {
    static std::vector<Story>& of(SystemMap& map) { return map.m_stories; }
};

namespace {

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void checkStep(const Story& story, const StoryStep& step, std::size_t index)
{
    const std::string where = "Step " + std::to_string(index + 1) + " of story '" + story.name + "'";
    switch (step.kind) {
    case StoryStepKind::Focus:
        if (!step.focus.valid())
            throw EditError(where + " focuses no factor.");
        if (step.focusSteps < 1 || step.focusSteps > 2)
            throw EditError(where + " reaches " + std::to_string(step.focusSteps)
                            + " links out; a focus reaches 1 or 2.");
        break;
    case StoryStepKind::Loop:
        if (step.loop.empty())
            throw EditError(where + " walks a loop of no links.");
        break;
    case StoryStepKind::Reveal:
        if (step.factors.empty() && step.links.empty())
            throw EditError(where + " reveals nothing.");
        break;
    }
}

void checkStory(const Story& story)
{
    if (blank(story.name))
        throw EditError("A story needs a name.");
    for (std::size_t i = 0; i < story.steps.size(); ++i)
        checkStep(story, story.steps[i], i);
}

void checkNamesDiffer(const std::vector<Story>& stories, const Story& story)
{
    for (const Story& other : stories)
        if (other.name == story.name)
            throw EditError("There is already a story named '" + story.name + "'.");
}

std::string missingFactor(FactorId id)
{
    return "Factor " + std::to_string(id.value) + " no longer exists.";
}

std::string missingLink(LinkId id)
{
    return "Link " + std::to_string(id.value) + " no longer exists.";
}

} // namespace

void addStory(SystemMap& map, Story story)
{
    checkStory(story);
    std::vector<Story>& stories = StoriesAccess::of(map);
    checkNamesDiffer(stories, story);
    stories.push_back(std::move(story));
}

void replaceStories(SystemMap& map, std::vector<Story> stories)
{
    std::vector<Story> checked;
    checked.reserve(stories.size());
    for (Story& story : stories) {
        checkStory(story);
        checkNamesDiffer(checked, story);
        checked.push_back(std::move(story));
    }
    StoriesAccess::of(map) = std::move(checked);
}

std::optional<std::string> storyStepProblem(const SystemMap& map, const StoryStep& step)
{
    switch (step.kind) {
    case StoryStepKind::Focus:
        if (!map.contains(step.focus))
            return missingFactor(step.focus);
        break;
    case StoryStepKind::Loop:
        for (LinkId id : step.loop)
            if (!map.contains(id))
                return missingLink(id);
        if (!loopLabelIntact(map, LoopLabel{"", step.loop}))
            return std::string("Its links no longer make one loop.");
        break;
    case StoryStepKind::Reveal:
        for (FactorId id : step.factors)
            if (!map.contains(id))
                return missingFactor(id);
        for (LinkId id : step.links)
            if (!map.contains(id))
                return missingLink(id);
        break;
    }
    return std::nullopt;
}

StoryReveal revealedAfter(const SystemMap& map, const Story& story, std::size_t stepCount)
{
    StoryReveal shown;
    auto showLink = [&](LinkId id) {
        const Link& link = map.link(id);
        shown.links.insert(id);
        shown.factors.insert(link.from);
        shown.factors.insert(link.to);
    };
    for (std::size_t i = 0; i < stepCount && i < story.steps.size(); ++i) {
        const StoryStep& step = story.steps[i];
        if (storyStepProblem(map, step))
            continue;
        if (step.kind == StoryStepKind::Focus)
            shown.factors.insert(step.focus);
        for (LinkId id : step.loop)
            showLink(id);
        shown.factors.insert(step.factors.begin(), step.factors.end());
        for (LinkId id : step.links)
            showLink(id);
    }
    return shown;
}

namespace {
constexpr std::array<std::pair<StoryStepKind, const char*>, 3> kKindNames = {{
    {StoryStepKind::Focus, "focus"},
    {StoryStepKind::Loop, "loop"},
    {StoryStepKind::Reveal, "reveal"},
}};
} // namespace

const char* storyStepKindName(StoryStepKind kind)
{
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return name;
    return "reveal";
}

std::optional<StoryStepKind> parseStoryStepKind(std::string_view text)
{
    for (const auto& [k, name] : kKindNames)
        if (text == name)
            return k;
    return std::nullopt;
}

} // namespace causeway
