#pragma once

#include <QObject>

class QMenu;
class QTextBrowser;
class QWidget;

namespace causeway {

class FileController;

// Help > Guide (F1) and About, and File > Open Sample: what a facilitator new to Causeway
// reaches for first.
class HelpMenu : public QObject {
    Q_OBJECT
public:
    // Adds Guide, About Causeway and About Qt to `help`, and Open Sample to `file` after Open
    // Recent.
    static HelpMenu* install(QMenu* help, QMenu* file, FileController* files, QWidget* window);

    // Opens the guide in its own window (a QTextBrowser: works offline, no browser needed).
    // Returns it, or nullptr (and says so) when the guide is not installed.
    QTextBrowser* showGuide();
    bool openSample();

private:
    HelpMenu(FileController* files, QWidget* window);
    FileController* m_files;
    QWidget* m_window;
};

} // namespace causeway
