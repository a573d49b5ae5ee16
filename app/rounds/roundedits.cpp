#include "app/rounds/roundedits.h"

#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "io/ballots.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace causeway::roundedits {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RoundEdits", text);
}

// Runs `edit` on a copy of the map and pushes the copy's map data as one step.
bool apply(Document* doc, const QString& actionName, const std::function<void(SystemMap&)>& edit,
           QString* error)
{
    SystemMap copy = doc->map();
    try {
        edit(copy);
    } catch (const std::exception& e) { // EditError, IoError: a reason a facilitator can read
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    const MapData data = mapDataOf(copy);
    if (data == mapDataOf(doc->map()))
        return true; // nothing to change (a re-vote of the same ballot): no empty undo step
    return doc->updateMapData(data, actionName);
}

const NominationRound& require(const SystemMap& map, const QString& name)
{
    const NominationRound* round = causeway::findRound(map, name.toStdString());
    if (!round)
        throw EditError("There is no nomination round called '" + name.toStdString() + "'.");
    return *round;
}

} // namespace

const NominationRound* findRound(const Document* doc, const QString& name)
{
    return causeway::findRound(doc->map(), name.toStdString());
}

bool addRound(Document* doc, const NominationRound& round, QString* error)
{
    return apply(doc, tr("Open round '%1'").arg(q(round.name)),
                 [&](SystemMap& map) { causeway::addRound(map, round); }, error);
}

bool updateSettings(Document* doc, const QString& name, const NominationRound& settings,
                    QString* error)
{
    return apply(doc, tr("Edit round '%1'").arg(q(settings.name)), [&](SystemMap& map) {
        NominationRound changed = require(map, name);
        changed.name = settings.name;
        changed.question = settings.question;
        changed.watchBudget = settings.watchBudget;
        changed.stopBudget = settings.stopBudget;
        changed.allowLinks = settings.allowLinks;
        changed.secret = settings.secret;
        changed.anonymous = settings.anonymous;
        updateRound(map, name.toStdString(), changed);
    }, error);
}

bool removeRound(Document* doc, const QString& name, QString* error)
{
    return apply(doc, tr("Delete round '%1'").arg(name),
                 [&](SystemMap& map) { causeway::removeRound(map, name.toStdString()); }, error);
}

bool closeRound(Document* doc, const QString& name, QString* error)
{
    return apply(doc, tr("Close round '%1'").arg(name), [&](SystemMap& map) {
        NominationRound changed = require(map, name);
        changed.closed = true;
        updateRound(map, name.toStdString(), changed);
    }, error);
}

bool setRevealed(Document* doc, const QString& name, bool revealed, QString* error)
{
    const QString action = revealed ? tr("Reveal round '%1'") : tr("Hide round '%1'");
    return apply(doc, action.arg(name), [&](SystemMap& map) {
        NominationRound changed = require(map, name);
        changed.revealed = revealed;
        updateRound(map, name.toStdString(), changed);
    }, error);
}

bool addParticipants(Document* doc, const QString& name, const QStringList& participants,
                     QString* error)
{
    return apply(doc, tr("Add participants to '%1'").arg(name), [&](SystemMap& map) {
        NominationRound changed = require(map, name);
        if (changed.closed)
            throw EditError("Round '" + changed.name + "' is closed; its participants are frozen.");
        for (const QString& p : participants) {
            const std::string s = p.trimmed().toStdString();
            if (!s.empty()
                && std::find(changed.participants.begin(), changed.participants.end(), s)
                       == changed.participants.end())
                changed.participants.push_back(s);
        }
        updateRound(map, name.toStdString(), changed);
    }, error);
}

QStringList addParticipantCodes(Document* doc, const QString& name, int count, QString* error)
{
    QStringList codes;
    const bool ok = apply(doc, tr("Add %1 anonymous codes to '%2'").arg(count).arg(name),
                          [&](SystemMap& map) {
        NominationRound changed = require(map, name);
        if (changed.closed)
            throw EditError("Round '" + changed.name + "' is closed; its participants are frozen.");
        for (int i = 0; i < count; ++i) {
            const std::string code = nextParticipantCode(changed);
            changed.participants.push_back(code);
            codes << q(code);
        }
        updateRound(map, name.toStdString(), changed);
    }, error);
    return ok ? codes : QStringList();
}

bool castBallot(Document* doc, const QString& name, const Ballot& ballot, QString* error)
{
    return apply(doc, tr("Ballot of %1").arg(q(ballot.participant)), [&](SystemMap& map) {
        causeway::castBallot(map, name.toStdString(), ballot);
    }, error);
}

std::size_t importBallots(Document* doc, const QString& name, const std::string& csv,
                          QString* error)
{
    std::size_t cast = 0;
    const bool ok = apply(doc, tr("Import ballots into '%1'").arg(name), [&](SystemMap& map) {
        if (const NominationRound* round = causeway::findRound(map, name.toStdString());
            round && round->closed)
            throw EditError("Round '" + round->name + "' is closed; no more ballots can be cast.");
        cast = importBallotsCsv(map, name.toStdString(), csv);
    }, error);
    return ok ? cast : 0;
}

QString importRound(Document* doc, const std::string& json, QString* error)
{
    NominationRound round;
    try {
        round = importRoundJson(doc->map(), json);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return {};
    }
    const std::string base = round.name;
    for (int n = 1; causeway::findRound(doc->map(), round.name); ++n)
        round.name = base + (n == 1 ? " (imported)" : " (imported " + std::to_string(n) + ")");
    const bool ok = apply(doc, tr("Import round '%1'").arg(q(round.name)),
                          [&](SystemMap& map) { causeway::addRound(map, round); }, error);
    return ok ? q(round.name) : QString();
}

} // namespace causeway::roundedits
