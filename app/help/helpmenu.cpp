// Help > Guide and About, File > Open Sample.
#include "app/help/helpmenu.h"

#include "app/document/filecontroller.h"
#include "app/help/aboutbox.h"
#include "app/help/helppaths.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QTextBrowser>
#include <QUrl>

namespace causeway {

HelpMenu::HelpMenu(FileController* files, QWidget* window)
    : QObject(window), m_files(files), m_window(window)
{
}

HelpMenu* HelpMenu::install(QMenu* help, QMenu* file, FileController* files, QWidget* window)
{
    auto* self = new HelpMenu(files, window);
    QAction* guide = new QAction(tr("&Guide for Facilitators"), help);
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, self, [self] { self->showGuide(); });
    help->insertAction(help->actions().value(0), guide);
    help->addSeparator();
    connect(help->addAction(tr("&About Causeway")), &QAction::triggered, self,
            [window] { showAbout(window); });
    connect(help->addAction(tr("About &Qt")), &QAction::triggered, qApp, &QApplication::aboutQt);

    // Open Sample goes just after Open Recent.
    auto* sample = new QAction(tr("Open Sa&mple"), file);
    sample->setObjectName(QStringLiteral("openSample"));
    connect(sample, &QAction::triggered, self, [self] { self->openSample(); });
    const QList<QAction*> actions = file->actions();
    QAction* before = nullptr;
    for (int i = 0; i + 1 < actions.size(); ++i)
        if (actions[i]->menu())
            before = actions[i + 1];
    file->insertAction(before, sample);
    return self;
}

QTextBrowser* HelpMenu::showGuide()
{
    const QString path = guidePath();
    if (path.isEmpty()) {
        QMessageBox::warning(m_window, tr("Guide"),
                             tr("The guide is not installed (share/causeway/guide/index.html)."));
        return nullptr;
    }
    auto* browser = new QTextBrowser;
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->setWindowTitle(tr("Causeway guide"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl::fromLocalFile(path));
    browser->resize(760, 720);
    browser->show();
    return browser;
}

bool HelpMenu::openSample()
{
    const QString path = samplePath();
    if (path.isEmpty()) {
        QMessageBox::warning(m_window, tr("Open Sample"),
                             tr("The sample map is not installed "
                                "(share/causeway/samples/peer-nsp.causeway)."));
        return false;
    }
    return m_files->openPath(path);
}

} // namespace causeway
