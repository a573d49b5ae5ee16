#pragma once

#include "model/nomination.h"
#include "model/systemmap.h"

#include <optional>
#include <string>
#include <vector>

namespace causeway {

// Edits on nomination rounds. Like SystemMap's mutators, each throws EditError with a reason a
// facilitator can read and leaves the map unchanged when it refuses.

const NominationRound* findRound(const SystemMap& map, std::string_view name);

// Checks names, budgets (0..20), uniqueness and every ballot; adds at the end.
void addRound(SystemMap& map, const NominationRound& round);
// Replaces all the rounds at once (loading, undoing a round edit): each must pass addRound's
// checks against this map. Nothing changes when one fails.
void replaceRounds(SystemMap& map, std::vector<NominationRound> rounds);
// Replaces the settings of the round called `name` (its ballots must still fit the budgets).
// Returns the previous round.
NominationRound updateRound(SystemMap& map, std::string_view name, const NominationRound& round);
// Returns the removed round and its index, for undo.
std::pair<NominationRound, std::size_t> removeRound(SystemMap& map, std::string_view name);
void insertRound(SystemMap& map, const NominationRound& round, std::size_t index);

// "P<n>" for the first n not yet used in the round.
std::string nextParticipantCode(const NominationRound& round);

// Throws EditError unless the ballot is acceptable in this round of this map: known participant,
// open round, within budgets, no item twice in a kind nor in both kinds, items exist, links only
// when the round allows them.
void checkBallot(const SystemMap& map, const NominationRound& round, const Ballot& ballot);
// Adds or replaces the participant's ballot (adding the participant when new). Returns the
// previous ballot, if any.
std::optional<Ballot> castBallot(SystemMap& map, std::string_view roundName, const Ballot& ballot);
// Casts many ballots at once (a paper round's import), each as castBallot would, in time linear in
// the round and the ballots. All or nothing: the first ballot refused throws EditError, with its
// index in `refused` when given, and the map is left unchanged.
void castBallots(SystemMap& map, std::string_view roundName, const std::vector<Ballot>& ballots,
                 std::size_t* refused = nullptr);
// Removes a participant's ballot; returns it.
std::optional<Ballot> withdrawBallot(SystemMap& map, std::string_view roundName,
                                     std::string_view participant);

// A nomination of `item` in some round, kept so removing the item can be undone exactly.
struct NominationEntry {
    std::string round;
    std::string participant;
    NominationKind kind;
    ItemRef item;
    std::size_t position; // index within the ballot's list
    bool operator==(const NominationEntry&) const = default;
};
// Every nomination of these items, in a stable order.
std::vector<NominationEntry> nominationsOf(const SystemMap& map, const std::vector<ItemRef>& items);
// Removes them from the ballots (when a nominated factor or link is deleted); returns them.
std::vector<NominationEntry> removeNominations(SystemMap& map, const std::vector<ItemRef>& items);
// Puts back what removeNominations took, at the same places.
void restoreNominations(SystemMap& map, const std::vector<NominationEntry>& entries);

struct TallyRow {
    ItemRef item;
    int watch = 0;
    int stop = 0;
    int participants = 0; // participants who nominated the item in either kind
    int rank = 0;         // 1 = most "watch" nominations; equal watch counts share a rank
    double agreement = 0; // participants / ballots cast
    bool operator==(const TallyRow&) const = default;
};

// One row per nominated item, most watched first (then fewest stop, then item order). Ranks use
// standard competition ranking on the watch count: 1, 2, 2, 4.
std::vector<TallyRow> tallyRound(const NominationRound& round);

struct TallyChange {
    ItemRef item;
    std::optional<TallyRow> before; // absent: not nominated in the first round
    std::optional<TallyRow> after;
    int watchDelta() const { return (after ? after->watch : 0) - (before ? before->watch : 0); }
    int stopDelta() const { return (after ? after->stop : 0) - (before ? before->stop : 0); }
};
// What moved between two rounds (e.g. before and after discussion): every item nominated in
// either, biggest watch change first.
std::vector<TallyChange> compareRounds(const NominationRound& before, const NominationRound& after);

// How reports name an item: the factor label, or "From -> To" for a link.
std::string itemName(const SystemMap& map, ItemRef item);
// The inverse of itemName; nullopt when nothing matches.
std::optional<ItemRef> findItemByName(const SystemMap& map, std::string_view name);

} // namespace causeway
