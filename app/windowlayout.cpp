// The main window's screen fit, remembered layout, panel list and Hide Panels toggle.
#include "app/windowlayout.h"

#include "app/canvas/canvasview.h"

#include <QAction>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>

#include <algorithm>
#include <utility>

namespace causeway {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/panels");
const QString kZoom = QStringLiteral("window/zoom"); // absent: the view was at "fit"
const QString kHidden = QStringLiteral("window/hiddenPanels"); // what Hide Panels hid

} // namespace

WindowLayout::WindowLayout(QMainWindow* window, CanvasView* view)
    : QObject(window), m_window(window), m_view(view)
{
    m_hidePanels = new QAction(tr("&Hide Panels") + QStringLiteral("\tTab"), this);
    m_hidePanels->setCheckable(true);
    m_hidePanels->setStatusTip(tr("Hide every panel to give the map the whole window (Tab on the "
                                  "map toggles)"));
    connect(m_hidePanels, &QAction::toggled, this, &WindowLayout::setPanelsHidden);
    // Tab on the canvas (not while a label is being typed) toggles the panels, as in painting
    // programs. Not a window shortcut: Tab still moves focus in the panels' fields.
    m_view->installEventFilter(this);
}

std::vector<QDockWidget*> WindowLayout::docks() const
{
    std::vector<QDockWidget*> result;
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        result.push_back(dock);
    return result;
}

void WindowLayout::fillViewMenu(QMenu* menu)
{
    for (QDockWidget* dock : docks()) {
        menu->addAction(dock->toggleViewAction());
        // Showing a panel by hand ends Hide Panels (without bringing back the others).
        connect(dock->toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
            if (shown && m_hidePanels->isChecked()) {
                m_hiddenDocks.clear();
                const QSignalBlocker quiet(m_hidePanels);
                m_hidePanels->setChecked(false);
            }
        });
    }
    menu->addAction(m_hidePanels);
}

void WindowLayout::setPanelsHidden(bool hidden)
{
    if (hidden) {
        m_hiddenDocks.clear();
        for (QDockWidget* dock : docks())
            if (dock->isVisible()) {
                m_hiddenDocks.emplace_back(dock);
                dock->hide();
            }
        return;
    }
    for (const QPointer<QDockWidget>& dock : m_hiddenDocks)
        if (dock)
            dock->show();
    m_hiddenDocks.clear();
}

bool WindowLayout::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool typing = m_view->scene() && m_view->scene()->focusItem();
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier && !typing) {
            m_hidePanels->toggle();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

QRect WindowLayout::fitWithin(const QRect& wanted, const QRect& available)
{
    QRect r(wanted.topLeft(), wanted.size().boundedTo(available.size()));
    r.moveLeft(std::clamp(r.left(), available.left(), available.right() - r.width() + 1));
    r.moveTop(std::clamp(r.top(), available.top(), available.bottom() - r.height() + 1));
    return r;
}

void WindowLayout::fitToScreen()
{
    const QScreen* screen = m_window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QRect client = m_window->geometry();
    const QRect frame = m_window->frameGeometry(); // the client alone until a window manager frames it
    const QRect fitted = fitWithin(frame, available);
    if (fitted == frame)
        return;
    m_window->resize(fitted.size() - (frame.size() - client.size()));
    // Where a window manager places a new window it keeps it on screen; a position we set (or
    // restored) is ours to correct.
    if (m_window->testAttribute(Qt::WA_Moved) || m_window->isVisible())
        m_window->move(fitted.topLeft());
}

bool WindowLayout::restore()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    const bool found = !geometry.isEmpty() && m_window->restoreGeometry(geometry);
    if (found) {
        m_window->restoreState(settings.value(kState).toByteArray());
        if (settings.contains(kZoom))
            m_restoredZoom = settings.value(kZoom).toDouble();
        const QStringList hidden = settings.value(kHidden).toStringList();
        if (!hidden.isEmpty()) {
            const QSignalBlocker quiet(m_hidePanels);
            m_hidePanels->setChecked(true);
            for (QDockWidget* dock : docks())
                if (hidden.contains(dock->objectName()))
                    m_hiddenDocks.emplace_back(dock);
        }
    }
    fitToScreen();
    return found;
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(kGeometry, m_window->saveGeometry());
    settings.setValue(kState, m_window->saveState());
    if (m_view->isFitted())
        settings.remove(kZoom);
    else
        settings.setValue(kZoom, m_view->zoom());
    QStringList hidden;
    if (m_hidePanels->isChecked())
        for (const QPointer<QDockWidget>& dock : m_hiddenDocks)
            if (dock)
                hidden << dock->objectName();
    settings.setValue(kHidden, hidden);
}

std::optional<double> WindowLayout::takeRestoredZoom()
{
    return std::exchange(m_restoredZoom, std::nullopt);
}

} // namespace causeway
