#pragma once

// View › Present (F5): the editor's way into presentation mode.

class QAction;
class QMenu;
class QWidget;

namespace causeway {

class Document;
class PresentationView;

// Adds "Present" (F5) to `menu`: it shows `document` full screen in a PresentationView, or
// brings back the one already showing. With two screens the presentation goes to the screen
// `window` is not on (the projector) and a PresenterConsole opens beside the editor; with one,
// it covers the editor's screen. During a round's voting it shows the turn screen. When the
// window's Loops panel shows a picked loop, the presentation opens on that loop's walkthrough.
QAction* addPresentAction(QMenu* menu, Document* document, QWidget* window);
// The presentation `window` is showing, if any.
PresentationView* presentationOf(QWidget* window);

} // namespace causeway
