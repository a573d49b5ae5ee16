#pragma once

// A story as the room sees it: its clicks in order (a title, then each playable step; a loop
// step takes one click per link and one for its verdict) and what each click shows.

#include "app/present/walkthrough.h"
#include "model/story.h"

#include <QString>

#include <optional>
#include <vector>

namespace causeway::present {

// One click of a story: its title (step -1), or click `click` of step `step` (a reveal or a
// focus is click 1; a loop's clicks 1..n light its links, n + 1 gives its verdict).
struct StorySlide {
    int step = -1;
    int click = 0;
    bool operator==(const StorySlide&) const = default;
};

// What one click shows: the factors and links drawn at all (those revealed by the steps before
// it and what this step brings), which of them are lit (the rest dimmed; all when `allLit`),
// and the caption. A focus step names its factor, a loop step its loop in walking order.
struct StoryFrame {
    Lit shown;
    Lit lit;
    bool allLit = false;
    std::optional<FactorId> focus;
    int focusSteps = 1;
    std::optional<Loop> loop;
    int loopClick = 0;         // the loop's click: 1..n lights links, n + 1 is the verdict
    QString caption;           // empty for a loop's verdict: the view words it (it knows the turn)
    QString loopName;          // the step's caption, said with the loop's verdict
    Lit fit;                   // what the view keeps on screen (the same on every click of a step)
};

class StoryDeck {
public:
    StoryDeck() = default;
    // Steps that cannot be played on `map` (storyStepProblem) are left out.
    StoryDeck(const SystemMap& map, Story story);

    const Story& story() const { return m_story; }
    int size() const { return int(m_slides.size()); }
    StorySlide slide(int index) const { return m_slides.at(std::size_t(index)); }
    int indexOf(StorySlide slide) const; // -1 when the deck has no such slide
    // The story's steps left out because of a problem, in order (from 0).
    const std::vector<int>& skipped() const { return m_skipped; }
    StoryFrame frame(const SystemMap& map, int index) const;

private:
    Story m_story;
    std::vector<StorySlide> m_slides;
    std::vector<int> m_skipped;
    std::vector<std::optional<Loop>> m_loops; // per step: a loop step's loop, in walking order
};

// A loop step's loop in the step's walking order, or nullopt when its links make no loop.
std::optional<Loop> storyLoop(const SystemMap& map, const StoryStep& step);
// "Reveal: Peer worker skill, Client trust (+1 link)", "Focus: Stigma (2 links out)",
// "Loop: R · Skill → Trust → … (4 links)": a step in one line for the Stories panel.
QString stepSummary(const SystemMap& map, const StoryStep& step);

} // namespace causeway::present
