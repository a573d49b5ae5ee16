// File > Open Recent lists the maps a person opened or saved, and only those: a script's or a
// screenshot's maps (a FileController without a person at the screen) are not added, nor is
// their folder remembered as the last one.
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace causeway;

namespace {

// A copy of the sample map in `dir`, by its absolute path; empty if it could not be copied (an
// interactive window would then wait on an error dialog nobody closes).
QString sampleIn(const QTemporaryDir& dir, const QString& name)
{
    QString path = QDir(dir.path()).absoluteFilePath(name);
    return QFile::copy(QStringLiteral(CAUSEWAY_SAMPLE_MAP), path) ? path : QString();
}

} // namespace

TEST(RecentMaps, AMapAPersonOpensOrSavesIsRecentAScriptsIsNot)
{
    QSettings().clear(); // this run's own settings (appcore_main.cpp)
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    auto person = std::make_unique<MainWindow>(/*withAutosave=*/false);
    const QString opened = sampleIn(dir, QStringLiteral("opened.causeway"));
    ASSERT_FALSE(opened.isEmpty());
    ASSERT_TRUE(person->files()->openPath(opened));
    EXPECT_EQ(FileController::recentFiles(), QStringList{opened});
    const QString saved = QDir(dir.path()).absoluteFilePath(QStringLiteral("saved.causeway"));
    ASSERT_TRUE(person->files()->saveAs(saved));
    EXPECT_EQ(FileController::recentFiles(), (QStringList{saved, opened}));
    EXPECT_EQ(QSettings().value(QStringLiteral("lastDirectory")).toString(),
              QFileInfo(saved).absolutePath());
    person.reset();

    QTemporaryDir elsewhere;
    ASSERT_TRUE(elsewhere.isValid());
    auto script = std::make_unique<MainWindow>(/*withAutosave=*/false);
    script->files()->setInteractive(false); // as causeway --screenshot does
    const QString shot = sampleIn(elsewhere, QStringLiteral("shot.causeway"));
    ASSERT_FALSE(shot.isEmpty());
    ASSERT_TRUE(script->files()->openPath(shot));
    ASSERT_TRUE(script->files()->saveAs(
        QDir(elsewhere.path()).absoluteFilePath(QStringLiteral("copy.causeway"))));
    EXPECT_EQ(FileController::recentFiles(), (QStringList{saved, opened}))
        << "a script's maps are not recent";
    EXPECT_EQ(QSettings().value(QStringLiteral("lastDirectory")).toString(),
              QFileInfo(saved).absolutePath());
}
