#pragma once

// View › Present (F5): the editor's way into presentation mode.

class QAction;
class QMenu;
class QWidget;

namespace causeway {

class Document;
class PresentationView;

// Adds "Present" (F5) to `menu`: it shows `document` full screen in a PresentationView on the
// screen `window` is on, or brings back the one already showing. When the window's Loops panel
// shows a picked loop, the presentation opens on that loop's walkthrough.
QAction* addPresentAction(QMenu* menu, Document* document, QWidget* window);
// The presentation `window` is showing, if any.
PresentationView* presentationOf(QWidget* window);

} // namespace causeway
