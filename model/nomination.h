#pragma once

#include "model/ids.h"

#include <string>
#include <vector>

namespace causeway {

// A factor or a link, the two kinds of thing a participant can nominate. Exactly one id is set.
struct ItemRef {
    FactorId factor;
    LinkId link;

    static ItemRef of(FactorId id) { return {id, {}}; }
    static ItemRef of(LinkId id) { return {{}, id}; }
    bool isLink() const { return link.valid(); }
    auto operator<=>(const ItemRef&) const = default;
};

enum class NominationKind { Watch, Stop };

// One participant's choices: what to keep track of (watch) and what the organisation could take
// its eyes off if the system looks like it is working (stop).
struct Ballot {
    std::string participant;
    std::vector<ItemRef> watch;
    std::vector<ItemRef> stop;
    bool operator==(const Ballot&) const = default;
};

inline constexpr int kMaxNominationBudget = 20;

struct NominationRound {
    std::string name;
    std::string question = "Which three factors or links matter most to keep track of, and which "
                           "three could we take our eyes off if the system is working?";
    int watchBudget = 3; // 0..kMaxNominationBudget
    int stopBudget = 3;
    bool allowLinks = true;
    bool secret = true;    // ballots hidden until the round is revealed
    bool anonymous = false; // participants are pseudonymous codes (P1, P2, ...)
    bool revealed = false;
    bool closed = false;   // frozen: no more ballots, no setting changes
    bool ballotsVisible() const { return !secret || revealed; } // secret ballots stay hidden until revealed
    std::vector<std::string> participants; // display names or codes, in order
    std::vector<Ballot> ballots;           // at most one per participant
    bool operator==(const NominationRound&) const = default;
};

} // namespace causeway
