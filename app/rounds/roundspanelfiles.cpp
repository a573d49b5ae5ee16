// The Rounds dock's file actions (ballots and tally CSV out, ballots CSV in, a whole round out
// and in, through io's atomic writer and bounded reader) and the question before deleting
// nominated items; the rest of the dock is in roundspanel.cpp.
#include "app/rounds/roundspanel.h"

#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "app/rounds/roundedits.h"
#include "io/ballots.h"
#include "io/fileutil.h"
#include "io/mapfile.h"

#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>

#include <algorithm>
#include <set>

namespace causeway {

namespace {

// Whole or not at all: a failed export never leaves a partial file.
bool writeText(const QString& path, const std::string& text, QString* error)
{
    try {
        writeFileAtomically(nativePath(path), text);
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

// Refuses a file larger than a map may be before reading it.
bool readText(const QString& path, std::string* text, QString* error)
{
    try {
        *text = readFileLimited(nativePath(path), kMaxMapFileBytes);
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

} // namespace

// ---- files

QString RoundsPanel::secrecyRefusal(const NominationRound* round)
{
    if (!round)
        return tr("No round chosen");
    if (!round->ballotsVisible())
        return tr("Round '%1' is secret until revealed: Reveal the round first.").arg(q(round->name));
    return {};
}

bool RoundsPanel::ballotsMayLeave()
{
    const QString why = secrecyRefusal(current());
    if (!why.isEmpty())
        report(why, true);
    return why.isEmpty();
}

bool RoundsPanel::exportBallots(const QString& path)
{
    const NominationRound* r = current();
    QString error = secrecyRefusal(r);
    if (!error.isEmpty() || !writeText(path, exportBallotsCsv(m_document->map(), *r), &error)) {
        report(tr("Could not export the ballots: %1").arg(error), true);
        return false;
    }
    report(tr("Exported %n ballot(s) to %1", nullptr, int(r->ballots.size())).arg(path));
    return true;
}

bool RoundsPanel::exportTally(const QString& path)
{
    const NominationRound* r = current();
    QString error = secrecyRefusal(r);
    if (!error.isEmpty() || !writeText(path, tallyCsv(m_document->map(), *r), &error)) {
        report(tr("Could not export the tally: %1").arg(error), true);
        return false;
    }
    report(tr("Exported the tally to %1").arg(path));
    return true;
}

bool RoundsPanel::importBallots(const QString& path)
{
    if (phonesBusy(currentRound()))
        return false;
    std::string bytes;
    QString readError;
    if (!readText(path, &bytes, &readError)) {
        report(tr("Could not read %1: %2").arg(path, readError), true);
        return false;
    }
    QString name = currentRound();
    if (name.isEmpty())
        name = tr("Round 1");
    QString error;
    const std::size_t cast = roundedits::importBallots(m_document, name, bytes, &error);
    if (!error.isEmpty()) {
        report(tr("Nothing imported: %1").arg(error), true);
        return false;
    }
    setCurrentRound(name);
    report(tr("Imported %n ballot(s) into '%1'", nullptr, int(cast)).arg(name));
    return true;
}

bool RoundsPanel::exportRound(const QString& path)
{
    const NominationRound* r = current();
    QString error = secrecyRefusal(r); // the round's file holds its ballots
    if (!error.isEmpty() || !writeText(path, exportRoundJson(m_document->map(), *r), &error)) {
        report(tr("Could not export the round: %1").arg(error), true);
        return false;
    }
    report(tr("Exported round '%1' to %2").arg(q(r->name), path));
    return true;
}

bool RoundsPanel::importRound(const QString& path)
{
    std::string json;
    QString error;
    if (!readText(path, &json, &error)) {
        report(tr("Could not read %1: %2").arg(path, error), true);
        return false;
    }
    const QString name = roundedits::importRound(m_document, json, &error);
    if (name.isEmpty()) {
        report(tr("Nothing imported: %1").arg(error), true);
        return false;
    }
    setCurrentRound(name);
    report(tr("Imported round '%1'").arg(name));
    return true;
}

void RoundsPanel::exportRoundDialog()
{
    if (!ballotsMayLeave()) // before asking where to write
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export round"), currentRound() + QStringLiteral(".causeway-round"),
        tr("Causeway round (*.causeway-round)"));
    if (!path.isEmpty())
        exportRound(path);
}

void RoundsPanel::importRoundDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import round"), QString(), tr("Causeway round (*.causeway-round);;All files (*)"));
    if (!path.isEmpty() && !importRound(path))
        QMessageBox::warning(this, tr("Import round"), m_message->text());
}

void RoundsPanel::exportBallotsDialog()
{
    if (!ballotsMayLeave()) // before asking where to write
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export ballots"),
                                                      currentRound() + QStringLiteral(" ballots.csv"),
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportBallots(path);
}

void RoundsPanel::exportTallyDialog()
{
    if (!ballotsMayLeave()) // before asking where to write
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export tally"),
                                                      currentRound() + QStringLiteral(" tally.csv"),
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportTally(path);
}

void RoundsPanel::importBallotsDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import ballots"), QString(),
                                                      tr("CSV (*.csv);;All files (*)"));
    if (!path.isEmpty() && !importBallots(path))
        QMessageBox::warning(this, tr("Import ballots"), m_message->text());
}

// ---- deleting nominated items

bool RoundsPanel::confirmRemoval(const std::vector<FactorId>& factors, const std::vector<LinkId>& links)
{
    const SystemMap& map = m_document->map();
    std::vector<ItemRef> items;
    for (FactorId id : factors) {
        if (!map.contains(id))
            continue;
        items.push_back(ItemRef::of(id));
        for (LinkId l : map.outLinks(id))
            items.push_back(ItemRef::of(l));
        for (LinkId l : map.inLinks(id))
            items.push_back(ItemRef::of(l));
    }
    for (LinkId id : links)
        items.push_back(ItemRef::of(id));
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    const std::vector<NominationEntry> entries = nominationsOf(map, items);
    if (entries.empty())
        return true;
    std::set<std::string> roundSet;
    for (const NominationEntry& e : entries)
        roundSet.insert(e.round);
    QStringList rounds;
    for (const std::string& r : roundSet)
        rounds << QStringLiteral("'%1'").arg(q(r));
    const QString where = rounds.join(QStringLiteral(", "));
    const int n = int(entries.size());
    const QString count = n == 1 ? tr("1 nomination") : tr("%1 nominations").arg(n);
    if (!m_ask(tr("Delete nominated items?"),
               tr("%1 in round(s) %2 will be removed. Delete anyway?").arg(count, where)))
        return false;
    report(tr("Removed %1 from round(s) %2 (Undo brings them back)").arg(count, where));
    return true;
}

} // namespace causeway
