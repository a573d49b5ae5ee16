#pragma once

#include "io/ioerror.h"
#include "model/nominations.h"

#include <string>
#include <string_view>

namespace causeway {

// Paper or online-form ballots: header Participant,Kind,Item (case-insensitive), Kind `watch` or
// `stop`, Item a factor label or a link written "From -> To". Rows of one participant form one
// ballot. All or nothing: the first invalid row throws IoError with its line and reason and the
// map is left unchanged. The round is created with default settings if the map has none of that
// name. Returns the number of ballots cast.
std::size_t importBallotsCsv(SystemMap& map, const std::string& roundName, std::string_view csv);

// The exports below throw IoError for a secret round that has not been revealed
// (NominationRound::ballotsVisible), so no caller can show its ballots by accident.

// Item,Kind,Watch,Stop,Participants,Rank (Kind: factor or link), most watched first.
std::string tallyCsv(const SystemMap& map, const NominationRound& round);
// The same as JSON: {"round":..., "ballots":N, "items":[{"item":..,"kind":..,"watch":..,...}]}
std::string tallyJson(const SystemMap& map, const NominationRound& round);

// One row per nomination: Participant,Kind,Item, in the columns importBallotsCsv reads. With an
// anonymous round, participants are written as their codes' order (P1, P2, ...) instead of names.
std::string exportBallotsCsv(const SystemMap& map, const NominationRound& round);

// A whole round on its own file (settings, participants, ballots), items named by label and
// "From -> To" so it can go into another copy of the map:
// {"format": "causeway-round", "version": 1, "round": {...}}.
std::string exportRoundJson(const SystemMap& map, const NominationRound& round);
// Reads such a file against `map`: every item must be found by name, every ballot must hold
// (as when casting it). Throws IoError naming the place ("round.ballots[2].watch[0]: ...").
NominationRound importRoundJson(const SystemMap& map, std::string_view text);

} // namespace causeway
