#include "app/present/presentaction.h"

#include "app/loops/loopspanel.h"
#include "app/present/presentationview.h"
#include "app/present/presenterconsole.h"
#include "app/present/turnscreen.h"

#include <QAction>
#include <QMenu>
#include <QScreen>
#include <QWidget>

namespace causeway {

PresentationView* presentationOf(QWidget* window)
{
    return window->findChild<PresentationView*>(QString(), Qt::FindDirectChildrenOnly);
}

QAction* addPresentAction(QMenu* menu, Document* document, QWidget* window)
{
    QAction* action = menu->addAction(QObject::tr("&Present"));
    action->setShortcut(Qt::Key_F5);
    action->setToolTip(QObject::tr("Show the map full screen to the room (Esc leaves)"));
    QObject::connect(action, &QAction::triggered, window, [document, window] {
        PresentationView* view = presentationOf(window);
        if (!view) {
            view = new PresentationView(document, window); // a window of its own
            view->setAttribute(Qt::WA_DeleteOnClose);
        }
        // With a projector, the room gets it and the laptop keeps the editor and a console.
        QScreen* room = roomScreen(window);
        view->presentOn(room ? room : window->screen());
        if (room) {
            auto* console = window->findChild<PresenterConsole*>(QString(), Qt::FindDirectChildrenOnly);
            if (!console)
                console = new PresenterConsole(document, window);
            console->attach(view, window->screen());
        }
        attachTurnScreen(view, window);
        // A loop picked in the Loops panel is what the facilitator means to walk through.
        if (auto* loops = window->findChild<LoopsPanel*>(); loops && loops->isVisible())
            if (const std::optional<Loop> loop = loops->currentLoop())
                view->startWalkthrough(*loop);
    });
    return action;
}

} // namespace causeway
