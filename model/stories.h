#pragma once

#include "model/story.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace causeway {

class SystemMap;

// The rules every story in a map obeys (SystemMap::stories), checked by the two functions below,
// which throw EditError and leave the map unchanged when a story breaks one: a name that is not
// blank and no other story's, and steps of the right shape (a Focus step names a factor, a Loop
// step at least one link, a Reveal step at least one factor or link). The items need not exist.
void addStory(SystemMap& map, Story story);
// Replaces all the stories at once (loading, undoing a story edit).
void replaceStories(SystemMap& map, std::vector<Story> stories);

// Why the step cannot be played on this map ("Factor 12 no longer exists."), or nullopt.
// A Loop step must still chain into one elementary loop.
std::optional<std::string> storyStepProblem(const SystemMap& map, const StoryStep& step);

// What the room has seen once `stepCount` steps of the story have played (steps with a problem
// skipped): every factor and link revealed, focused or walked so far. Links bring their ends.
struct StoryReveal {
    std::set<FactorId> factors;
    std::set<LinkId> links;
};
StoryReveal revealedAfter(const SystemMap& map, const Story& story, std::size_t stepCount);

// "focus", "loop", "reveal" (as in the file) and back; nullopt for anything else.
const char* storyStepKindName(StoryStepKind kind);
std::optional<StoryStepKind> parseStoryStepKind(std::string_view text);

} // namespace causeway
