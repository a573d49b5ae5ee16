#pragma once

#include "model/ids.h"
#include "model/indicator.h"
#include "model/looplabel.h"
#include "model/nomination.h"
#include "model/story.h"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace causeway {

// Thrown by every mutator that refuses an edit. The map is unchanged when it is thrown.
class EditError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Polarity { Positive, Negative, Unknown };

// "+", "-", "?"
const char* polaritySymbol(Polarity p);
// Accepts + - ? and the spellings researchers use (positive/negative, same/opposite, s/o, 1/-1,
// unknown). Case-insensitive, surrounding spaces ignored. nullopt when not recognised.
std::optional<Polarity> parsePolarity(std::string_view text);

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

struct Factor {
    FactorId id;
    std::string label;
    std::string description;
    std::string group;
    Point position;
    bool pinned = false;
    std::optional<Indicator> indicator; // what is measured to keep track of it (model/monitoringplan.h)
    // Fields a newer version wrote that this one does not know, kept as a JSON object text so a
    // round trip loses nothing. Owned by io/; the model only carries it.
    std::string extra;
    bool operator==(const Factor&) const = default;
};

struct Link {
    LinkId id;
    FactorId from;
    FactorId to;
    Polarity polarity = Polarity::Positive;
    bool delay = false;
    std::string label;
    std::string note;
    // Offset of the curve's middle from the middle of the straight chord, set when a facilitator
    // bends the link. nullopt: the drawing chooses (straight, or curved apart for A->B + B->A).
    std::optional<Point> bend;
    // The bend is a layout's (a loop-first ring's arc), not the facilitator's: the next layout
    // drops it unless it bends the link again. A bend made by hand is kept by every layout.
    bool bendByLayout = false;
    std::optional<Indicator> indicator;
    std::string extra;
    bool operator==(const Link&) const = default;
};

// Everything removeFactor takes away, so restoreFactor can put it back exactly.
struct RemovedFactor {
    Factor factor;
    std::vector<Link> links;
    bool operator==(const RemovedFactor&) const = default;
};

// The causal map: factors joined by signed links, at most one link per direction between two
// factors, self-links allowed. No signals, no observers: mutators return what undo needs and
// throw EditError, leaving the map as it was, when an edit is invalid.
class SystemMap {
public:
    SystemMap();
    ~SystemMap();
    SystemMap(const SystemMap&);
    SystemMap& operator=(const SystemMap&);
    SystemMap(SystemMap&&) noexcept;
    SystemMap& operator=(SystemMap&&) noexcept;

    // Map-level data.
    std::string title;
    std::string description;
    std::string extra; // unknown top-level fields (JSON object text), see Factor::extra
    // Named loops and nomination rounds are read here and changed only through the functions
    // that check their rules: model/looplabels.h (addLoopLabel, replaceLoopLabels) and
    // model/nominations.h (addRound, castBallot, replaceRounds, ...).
    const std::vector<LoopLabel>& loopLabels() const { return m_loopLabels; }
    const std::vector<NominationRound>& rounds() const { return m_rounds; }
    // Presentation stories, changed only through model/stories.h (addStory, replaceStories).
    const std::vector<Story>& stories() const { return m_stories; }
    // What to monitor after the workshop, changed through model/monitoringplan.h.
    const MonitoringPlan& monitoringPlan() const { return m_plan; }

    // ---- factors
    // Adds a factor with a fresh id (factor.id is ignored). Throws on an empty label.
    FactorId addFactor(Factor factor);
    // Adds a factor keeping its id (loading, restoring, pasting with known ids).
    // Throws if the id is invalid or in use, or the label is empty.
    void insertFactor(const Factor& factor);
    // Replaces label, description, group, position, pinned, indicator and extra; the id selects the factor.
    // Returns the previous value.
    Factor updateFactor(const Factor& factor);
    Point moveFactor(FactorId id, Point position); // returns the old position
    RemovedFactor removeFactor(FactorId id);
    void restoreFactor(const RemovedFactor& removed);

    bool contains(FactorId id) const;
    const Factor& factor(FactorId id) const; // throws EditError for an unknown id
    const Factor* findFactor(FactorId id) const; // nullptr for an unknown id
    // First factor with exactly this label (labels need not be unique), in id order.
    std::optional<FactorId> findFactorByLabel(std::string_view label) const;
    std::vector<FactorId> factorIds() const; // ascending id order
    std::vector<Factor> factors() const;     // ascending id order
    std::size_t factorCount() const;

    // ---- links
    // Adds a link with a fresh id (link.id is ignored). Throws for a missing end factor or when
    // a link from -> to already exists (the message names the existing link).
    LinkId addLink(Link link);
    void insertLink(const Link& link); // keeps the id; same checks
    // Replaces polarity, delay, label, note, bend, indicator and extra. from/to must match the stored link.
    Link updateLink(const Link& link);
    Link removeLink(LinkId id);
    void restoreLink(const Link& link) { insertLink(link); }

    bool contains(LinkId id) const;
    const Link& link(LinkId id) const;
    const Link* findLink(LinkId id) const;
    std::optional<LinkId> findLink(FactorId from, FactorId to) const;
    std::vector<LinkId> linkIds() const; // ascending id order
    std::vector<Link> links() const;     // ascending id order
    std::size_t linkCount() const;
    std::vector<LinkId> outLinks(FactorId id) const;
    std::vector<LinkId> inLinks(FactorId id) const;

    // The next ids addFactor/addLink will hand out. Saved in the file so ids are never reused.
    std::uint64_t nextFactorId() const;
    std::uint64_t nextLinkId() const;
    void reserveIds(std::uint64_t nextFactor, std::uint64_t nextLink);

    // Same factors, links and map data (ids included).
    bool operator==(const SystemMap& other) const;

private:
    // The keys the rule-checking functions of looplabels.cpp and nominations.cpp hold.
    friend struct LoopLabelsAccess;
    friend struct RoundsAccess;
    friend struct StoriesAccess;
    friend struct MonitoringAccess;

    std::vector<LoopLabel> m_loopLabels;
    std::vector<NominationRound> m_rounds;
    std::vector<Story> m_stories;
    MonitoringPlan m_plan;
    struct Impl;
    std::unique_ptr<Impl> d;
};

// "label" for a factor, "From -> To" for a link: how messages and the CLI name things.
std::string describeLink(const SystemMap& map, const Link& link);

} // namespace causeway
