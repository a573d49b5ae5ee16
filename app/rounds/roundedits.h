#pragma once

#include "model/nominations.h"

#include <QString>
#include <QStringList>

namespace causeway {

class Document;

// Edits of nomination rounds as Document steps: each builds the new map data with the model's
// functions (model/nominations.h) on a copy of the map and pushes it as one undoable
// Document::updateMapData step. A refusal (EditError, a bad CSV) returns false with the reason
// in *error (when given) and leaves the map unchanged.
namespace roundedits {

// "Open round 'Round 1'": a new, open round.
bool addRound(Document* doc, const NominationRound& round, QString* error = nullptr);
// "Edit round 'Round 1'": new settings for the round called `name` (its ballots are kept).
bool updateSettings(Document* doc, const QString& name, const NominationRound& settings,
                    QString* error = nullptr);
bool removeRound(Document* doc, const QString& name, QString* error = nullptr);
// "Close round ..." (no way back but undo: a closed round's results are frozen).
bool closeRound(Document* doc, const QString& name, QString* error = nullptr);
// "Reveal round ..." / "Hide round ...".
bool setRevealed(Document* doc, const QString& name, bool revealed, QString* error = nullptr);
// Display names, added in order; names already listed are skipped.
bool addParticipants(Document* doc, const QString& name, const QStringList& participants,
                     QString* error = nullptr);
// P1..Pn codes continuing from the round's first unused code. Returns the codes added.
QStringList addParticipantCodes(Document* doc, const QString& name, int count,
                                QString* error = nullptr);
// "Ballot of P3": adds or replaces the participant's ballot.
bool castBallot(Document* doc, const QString& name, const Ballot& ballot, QString* error = nullptr);
// Ballots CSV (io/ballots.h) into the round, all or nothing. Returns the ballots cast (0 with
// *error set on refusal).
std::size_t importBallots(Document* doc, const QString& name, const std::string& csv,
                          QString* error = nullptr);

// A round read from its own file (io/ballots.h importRoundJson) added as one step; a round of
// the same name already in the map makes it "<name> (imported)", "(imported 2)", ... Returns the
// name it got (empty with *error set on refusal).
QString importRound(Document* doc, const std::string& json, QString* error = nullptr);

const NominationRound* findRound(const Document* doc, const QString& name);

} // namespace roundedits
} // namespace causeway
