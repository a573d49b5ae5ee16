#pragma once

#include "model/nomination.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QMessageBox;

namespace causeway {

class CanvasScene;
class MonitorData;
class MonitorPanel;
class VerdictOverlay;

// Monitoring in the editor: the Monitor dock, the verdict marks on the canvas and the Monitor
// menu (import data, draft the plan, edit an indicator). Keeps MainWindow to one line.
class MonitorDock : public QObject {
    Q_OBJECT
public:
    static MonitorDock* install(QMainWindow* window, CanvasScene* scene, QDockWidget* besides);

    MonitorData* data() const { return m_data; }
    MonitorPanel* panel() const { return m_panel; }
    VerdictOverlay* marks() const { return m_marks; }
    QDockWidget* dock() const { return m_dock; }

    // What the actions do once their dialog has answered (tests call these directly). A refusal
    // or a result is told in a message box, opened without blocking (lastMessage() keeps it).
    bool importFile(const QString& path);
    bool draftPlan(const QString& round, int top = 3);
    bool editIndicator(ItemRef item); // opens the indicator dialog
    QMessageBox* lastMessage() const;

    void showPanel();

private:
    MonitorDock(QMainWindow* window, CanvasScene* scene, QDockWidget* besides);
    void fillMenu(QMenu* menu);
    void chooseImport();
    void choosePlan();
    void editSelected();
    void removeSelected();
    std::optional<ItemRef> selectedItem(); // one factor or one link, else a message
    void tell(const QString& title, const QString& text, bool problem);

    QMainWindow* m_window;
    CanvasScene* m_scene;
    MonitorData* m_data;
    MonitorPanel* m_panel;
    VerdictOverlay* m_marks;
    QDockWidget* m_dock;
    QPointer<QMessageBox> m_message;
};

} // namespace causeway
