#include "app/present/presentshot.h"

#include "app/document/document.h"
#include "app/present/presentationview.h"

#include <QApplication>
#include <QPixmap>
#include <QTextStream>

namespace causeway {

int writePresentationShot(Document* document, const QString& out, QSize size,
                          const PresentShot& shot)
{
    QTextStream err(stderr);
    PresentationView view(document);
    view.resize(size); // the screen's size, without going full screen on the test display
    view.show();
    QApplication::processEvents();
    if (shot.walkthrough >= 0) {
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
    QApplication::processEvents();
    const QPixmap picture = view.grab();
    if (picture.isNull() || !picture.save(out)) {
        err << "causeway: could not write " << out << "\n";
        return 1;
    }
    err << "causeway: wrote " << out << " (" << picture.width() << "x" << picture.height()
        << ", presentation; labels " << view.labelPixelSize() << " px tall)\n";
    return 0;
}

} // namespace causeway
