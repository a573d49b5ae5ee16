// The Rounds dock's file actions (ballots and tally CSV out, ballots CSV in, a whole round out
// and in) and the question
// before deleting nominated items; the rest of the dock is in roundspanel.cpp.
#include "app/roundspanel.h"

#include "app/document.h"
#include "app/roundedits.h"
#include "io/ballots.h"

#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>

#include <algorithm>
#include <set>

namespace causeway {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

bool writeText(const QString& path, const std::string& text, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

// ---- files

bool RoundsPanel::exportBallots(const QString& path)
{
    const NominationRound* r = current();
    QString error = tr("No round chosen");
    if (!r || !writeText(path, exportBallotsCsv(m_document->map(), *r), &error)) {
        report(tr("Could not export the ballots: %1").arg(error), true);
        return false;
    }
    report(tr("Exported %n ballot(s) to %1", nullptr, int(r->ballots.size())).arg(path));
    return true;
}

bool RoundsPanel::exportTally(const QString& path)
{
    const NominationRound* r = current();
    QString error = tr("No round chosen");
    if (!r || !writeText(path, tallyCsv(m_document->map(), *r), &error)) {
        report(tr("Could not export the tally: %1").arg(error), true);
        return false;
    }
    report(tr("Exported the tally to %1").arg(path));
    return true;
}

bool RoundsPanel::importBallots(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report(tr("Could not read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString name = currentRound();
    if (name.isEmpty())
        name = tr("Round 1");
    QString error;
    const std::size_t cast = roundedits::importBallots(m_document, name,
                                                       bytes.toStdString(), &error);
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
    QString error = tr("No round chosen");
    if (!r || !writeText(path, exportRoundJson(m_document->map(), *r), &error)) {
        report(tr("Could not export the round: %1").arg(error), true);
        return false;
    }
    report(tr("Exported round '%1' to %2").arg(q(r->name), path));
    return true;
}

bool RoundsPanel::importRound(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report(tr("Could not read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    QString error;
    const QString name = roundedits::importRound(m_document, file.readAll().toStdString(), &error);
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Export ballots"),
                                                      currentRound() + QStringLiteral(" ballots.csv"),
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportBallots(path);
}

void RoundsPanel::exportTallyDialog()
{
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
