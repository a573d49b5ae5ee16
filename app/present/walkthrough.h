#pragma once

// What a presentation shows, apart from how: the loops it walks through, the slides (the whole
// map, then each loop one link at a time ending with its verdict), captions built from polarity,
// and a factor's neighbourhood for the focus view.

#include "model/loops.h"
#include "model/systemmap.h"

#include <QString>

#include <atomic>
#include <cstddef>
#include <set>
#include <vector>

namespace causeway::present {

// "More Peer worker skill → more Client trust in the service (+)"; a "-" link says "less", a
// "?" link "changes", and a delayed link adds ", delayed" inside the brackets.
QString linkCaption(const SystemMap& map, LinkId id);
// The loop's verdict: "R1: R reinforcing loop · turns clockwise · no delays" (the name first
// when it has one).
QString loopVerdict(const SystemMap& map, const Loop& loop, bool clockwise, const QString& name);
QString polarityWord(LoopPolarity polarity); // "reinforcing", "balancing", "unknown polarity"

// The loops a presentation walks through: named loops first (in the order they were named),
// then every other loop shortest first, at most `limit` in all.
struct PresentedLoop {
    Loop loop;
    QString name; // empty when unnamed
};
// The named loops alone, in the order they were named (cheap: no search).
std::vector<PresentedLoop> namedLoops(const SystemMap& map, std::size_t limit);
// `cancel`, when it turns true, stops the search (a presentation listing off the GUI thread).
std::vector<PresentedLoop> presentationLoops(const SystemMap& map, std::size_t limit,
                                             bool* truncated = nullptr,
                                             const std::atomic<bool>* cancel = nullptr);

// One slide: the whole map (loop -1), or step `step` of a loop's walkthrough: steps 1..n light
// its links one by one, step n + 1 gives its verdict.
struct Slide {
    int loop = -1;
    int step = 0;
    bool operator==(const Slide&) const = default;
};

class Deck {
public:
    explicit Deck(std::vector<PresentedLoop> loops = {});
    const std::vector<PresentedLoop>& loops() const { return m_loops; }
    int size() const { return int(m_slides.size()); }
    Slide slide(int index) const { return m_slides.at(std::size_t(index)); }
    int indexOf(Slide slide) const; // -1 when the deck has no such slide
    static bool isVerdict(const PresentedLoop& loop, int step)
    {
        return step == int(loop.loop.length()) + 1;
    }

private:
    std::vector<PresentedLoop> m_loops;
    std::vector<Slide> m_slides;
};

// What a slide lights: the factors and links walked so far (all of the loop at its verdict).
struct Lit {
    std::set<FactorId> factors;
    std::set<LinkId> links;
};
Lit litForStep(const Loop& loop, int step);

// A factor with its causes and effects up to `steps` links away, and the links that reach them.
Lit neighbourhood(const SystemMap& map, FactorId centre, int steps);
// "Causes: A, B → Centre → effects: C, D".
QString focusCaption(const SystemMap& map, FactorId centre);

} // namespace causeway::present
