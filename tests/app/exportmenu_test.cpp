#include "app/document/document.h"
#include "app/document/exportmenu.h"
#include "io/svgexport.h"
#include "app/rounds/roundedits.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QTemporaryDir>
#include <QWidget>

using namespace causeway;

namespace {

SystemMap twoFactors()
{
    SystemMap map;
    const FactorId a = map.addFactor({.label = "Trust", .position = {0, 0}});
    const FactorId b = map.addFactor({.label = "Uptake", .position = {250, 80}});
    map.addLink({.from = a, .to = b, .polarity = Polarity::Negative, .delay = true});
    return map;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(ExportMenu, FileMenuGetsAnExportSubmenuBeforeCloseAndQuit)
{
    Document doc;
    QWidget window;
    QMenu file;
    file.addAction(QStringLiteral("Open"));
    file.addSeparator();
    file.addAction(QStringLiteral("Quit"));
    ExportMenu::install(&file, &doc, &window);
    const QList<QAction*> actions = file.actions();
    ASSERT_EQ(actions.size(), 4);
    QMenu* exportMenu = actions[1]->menu();
    ASSERT_NE(exportMenu, nullptr);
    EXPECT_EQ(actions[3]->text(), QStringLiteral("Quit"));
    QStringList texts;
    for (QAction* a : exportMenu->actions())
        if (!a->isSeparator() && !a->isCheckable())
            texts << a->text().remove(QLatin1Char('&'));
    EXPECT_EQ(texts.size(), 7); // SVG, PNG, PDF, DOT, GraphML, CSV links, CSV factors
    for (const char* format : {"SVG", "PNG", "PDF", "GraphML", "DOT"})
        EXPECT_EQ(texts.filter(QString::fromLatin1(format)).size(), 1) << format;
}

TEST(ExportMenu, WritesWhatTheCommandLineWritesAndLeavesTheDocumentUnchanged)
{
    Document doc;
    doc.replaceMap(twoFactors());
    const SystemMap before = doc.map();
    const int undoSteps = doc.undoCount();
    const bool modified = doc.isModified();
    QWidget window;
    QMenu file;
    ExportMenu* exporter = ExportMenu::install(&file, &doc, &window);
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Svg, svg)) << exporter->errorString().toStdString();
    EXPECT_EQ(readAll(svg).toStdString(), exportSvg(doc.map()));
    const QString png = dir.filePath(QStringLiteral("map.png"));
    ExportSettings twice;
    twice.scale = 2;
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Png, png, twice));
    EXPECT_TRUE(readAll(png).startsWith("\x89PNG"));
    EXPECT_TRUE(doc.map() == before);
    EXPECT_EQ(doc.undoCount(), undoSteps);
    EXPECT_EQ(doc.isModified(), modified);
}

TEST(ExportMenu, AFailedExportSaysWhyAndWritesNothing)
{
    Document doc;
    doc.replaceMap(twoFactors());
    QWidget window;
    QMenu file;
    ExportMenu* exporter = ExportMenu::install(&file, &doc, &window);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/map.pdf"));
    EXPECT_FALSE(exporter->exportTo(ExportFormat::Pdf, path));
    EXPECT_FALSE(exporter->errorString().isEmpty());
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST(ExportMenu, TheEditorsExportsShowNoVoteBadgesOfASecretRoundBeforeItIsRevealed)
{
    Document doc;
    doc.replaceMap(twoFactors());
    NominationRound round;
    round.name = "Round 1";
    ASSERT_TRUE(roundedits::addRound(&doc, round));
    ASSERT_TRUE(roundedits::castBallot(&doc, QStringLiteral("Round 1"),
                                       {"P1", {ItemRef::of(FactorId(1))}, {}}));
    QWidget window;
    QMenu file;
    ExportMenu* exporter = ExportMenu::install(&file, &doc, &window);
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Svg, svg));
    EXPECT_FALSE(readAll(svg).contains("votes-factor-1"));
    ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Svg, svg));
    EXPECT_TRUE(readAll(svg).contains("votes-factor-1")); // the check above can fail
}

// "Include legend in pictures": off by default; checked, the SVG (and so PNG and PDF) the editor
// writes has the legend, as `causeway-cli export --legend` does.
TEST(ExportMenu, IncludeLegendPutsALegendInThePicturesItWrites)
{
    Document doc;
    doc.replaceMap(twoFactors());
    const int undoSteps = doc.undoCount();
    QWidget window;
    QMenu file;
    ExportMenu* exporter = ExportMenu::install(&file, &doc, &window);
    ASSERT_NE(exporter->legendAction(), nullptr);
    EXPECT_TRUE(file.actions()[0]->menu()->actions().contains(exporter->legendAction()));
    EXPECT_TRUE(exporter->legendAction()->isCheckable());
    EXPECT_FALSE(exporter->legendAction()->isChecked());
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.svg"));
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Svg, plain, exporter->settings()));
    EXPECT_FALSE(readAll(plain).contains("id=\"legend\""));
    exporter->legendAction()->trigger();
    ASSERT_TRUE(exporter->settings().svg.legend);
    const QString withLegend = dir.filePath(QStringLiteral("legend.svg"));
    ASSERT_TRUE(exporter->exportTo(ExportFormat::Svg, withLegend, exporter->settings()));
    EXPECT_TRUE(readAll(withLegend).contains("id=\"legend\""));
    SvgOptions legend;
    legend.legend = true;
    EXPECT_EQ(readAll(withLegend).toStdString(), exportSvg(doc.map(), legend));
    EXPECT_EQ(doc.undoCount(), undoSteps); // exporting never edits
}
