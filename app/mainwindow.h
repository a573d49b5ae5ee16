#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace causeway {

class AnalysisDocks;
class Autosaver;
class CanvasScene;
class CanvasView;
class Document;
class EditActions;
class FileController;
class FindBar;
class LayoutMenu;
class PropertiesPanel;
class RoundsPanel;
class WindowLayout;

// One map in one window. Thin: it wires the document to the canvas, the panels and the menus,
// each of which lives in its own class.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `withAutosave` false: no recovery files (screenshots, tests).
    explicit MainWindow(bool withAutosave = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document; }
    CanvasScene* scene() const { return m_scene; }
    CanvasView* view() const { return m_view; }
    FileController* files() const { return m_files; }
    LayoutMenu* layoutMenu() const { return m_layout; }
    FindBar* findBar() const { return m_findBar; }
    EditActions* editActions() const { return m_edit; }
    AnalysisDocks* analysis() const { return m_analysis; }
    RoundsPanel* rounds() const { return m_rounds; }
    WindowLayout* windowLayout() const { return m_windowLayout; }

    // Whether the window restores and saves its geometry, panels and zoom (QSettings) and fits
    // its screen when first shown. On by default with autosave (the editor proper); screenshots
    // and tests size their windows themselves.
    void setRemembersLayout(bool on) { m_remembersLayout = on; }

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildCanvas();
    void buildPanels();
    void connectParts();
    void buildMenus();
    void updateTitle();
    void updateCounts();
    void showShortcuts();
    void restoreLayout();

    Document* m_document;
    CanvasScene* m_scene;
    CanvasView* m_view;
    EditActions* m_edit;
    FileController* m_files;
    LayoutMenu* m_layout;
    FindBar* m_findBar;
    PropertiesPanel* m_properties;
    AnalysisDocks* m_analysis = nullptr;
    RoundsPanel* m_rounds = nullptr;
    Autosaver* m_autosaver = nullptr;
    WindowLayout* m_windowLayout = nullptr;
    bool m_remembersLayout = false;
    QDockWidget* m_dock;
    bool m_shown = false;
    QLabel* m_zoomLabel;
    QLabel* m_countLabel;
};

} // namespace causeway
