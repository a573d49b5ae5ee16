#include "app/document/filecontroller.h"

#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "io/import.h"
#include "io/ioerror.h"

#include <cstdio>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace causeway {

namespace {
constexpr int kMaxRecent = 10;
const char kRecentKey[] = "recentFiles";
const char kLastDirKey[] = "lastDirectory";

QString startDirectory()
{
    return QSettings().value(kLastDirKey, QDir::homePath()).toString();
}
} // namespace

FileController::FileController(Document* document, QWidget* window)
    : QObject(window), m_document(document), m_window(window)
{
}

void FileController::fillMenu(QMenu* menu)
{
    auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = menu->addAction(text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("&New"), QKeySequence::New, &FileController::newMap);
    add(tr("New &Window"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        &FileController::newWindowRequested);
    add(tr("&Open..."), QKeySequence::Open, &FileController::openDialog);
    m_recentMenu = menu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &FileController::rebuildRecentMenu);
    rebuildRecentMenu();
    menu->addSeparator();
    add(tr("&Save"), QKeySequence::Save, [this] { save(); });
    add(tr("Save &As..."), QKeySequence::SaveAs, &FileController::saveAsDialog);
    menu->addSeparator();
    add(tr("&Import..."), QKeySequence(Qt::CTRL | Qt::Key_I),
        &FileController::importDialog);
    menu->addSeparator();
    add(tr("&Close Window"), QKeySequence::Close, [this] { m_window->close(); });
    add(tr("&Quit"), QKeySequence::Quit, [] { QApplication::closeAllWindows(); });
}

bool FileController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved changes"),
        tr("Save the changes to \"%1\" before closing it?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileController::newMap()
{
    if (maybeSave())
        m_document->newMap();
}

bool FileController::isImportable(const QString& path)
{
    return causeway::isImportable(nativePath(path));
}

// "Links table (*.csv);;GraphML (*.graphml);;..." from io's list, with an "all" entry first.
QString FileController::importFilter()
{
    QStringList all, each;
    for (const ImportFormat& f : importFormats()) {
        QStringList patterns;
        for (const std::string& ext : f.extensions)
            patterns << QStringLiteral("*.") + QString::fromStdString(ext);
        all << patterns;
        each << QStringLiteral("%1 (%2)").arg(QString::fromStdString(f.name), patterns.join(QLatin1Char(' ')));
    }
    return tr("Maps from other tools (%1);;").arg(all.join(QLatin1Char(' '))) + each.join(QStringLiteral(";;"));
}

bool FileController::openPath(const QString& path)
{
    if (isImportable(path))
        return importPath(path);
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->open(path, &error)) {
        showError(tr("Could not open the map"), error);
        return false;
    }
    addRecent(path);
    emit mapLoaded(false);
    return true;
}

bool FileController::importPath(const QString& path)
{
    if (!maybeSave())
        return false;
    ImportResult result;
    try {
        result = importFile(nativePath(path));
    } catch (const std::exception& e) {
        showError(tr("Could not import the file"), QString::fromUtf8(e.what()));
        return false;
    }
    m_document->replaceMap(std::move(result.map));
    // Laid out (by the window) before any dialog lets the unlaid map be drawn.
    emit mapLoaded(true);
    if (!result.warnings.empty() && !m_interactive) {
        for (const std::string& w : result.warnings)
            std::fprintf(stderr, "causeway: %s: %s\n", qPrintable(path), w.c_str());
    } else if (!result.warnings.empty()) {
        QMessageBox box(QMessageBox::Information, tr("Imported with warnings"),
                        tr("%1 was imported, but %n row(s) or item(s) could not be used as they "
                           "were. See the details.",
                           nullptr, int(result.warnings.size()))
                            .arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, m_window);
        QStringList lines;
        for (const std::string& w : result.warnings)
            lines << QString::fromStdString(w);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
    }
    emit statusMessage(tr("Imported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool FileController::save()
{
    if (m_document->filePath().isEmpty()) {
        saveAsDialog();
        return !m_document->isModified();
    }
    QString error;
    if (!m_document->save(&error)) {
        showError(tr("Could not save the map"), error);
        return false;
    }
    emit statusMessage(tr("Saved %1").arg(m_document->filePath()));
    return true;
}

bool FileController::saveAs(const QString& path)
{
    QString error;
    if (!m_document->saveAs(path, &error)) {
        showError(tr("Could not save the map"), error);
        return false;
    }
    addRecent(path);
    emit statusMessage(tr("Saved %1").arg(path));
    return true;
}

void FileController::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open map"), startDirectory(),
        tr("Causeway maps (*.causeway);;") + importFilter() + tr(";;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void FileController::saveAsDialog()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(startDirectory()).filePath(tr("Untitled") + QStringLiteral(".causeway"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save map as"), suggestion,
                                                tr("Causeway maps (*.causeway)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".causeway");
    saveAs(path);
}

void FileController::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import a map"), startDirectory(),
        importFilter() + tr(";;All files (*)"));
    if (!path.isEmpty())
        importPath(path);
}

bool FileController::offerRecovery()
{
    const std::vector<RecoveryFile> files = Autosaver::findRecoveryFiles();
    if (files.empty())
        return false;
    const RecoveryFile& newest = files.front();
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved work?"),
                    tr("Causeway did not close normally. Unsaved work on \"%1\" from %2 can be "
                       "recovered.")
                        .arg(newest.displayName,
                             QLocale().toString(newest.savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, m_window);
    if (files.size() > 1)
        box.setInformativeText(tr("%n more recovery file(s) will be offered next time.", nullptr,
                                  int(files.size() - 1)));
    QPushButton* recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard) {
        Autosaver::removeRecoveryFile(newest);
        return false;
    }
    if (box.clickedButton() != recover)
        return false;
    SystemMap map;
    QString error;
    if (!Autosaver::loadRecoveryFile(newest, &map, &error)) {
        showError(tr("Could not recover the map"), error);
        return false;
    }
    m_document->replaceMap(std::move(map), newest.originalPath);
    Autosaver::removeRecoveryFile(newest); // the autosaver writes a fresh one for this window
    emit statusMessage(tr("Recovered \"%1\": save it to keep it").arg(newest.displayName));
    emit mapLoaded(false);
    return true;
}

QStringList FileController::recentFiles()
{
    return QSettings().value(kRecentKey).toStringList();
}

void FileController::addRecent(const QString& path)
{
    if (!m_interactive)
        return; // a script's or a screenshot's maps are nobody's recent ones
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings settings;
    settings.setValue(kRecentKey, recent);
    settings.setValue(kLastDirKey, QFileInfo(absolute).absolutePath());
    rebuildRecentMenu();
}

void FileController::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    int n = 0;
    for (const QString& path : recent) {
        const QString text = (++n < 10 ? QStringLiteral("&%1 ").arg(n) : QString())
                           + QFileInfo(path).fileName();
        QAction* a = m_recentMenu->addAction(text);
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(no recent maps)"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this,
                [] { QSettings().remove(kRecentKey); });
    }
}

void FileController::showError(const QString& title, const QString& message)
{
    if (!m_interactive) {
        std::fprintf(stderr, "causeway: %s: %s\n", qPrintable(title), qPrintable(message));
        return;
    }
    QMessageBox::warning(m_window, title, message);
}

} // namespace causeway
