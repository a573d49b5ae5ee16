// Untangling a map's links once, as its layout does past the links the canvas untangles as it
// draws: the bends kept when the drawing then reads better (layout/bestlayout.h).
#include "layout/bestlayout.h"

#include "layout/crew.h"
#include "layout/judge.h"
#include "layout/linkshapes.h"
#include "layout/quality.h"
#include "layout/untangle.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace causeway::layout {

using detail::kHidden;
using detail::marksInTheWay;
using detail::noBound;

namespace {

// `untangled.result` drawn as judged (its drawn map and shapes), its bends not in `result` that
// hook dropped. A bend is chosen on its link routed alone; drawn with every link's ends spread,
// it can still hook (doublesBack). Such bends are dropped and the rest drawn again until none
// hooks: on a random 100-factor map with 170 links one did once factors were swapped before
// packing. Whether a bend not in `result` is left.
bool drawnWithoutHooks(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                       const LayoutResult& result, detail::Untangled& untangled)
{
    while (untangled.result.bends.size() > result.bends.size()) {
        untangled.drawn = map;
        applyLayout(untangled.drawn, untangled.result);
        untangled.shapes = computeLinkShapes(untangled.drawn, boxes, {}, SignRoom::Near,
                                             Marks::DelayedLinks); // as judged
        const std::size_t bends = untangled.result.bends.size();
        for (auto it = untangled.result.bends.begin(); it != untangled.result.bends.end();)
            if (!result.bends.count(it->first)
                && doublesBack(sampledLine(untangled.shapes.at(it->first)).points))
                it = untangled.result.bends.erase(it);
            else
                ++it;
        if (untangled.result.bends.size() == bends)
            return true;
    }
    return false;
}

// Bends tried taken back, at most: each try draws the map twice (~0.2 s at 300 links).
constexpr std::size_t kTakenBackTries = 16;

// The judge charges a delay mark in the way half a crossing (it places marks with no room made),
// so untangling can take a bend that, as drawn, leaves a sign on a mark. The bends it took (in
// `bent`, not in `result`) are taken back one link at a time, in order, while that leaves fewer
// marks in the way as drawn; then each mark still in the way costs as much as something hidden,
// in both costs. A greedy pass: a bend that would only help once a later one went stays.
void takeBackBendsOverMarks(const SystemMap& map, const LayoutOptions& options,
                            const std::map<FactorId, BoxShape>& boxes, const LayoutResult& result,
                            double& resultCost, detail::Untangled& bent, double& bentCost)
{
    const std::size_t before = marksInTheWay(map, options, result);
    std::size_t after = marksInTheWay(map, options, bent.result);
    std::vector<LinkId> added;
    for (const auto& [link, bend] : bent.result.bends)
        if (!result.bends.count(link))
            added.push_back(link);
    added.resize(std::min(added.size(), kTakenBackTries));
    for (const LinkId link : added) {
        if (after <= before)
            break;
        if (!bent.result.bends.count(link))
            continue; // dropped as it hooked once another was taken back
        detail::Untangled fewer{bent.result, {}, {}};
        fewer.result.bends.erase(link);
        if (!drawnWithoutHooks(map, boxes, result, fewer)) { // no bend of its own left: `result`
            bentCost = noBound;
            return;
        }
        if (const std::size_t left = marksInTheWay(map, options, fewer.result); left < after) {
            bent = std::move(fewer);
            after = left;
            bentCost = detail::costOfDrawn(bent.drawn, options, boxes, bent.shapes);
        }
    }
    bentCost += kHidden * double(after);
    resultCost += kHidden * double(before);
}

} // namespace

std::optional<detail::Untangled> detail::untangledOnce(const SystemMap& map,
                                                       const std::map<FactorId, BoxShape>& boxes,
                                                       const LayoutResult& result, unsigned threads)
{
    SystemMap drawn = map;
    applyLayout(drawn, result); // an earlier layout's bends dropped, the facilitator's kept
    Untangled untangled{result, {}, {}};
    untangled.result.bends.merge(untangledBends(drawn, boxes, {}, threads));
    if (drawnWithoutHooks(map, boxes, result, untangled))
        return untangled;
    return std::nullopt;
}

// A map past the links the canvas untangles as it draws is untangled here, once: the bends are
// stored as the layout's (the next layout drops them), when the drawing then reads better (a
// sign the untangling slid onto another would not). At 4:3: Forrester's IDch15d.mdl 91 -> 80
// crossings, the Foresight obesity map 1,652 -> 1,455, random 50/150 and 100/300 maps 912 -> 866
// and 4,029 -> 3,874. Each link is tried through twelve bends (laidOutBends), on the judging
// threads.
LayoutResult detail::untangledIfBetter(const SystemMap& map, const LayoutOptions& options,
                                       LayoutResult result)
{
    SystemMap drawn = map;
    applyLayout(drawn, result);
    const std::map<FactorId, BoxShape> boxes = boxesOf(drawn, options, result);
    std::optional<detail::Untangled> untangled = untangledOnce(
        map, boxes, result, judgingThreads(options, laidOutBends.size() * 2));
    if (!untangled)
        return result;
    // Past 40 links the judge draws it as the canvas does.
    DrawingQuality judged;
    double bentCost = costOfDrawn(untangled->drawn, options, boxes, untangled->shapes, &judged);
    double resultCost = costOfBoxes(drawn, options, boxes);
    // Drawn as the canvas draws it only when a mark is in the way as judged: of the untangled
    // drawings of the delayed corpora and two generated maps, the 35 with none in the way as
    // judged had none as drawn either.
    if (judged.signsOnDelayMarks + judged.overlappingDelayMarks + judged.delayMarksOnFactors > 0)
        takeBackBendsOverMarks(map, options, boxes, result, resultCost, *untangled, bentCost);
    if (bentCost < resultCost)
        return std::move(untangled->result);
    return result;
}

} // namespace causeway::layout
