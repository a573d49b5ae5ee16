// Help > Guide and About, File > Open Sample, and where the installed data files are found.
#include "app/document/document.h"
#include "app/help/aboutbox.h"
#include "app/help/helpmenu.h"
#include "app/help/helppaths.h"
#include "testwindow.h"

#include <causeway/buildinfo.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

void touch(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
}

QAction* findAction(QWidget* window, const QString& objectName)
{
    for (QAction* menu : window->findChild<QMenuBar*>()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->objectName() == objectName)
                    return a;
    return nullptr;
}

} // namespace

TEST(HelpPaths, TheInstalledCopyBesideTheProgramWinsOverTheSourceTree)
{
    QTemporaryDir root;
    const QString bin = root.filePath(QStringLiteral("usr/bin"));
    const QString source = root.filePath(QStringLiteral("src"));
    touch(root.filePath(QStringLiteral("usr/share/causeway/samples/s.causeway")));
    touch(root.filePath(QStringLiteral("src/resources/s.causeway")));
    QDir().mkpath(bin);
    EXPECT_EQ(findDataFile(QStringLiteral("samples/s.causeway"), QStringLiteral("resources/s.causeway"),
                           bin, source),
              root.filePath(QStringLiteral("usr/share/causeway/samples/s.causeway")));
}

TEST(HelpPaths, ABuildFallsBackToTheSourceTreeAndMissingIsEmpty)
{
    QTemporaryDir root;
    touch(root.filePath(QStringLiteral("src/resources/s.causeway")));
    const QString bin = root.filePath(QStringLiteral("build/app"));
    QDir().mkpath(bin);
    EXPECT_EQ(findDataFile(QStringLiteral("samples/s.causeway"), QStringLiteral("resources/s.causeway"),
                           bin, root.filePath(QStringLiteral("src"))),
              root.filePath(QStringLiteral("src/resources/s.causeway")));
    EXPECT_TRUE(findDataFile(QStringLiteral("x"), QStringLiteral("y"), bin, QString()).isEmpty());
}

TEST(About, NamesTheVersionLicenceAndLibrariesWithVersions)
{
    const QString text = aboutText();
    EXPECT_TRUE(text.contains(QString::fromUtf8(buildinfo::kVersion)));
    EXPECT_TRUE(text.contains(QStringLiteral("Licence: ") + QString::fromUtf8(buildinfo::kLicense)));
    EXPECT_TRUE(text.contains(QStringLiteral("<td>Qt</td><td>") + QString::fromLatin1(qVersion())));
    for (const char* name : {"Graphviz", "Boost", "nlohmann_json", "pugixml", "HarfBuzz", "cairo"}) {
        const QString row = QStringLiteral("<td>%1</td><td>").arg(QString::fromLatin1(name));
        const qsizetype at = text.indexOf(row);
        ASSERT_GE(at, 0) << name;
        EXPECT_TRUE(text.at(at + row.size()).isDigit()) << name << " has no version";
    }
}

TEST(Guide, TheBuildFindsTheGuideAndItCoversTheWorkshop)
{
    MainWindow* window = nullptr;
    ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 720}));
    auto* help = window->findChild<HelpMenu*>();
    ASSERT_NE(help, nullptr);
    QTextBrowser* guide = help->showGuide();
    ASSERT_NE(guide, nullptr);
    const QString text = guide->toPlainText();
    for (const char* topic : {"Draw the map", "Lay it out", "Find the loops",
                              "Run a nomination round", "Present to the room", "Export and print"})
        EXPECT_TRUE(text.contains(QLatin1String(topic))) << topic;
    guide->close();
    delete window;
}

TEST(OpenSample, TheFileMenuOpensTheSampleMap)
{
    MainWindow* window = nullptr;
    ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 720}));
    QAction* sample = findAction(window, QStringLiteral("openSample"));
    ASSERT_NE(sample, nullptr);
    sample->trigger();
    EXPECT_EQ(QFileInfo(window->document()->filePath()).canonicalFilePath(),
              QFileInfo(QStringLiteral(CAUSEWAY_SAMPLE_MAP)).canonicalFilePath());
    EXPECT_GT(window->document()->map().factorCount(), 10u);
    delete window;
}
