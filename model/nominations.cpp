#include "model/nominations.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace causeway {

// The one way into SystemMap's rounds (a friend of SystemMap): only the functions below use it.
struct RoundsAccess {
    static std::vector<NominationRound>& of(SystemMap& map) { return map.m_rounds; }
};

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

NominationRound* findMutableRound(SystemMap& map, std::string_view name)
{
    for (NominationRound& r : RoundsAccess::of(map))
        if (r.name == name)
            return &r;
    return nullptr;
}

NominationRound& requireRound(SystemMap& map, std::string_view name)
{
    NominationRound* round = findMutableRound(map, name);
    if (!round)
        throw EditError("There is no nomination round called " + quoted(name) + ".");
    return *round;
}

void checkSettings(const NominationRound& round)
{
    if (round.name.find_first_not_of(" \t") == std::string::npos)
        throw EditError("A nomination round needs a name.");
    for (int budget : {round.watchBudget, round.stopBudget})
        if (budget < 0 || budget > kMaxNominationBudget)
            throw EditError("Budgets run from 0 to " + std::to_string(kMaxNominationBudget) + " (got "
                            + std::to_string(budget) + ").");
    std::set<std::string> seen;
    for (const std::string& p : round.participants) {
        if (p.find_first_not_of(" \t") == std::string::npos)
            throw EditError("A participant needs a name or a code.");
        if (!seen.insert(p).second)
            throw EditError("Participant " + quoted(p) + " is listed twice in round "
                            + quoted(round.name) + ".");
    }
    std::set<std::string> voted;
    for (const Ballot& b : round.ballots)
        if (!voted.insert(b.participant).second)
            throw EditError(quoted(b.participant) + " has two ballots in round " + quoted(round.name)
                            + "; a participant has at most one.");
}

std::vector<ItemRef>& listOf(Ballot& b, NominationKind kind)
{
    return kind == NominationKind::Watch ? b.watch : b.stop;
}

bool itemExists(const SystemMap& map, ItemRef item)
{
    return item.isLink() ? map.contains(item.link) : map.contains(item.factor);
}

// Settings and ballots; a closed round (read back from a file, or undone to) still holds valid
// ballots.
void checkRound(const SystemMap& map, const NominationRound& round)
{
    checkSettings(round);
    NominationRound check = round;
    check.closed = false;
    for (const Ballot& b : round.ballots)
        checkBallot(map, check, b);
}

} // namespace

const NominationRound* findRound(const SystemMap& map, std::string_view name)
{
    for (const NominationRound& r : map.rounds())
        if (r.name == name)
            return &r;
    return nullptr;
}

void addRound(SystemMap& map, const NominationRound& round)
{
    checkSettings(round);
    if (findRound(map, round.name))
        throw EditError("There is already a round called " + quoted(round.name) + ".");
    checkRound(map, round);
    RoundsAccess::of(map).push_back(round);
}

void replaceRounds(SystemMap& map, std::vector<NominationRound> rounds)
{
    std::set<std::string> names;
    for (const NominationRound& round : rounds) {
        checkRound(map, round);
        if (!names.insert(round.name).second)
            throw EditError("There are two rounds called " + quoted(round.name) + ".");
    }
    RoundsAccess::of(map) = std::move(rounds);
}

NominationRound updateRound(SystemMap& map, std::string_view name, const NominationRound& round)
{
    NominationRound& stored = requireRound(map, name);
    checkSettings(round);
    if (round.name != name && findRound(map, round.name))
        throw EditError("There is already a round called " + quoted(round.name) + ".");
    // Closing is allowed on a closed round's copy only if nothing else changes; reopening is not.
    if (stored.closed && !round.closed)
        throw EditError("Round " + quoted(name) + " is closed; its results are frozen.");
    checkRound(map, round); // budgets and items still have to hold for the existing ballots
    NominationRound old = stored;
    stored = round;
    return old;
}

std::pair<NominationRound, std::size_t> removeRound(SystemMap& map, std::string_view name)
{
    std::vector<NominationRound>& rounds = RoundsAccess::of(map);
    for (std::size_t i = 0; i < rounds.size(); ++i)
        if (rounds[i].name == name) {
            NominationRound removed = rounds[i];
            rounds.erase(rounds.begin() + static_cast<std::ptrdiff_t>(i));
            return {removed, i};
        }
    throw EditError("There is no nomination round called " + quoted(name) + ".");
}

void insertRound(SystemMap& map, const NominationRound& round, std::size_t index)
{
    checkRound(map, round);
    if (findRound(map, round.name))
        throw EditError("There is already a round called " + quoted(round.name) + ".");
    std::vector<NominationRound>& rounds = RoundsAccess::of(map);
    index = std::min(index, rounds.size());
    rounds.insert(rounds.begin() + static_cast<std::ptrdiff_t>(index), round);
}

std::string nextParticipantCode(const NominationRound& round)
{
    for (int n = 1;; ++n) {
        std::string code = "P" + std::to_string(n);
        if (std::find(round.participants.begin(), round.participants.end(), code)
            == round.participants.end())
            return code;
    }
}

void checkBallot(const SystemMap& map, const NominationRound& round, const Ballot& ballot)
{
    if (round.closed)
        throw EditError("Round " + quoted(round.name) + " is closed; no more ballots can be cast.");
    if (ballot.participant.find_first_not_of(" \t") == std::string::npos)
        throw EditError("A ballot needs a participant.");
    auto checkKind = [&](const std::vector<ItemRef>& items, int budget, const char* kindName) {
        if (static_cast<int>(items.size()) > budget)
            throw EditError(quoted(ballot.participant) + " nominated " + std::to_string(items.size())
                            + " items to " + kindName + "; the budget is " + std::to_string(budget)
                            + ".");
        std::set<ItemRef> seen;
        for (ItemRef item : items) {
            if (item.factor.valid() == item.link.valid())
                throw EditError("A nomination must name exactly one factor or one link.");
            if (!itemExists(map, item))
                throw EditError("A nomination names a " + std::string(item.isLink() ? "link" : "factor")
                                + " that is not in the map.");
            if (item.isLink() && !round.allowLinks)
                throw EditError("Round " + quoted(round.name) + " takes factors only, not links ("
                                + itemName(map, item) + ").");
            if (!seen.insert(item).second)
                throw EditError(quoted(ballot.participant) + " nominated " + itemName(map, item)
                                + " twice to " + kindName + ".");
        }
    };
    checkKind(ballot.watch, round.watchBudget, "watch");
    checkKind(ballot.stop, round.stopBudget, "stop watching");
    for (ItemRef item : ballot.watch)
        if (std::find(ballot.stop.begin(), ballot.stop.end(), item) != ballot.stop.end())
            throw EditError(quoted(ballot.participant) + " nominated " + itemName(map, item)
                            + " both to watch and to stop watching; choose one.");
}

std::optional<Ballot> castBallot(SystemMap& map, std::string_view roundName, const Ballot& ballot)
{
    NominationRound& round = requireRound(map, roundName);
    checkBallot(map, round, ballot);
    if (std::find(round.participants.begin(), round.participants.end(), ballot.participant)
        == round.participants.end())
        round.participants.push_back(ballot.participant);
    for (Ballot& existing : round.ballots)
        if (existing.participant == ballot.participant) {
            Ballot old = existing;
            existing = ballot;
            return old;
        }
    round.ballots.push_back(ballot);
    return std::nullopt;
}

void castBallots(SystemMap& map, std::string_view roundName, const std::vector<Ballot>& ballots,
                 std::size_t* refused)
{
    NominationRound& round = requireRound(map, roundName);
    for (std::size_t i = 0; i < ballots.size(); ++i) {
        if (refused)
            *refused = i;
        checkBallot(map, round, ballots[i]);
    }
    // Indexed by name: looking each participant up in the lists would be quadratic.
    std::unordered_set<std::string_view> listed(round.participants.begin(), round.participants.end());
    std::unordered_map<std::string, std::size_t> ballotOf;
    for (std::size_t i = 0; i < round.ballots.size(); ++i)
        ballotOf.emplace(round.ballots[i].participant, i);
    std::vector<std::string> newParticipants;
    for (const Ballot& ballot : ballots) {
        if (!listed.count(ballot.participant)) {
            newParticipants.push_back(ballot.participant);
            listed.insert(ballot.participant); // a view into `ballots`, which outlives the set
        }
        if (auto it = ballotOf.find(ballot.participant); it != ballotOf.end()) {
            round.ballots[it->second] = ballot;
        } else {
            ballotOf.emplace(ballot.participant, round.ballots.size());
            round.ballots.push_back(ballot);
        }
    }
    round.participants.insert(round.participants.end(), newParticipants.begin(),
                              newParticipants.end());
}

std::optional<Ballot> withdrawBallot(SystemMap& map, std::string_view roundName,
                                     std::string_view participant)
{
    NominationRound& round = requireRound(map, roundName);
    if (round.closed)
        throw EditError("Round " + quoted(round.name) + " is closed; its ballots are frozen.");
    for (auto it = round.ballots.begin(); it != round.ballots.end(); ++it)
        if (it->participant == participant) {
            Ballot old = *it;
            round.ballots.erase(it);
            return old;
        }
    return std::nullopt;
}

std::vector<NominationEntry> nominationsOf(const SystemMap& map, const std::vector<ItemRef>& items)
{
    std::set<ItemRef> wanted(items.begin(), items.end());
    std::vector<NominationEntry> found;
    for (const NominationRound& round : map.rounds())
        for (const Ballot& ballot : round.ballots)
            for (NominationKind kind : {NominationKind::Watch, NominationKind::Stop}) {
                const auto& list = kind == NominationKind::Watch ? ballot.watch : ballot.stop;
                for (std::size_t i = 0; i < list.size(); ++i)
                    if (wanted.count(list[i]))
                        found.push_back({round.name, ballot.participant, kind, list[i], i});
            }
    return found;
}

std::vector<NominationEntry> removeNominations(SystemMap& map, const std::vector<ItemRef>& items)
{
    std::vector<NominationEntry> removed = nominationsOf(map, items);
    std::set<ItemRef> wanted(items.begin(), items.end());
    // Closed rounds lose the nomination too: the item no longer exists, and undo restores it.
    for (NominationRound& round : RoundsAccess::of(map))
        for (Ballot& ballot : round.ballots)
            for (NominationKind kind : {NominationKind::Watch, NominationKind::Stop}) {
                auto& list = listOf(ballot, kind);
                std::erase_if(list, [&](ItemRef i) { return wanted.count(i) != 0; });
            }
    return removed;
}

void restoreNominations(SystemMap& map, const std::vector<NominationEntry>& entries)
{
    // Entries are in ascending position per list, so inserting in order restores each index.
    for (const NominationEntry& e : entries) {
        NominationRound& round = requireRound(map, e.round);
        auto ballot = std::find_if(round.ballots.begin(), round.ballots.end(),
                                   [&](const Ballot& b) { return b.participant == e.participant; });
        if (ballot == round.ballots.end())
            throw EditError("Cannot restore a nomination: " + quoted(e.participant)
                            + " has no ballot in round " + quoted(e.round) + ".");
        auto& list = listOf(*ballot, e.kind);
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(e.position, list.size())),
                    e.item);
    }
}

std::vector<TallyRow> tallyRound(const NominationRound& round)
{
    std::map<ItemRef, TallyRow> rows;
    std::map<ItemRef, std::set<std::string>> who;
    for (const Ballot& b : round.ballots) {
        for (ItemRef i : b.watch) {
            rows[i].item = i;
            rows[i].watch++;
            who[i].insert(b.participant);
        }
        for (ItemRef i : b.stop) {
            rows[i].item = i;
            rows[i].stop++;
            who[i].insert(b.participant);
        }
    }
    std::vector<TallyRow> result;
    const double ballots = static_cast<double>(round.ballots.size());
    for (auto& [item, row] : rows) {
        row.participants = static_cast<int>(who[item].size());
        row.agreement = ballots > 0 ? row.participants / ballots : 0;
        result.push_back(row);
    }
    std::stable_sort(result.begin(), result.end(), [](const TallyRow& a, const TallyRow& b) {
        if (a.watch != b.watch)
            return a.watch > b.watch;
        return a.stop < b.stop;
    });
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i].rank = (i > 0 && result[i].watch == result[i - 1].watch)
                             ? result[i - 1].rank
                             : static_cast<int>(i) + 1;
    return result;
}

std::vector<TallyChange> compareRounds(const NominationRound& before, const NominationRound& after)
{
    std::map<ItemRef, TallyChange> changes;
    for (const TallyRow& r : tallyRound(before)) {
        changes[r.item].item = r.item;
        changes[r.item].before = r;
    }
    for (const TallyRow& r : tallyRound(after)) {
        changes[r.item].item = r.item;
        changes[r.item].after = r;
    }
    std::vector<TallyChange> result;
    result.reserve(changes.size());
    for (auto& [item, change] : changes)
        result.push_back(change);
    std::stable_sort(result.begin(), result.end(), [](const TallyChange& a, const TallyChange& b) {
        return std::abs(a.watchDelta()) > std::abs(b.watchDelta());
    });
    return result;
}

std::string itemName(const SystemMap& map, ItemRef item)
{
    if (item.isLink()) {
        const Link* l = map.findLink(item.link);
        return l ? describeLink(map, *l) : "link #" + std::to_string(item.link.value);
    }
    const Factor* f = map.findFactor(item.factor);
    return f ? f->label : "factor #" + std::to_string(item.factor.value);
}

std::optional<ItemRef> findItemByName(const SystemMap& map, std::string_view name)
{
    if (auto f = map.findFactorByLabel(name))
        return ItemRef::of(*f);
    auto arrow = name.find("->");
    if (arrow == std::string_view::npos)
        return std::nullopt;
    auto trim = [](std::string_view s) {
        auto b = s.find_first_not_of(" \t");
        auto e = s.find_last_not_of(" \t");
        return b == std::string_view::npos ? std::string_view{} : s.substr(b, e - b + 1);
    };
    auto from = map.findFactorByLabel(trim(name.substr(0, arrow)));
    auto to = map.findFactorByLabel(trim(name.substr(arrow + 2)));
    if (!from || !to)
        return std::nullopt;
    if (auto l = map.findLink(*from, *to))
        return ItemRef::of(*l);
    return std::nullopt;
}

} // namespace causeway
