#include "app/present/presentshot.h"

#include "app/document/document.h"
#include "app/present/presentationview.h"
#include "app/present/turnscreen.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/votingsession.h"
#include "model/nominations.h"

#include <QApplication>
#include <QPixmap>
#include <QTextStream>

namespace causeway {

namespace {
int savePicture(QWidget* widget, const QString& out, const QString& what)
{
    const QPixmap picture = widget->grab();
    if (picture.isNull() || !picture.save(out)) {
        QTextStream(stderr) << "causeway: could not write " << out << "\n";
        return 1;
    }
    QTextStream(stderr) << "causeway: wrote " << out << " (" << picture.width() << "x"
                        << picture.height() << ", " << what << ")\n";
    return 0;
}
} // namespace

int writePresentationShot(Document* document, const QString& out, QSize size,
                          const PresentShot& shot)
{
    QTextStream err(stderr);
    PresentationView view(document);
    view.resize(size); // the screen's size, without going full screen on the test display
    view.show();
    QApplication::processEvents();
    if (shot.walkthrough >= 0) {
        view.waitForLoops();
        const auto& loops = view.deck().loops();
        if (std::size_t(shot.walkthrough) >= loops.size()) {
            err << "causeway: --walkthrough " << shot.walkthrough << ": the map has "
                << loops.size() << " loops to walk through (numbered from 0)\n";
            return 1;
        }
        const int index = view.deck().indexOf({shot.walkthrough, shot.step});
        if (index < 0) {
            err << "causeway: --step " << shot.step << ": loop " << shot.walkthrough << " has steps 1 to "
                << loops[std::size_t(shot.walkthrough)].loop.length() + 1 << "\n";
            return 1;
        }
        view.goTo(index);
    }
    if (shot.story >= 0) {
        if (!view.playStory(shot.story)) {
            err << "causeway: --story " << shot.story << ": the map has "
                << document->map().stories().size() << " stories (numbered from 0)\n";
            return 1;
        }
        if (shot.step < 0 || shot.step >= view.deckSize()) {
            err << "causeway: --step " << shot.step << ": story " << shot.story << " plays in clicks 0 to "
                << view.deckSize() - 1 << " (0 is its title)\n";
            return 1;
        }
        view.goTo(shot.step);
    }
    if (!shot.focus.isEmpty()) {
        const auto id = document->map().findFactorByLabel(shot.focus.toStdString());
        if (!id) {
            err << "causeway: --focus: no factor labelled " << shot.focus << "\n";
            return 1;
        }
        view.focusFactor(*id);
    }
    VotingSession session(document);
    if (!shot.turnRound.isEmpty()) { // the room's view while the laptop takes votes
        QString refused;
        QObject::connect(&session, &VotingSession::refused, [&refused](const QString& m) { refused = m; });
        if (!session.start(shot.turnRound)) {
            err << "causeway: --turn " << shot.turnRound << ": " << refused << "\n";
            return 1;
        }
        new TurnScreen(&session, &view);
        if (!shot.voter.isEmpty())
            session.setParticipant(shot.voter);
    }
    QApplication::processEvents();
    const int status = savePicture(&view, out, QStringLiteral("presentation; labels %1 px tall")
                                                   .arg(view.labelPixelSize()));
    session.stop();
    return status;
}

int writeResultsShot(Document* document, const QString& out, QSize size, const QString& round)
{
    const NominationRound* r = findRound(document->map(), round.toStdString());
    if (!r || !r->ballotsVisible()) {
        QTextStream(stderr) << "causeway: --results " << round
                            << (r ? ": the round is secret and not revealed yet\n"
                                  : ": the map has no round of that name\n");
        return 1;
    }
    ResultsView view(document);
    view.setRoomMode(true);
    view.setRound(round);
    view.resize(size);
    view.show();
    QApplication::processEvents();
    return savePicture(&view, out, QStringLiteral("results of %1").arg(round));
}

} // namespace causeway
