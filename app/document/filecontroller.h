#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace causeway {

class Document;

// The File menu of one window: new, open, recent, save, save as, import, and the questions that
// protect unsaved work (before replacing the map, before closing, recovery after a crash).
class FileController : public QObject {
    Q_OBJECT
public:
    FileController(Document* document, QWidget* window);

    void fillMenu(QMenu* menu);

    // Asks to save unsaved changes. False: the user cancelled (or saving failed).
    bool maybeSave();
    // Opens a .causeway file, or imports a .csv/.graphml one. Asks about unsaved changes first.
    bool openPath(const QString& path);
    bool importPath(const QString& path);
    bool save();
    bool saveAs(const QString& path);
    // Offers the recovery files a crashed session left behind. Returns true if one was loaded.
    bool offerRecovery();

    static QStringList recentFiles();
    static bool isImportable(const QString& path);
    static QString importFilter(); // file dialog filter of every format io/ imports
    // Without a person at the screen (--screenshot, scripts): errors and import warnings go to
    // stderr instead of dialogs that would wait for a click, and the maps opened or saved are not
    // added to the person's recent maps (File > Open Recent, the last folder).
    void setInteractive(bool interactive) { m_interactive = interactive; }

signals:
    void newWindowRequested();
    // A map was opened or imported (the window may lay out a map that has no positions).
    void mapLoaded(bool imported);
    void statusMessage(const QString& message);

private:
    bool m_interactive = true;
    void newMap();
    void openDialog();
    void saveAsDialog();
    void importDialog();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void showError(const QString& title, const QString& message);

    Document* m_document;
    QWidget* m_window;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_actions;
};

} // namespace causeway
