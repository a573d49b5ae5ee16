#pragma once

#include "model/ids.h"

#include <string>
#include <vector>

namespace causeway {

// A story: the steps a facilitator walks the room through in presentation, in order. Each step
// focuses one factor, walks one loop link by link, or reveals a set of factors and links. A step
// whose factor or links an edit removed stays in the story, reported (storyStepProblem) and
// skipped when played, rather than silently dropped.
enum class StoryStepKind { Focus, Loop, Reveal };

struct StoryStep {
    StoryStepKind kind = StoryStepKind::Reveal;
    std::string caption;           // optional words shown with the step
    FactorId focus;                // Focus: the factor
    int focusSteps = 1;            // Focus: its causes and effects this many links out, 1 or 2
    std::vector<LinkId> loop;      // Loop: its links in walking order
    std::vector<FactorId> factors; // Reveal: what appears at this step
    std::vector<LinkId> links;
    std::string extra; // unknown fields (JSON object text), see Factor::extra
    bool operator==(const StoryStep&) const = default;
};

struct Story {
    std::string name;
    std::vector<StoryStep> steps;
    std::string extra;
    bool operator==(const Story&) const = default;
};

} // namespace causeway
