// Monitoring in the editor: indicator data imported into the sample map from the Monitor dock,
// exactly the deliberately contradicted links marked so, a refused import that harms nothing, and
// indicator and plan edits that are single undo steps.
// Set CAUSEWAY_SCREENSHOT_DIR to also write monitor-panel.png and monitor-marks.png at 1024x768.
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "app/document/exportmenu.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "app/monitor/holdupsequence.h"
#include "app/monitor/indicatordialog.h"
#include "app/monitor/monitordata.h"
#include "app/monitor/monitordock.h"
#include "app/monitor/monitoredits.h"
#include "app/monitor/monitorpanel.h"
#include "app/monitor/verdictmarks.h"
#include "io/ballots.h"
#include "io/mapfile.h"
#include "model/monitoringplan.h"
#include "model/nominations.h"
#include "monitor/seriesimport.h"
#include "tests/app/testwindow.h"

#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <set>

using namespace causeway;

namespace {

// The links tests/cli/make_monitor_data.py builds to be contradicted (its CONTRADICTED).
const std::set<std::pair<std::string, std::string>> kContradicted{
    {"Client trust in the service", "Client visits to the NSP"},
    {"Client visits to the NSP", "Two-way knowledge exchange"}};

class MonitorGui : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_mapPath = m_dir.filePath(QStringLiteral("peer-nsp.causeway"));
        ASSERT_TRUE(QFile::copy(QStringLiteral(CAUSEWAY_SAMPLE_MAP), m_mapPath));
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(m_window, QSize(1024, 768)));
        QString error;
        ASSERT_TRUE(m_window->document()->open(m_mapPath, &error)) << error.toStdString();
        m_dock = m_window->findChild<MonitorDock*>();
        ASSERT_NE(m_dock, nullptr);
    }
    void TearDown() override
    {
        if (m_window)
            m_window->document()->markSaved(); // no "save changes?" on close
        delete m_window;
    }

    // The generated 24-month data set, written by the same script the CLI test uses.
    QString generatedData()
    {
        const QString out = m_dir.filePath(QStringLiteral("data.csv"));
        QProcess python;
        python.start(QStringLiteral("python3"), {QStringLiteral(CAUSEWAY_MONITOR_DATA_SCRIPT), out});
        EXPECT_TRUE(python.waitForFinished(30000));
        EXPECT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
        return out;
    }
    QString writeFile(const QString& name, const QByteArray& text)
    {
        QFile file(m_dir.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return file.fileName();
    }
    // The (from, to) labels of the links whose mark on the canvas is `mark`.
    std::set<std::pair<std::string, std::string>> markedLinks(VerdictMark mark) const
    {
        const SystemMap& map = m_window->document()->map();
        std::set<std::pair<std::string, std::string>> links;
        for (const VerdictMarkItem* item : m_dock->marks()->items())
            if (item->item().isLink() && item->mark() == mark && item->scene() == m_window->scene()) {
                const Link& link = map.link(item->item().link);
                links.emplace(map.factor(link.from).label, map.factor(link.to).label);
            }
        return links;
    }
    // The presentation (F5) of the map, shown.
    PresentationView* present()
    {
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::Key_F5)) {
                a->trigger();
                break;
            }
        PresentationView* view = presentationOf(m_window);
        if (view) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(view));
        }
        return view;
    }
    bool waitForMarks() const
    {
        return QTest::qWaitFor([this] { return !m_dock->marks()->items().empty(); }, 5000);
    }

    QTemporaryDir m_dir;
    QString m_mapPath;
    MainWindow* m_window = nullptr;
    MonitorDock* m_dock = nullptr;
};

TEST_F(MonitorGui, ImportedSampleDataMarksExactlyTheIntendedLinksContradicted)
{
    const QString data = generatedData();
    const std::string mapBefore = writeMapJson(m_window->document()->map());
    ASSERT_TRUE(m_dock->importFile(data)) << m_dock->lastMessage()->text().toStdString();
    ASSERT_TRUE(waitForMarks());

    EXPECT_EQ(markedLinks(VerdictMark::Contradicted), kContradicted);
    EXPECT_EQ(m_dock->data()->report().links.size(), 4u) << "the four links among the nominated items";
    EXPECT_FALSE(markedLinks(VerdictMark::Consistent).empty());
    // The data went to the store beside the map; the map itself is as it was.
    EXPECT_TRUE(QFile::exists(QString::fromStdString(dataStorePath(m_mapPath.toStdString()))));
    EXPECT_EQ(writeMapJson(m_window->document()->map()), mapBefore);
    EXPECT_FALSE(m_window->document()->isModified());
    EXPECT_TRUE(m_dock->lastMessage()->text().contains(QStringLiteral("new")));
    m_dock->lastMessage()->close();

    // The panel says it in words, with the caveat, and a verdict click shows the paired series.
    MonitorPanel* panel = m_dock->panel();
    ASSERT_TRUE(QTest::qWaitFor([panel] { return panel->rows().size() >= 4; }, 5000));
    QToolButton* contradicted = nullptr;
    std::set<std::pair<std::string, std::string>> saidContradicted; // by the rows' verdict words
    const SystemMap& map = m_window->document()->map();
    for (QWidget* row : panel->rows())
        if (auto* b = row->findChild<QToolButton*>(QStringLiteral("verdict")); b && b->text() == QStringLiteral("contradicted")) {
            contradicted = b;
            const Link& link = map.link(MonitorPanel::rowItem(row).link);
            saidContradicted.emplace(map.factor(link.from).label, map.factor(link.to).label);
        }
    EXPECT_EQ(saidContradicted, kContradicted);
    ASSERT_NE(contradicted, nullptr);
    bool caveat = false;
    for (const QLabel* label : panel->findChildren<QLabel*>())
        caveat = caveat || (label->isVisible() && label->text().contains(QStringLiteral("not proof")));
    EXPECT_TRUE(caveat) << "the panel says co-movement is not proof of causation";
    QTest::mouseClick(contradicted, Qt::LeftButton);
    ASSERT_TRUE(panel->pairedItem().isLink());
    EXPECT_TRUE(panel->pairedChart()->isVisible());
    EXPECT_GE(panel->pairedChart()->chart()->series().size(), 2);
    const Link& shown = m_window->document()->map().link(panel->pairedItem().link);
    EXPECT_EQ(kContradicted.count({m_window->document()->map().factor(shown.from).label,
                                   m_window->document()->map().factor(shown.to).label}), 1u);
    EXPECT_EQ(m_window->scene()->selectedLinks(), std::vector<LinkId>{panel->pairedItem().link});

    if (const QString dir = qEnvironmentVariable("CAUSEWAY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        m_dock->showPanel();
        m_window->view()->zoomToFit();
        QTest::qWait(200); // let the charts and the canvas paint once
        EXPECT_TRUE(m_window->grab().save(dir + QStringLiteral("/monitor-panel.png")));
        m_dock->dock()->hide();
        m_window->scene()->selectOnly({});
        m_window->view()->zoomToFit();
        QTest::qWait(200);
        EXPECT_TRUE(m_window->grab().save(dir + QStringLiteral("/monitor-marks.png")));
    }
}

TEST_F(MonitorGui, RefusedImportLeavesTheDocumentUnmodified)
{
    const std::string mapBefore = writeMapJson(m_window->document()->map());
    const int steps = m_window->document()->undoCount();
    const QString bad = writeFile(QStringLiteral("bad.csv"), "Date,Peer worker skill\n2027-01,12\n2027-02,twelve\n");
    EXPECT_FALSE(m_dock->importFile(bad));
    ASSERT_NE(m_dock->lastMessage(), nullptr);
    const QString message = m_dock->lastMessage()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("row 3"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("not a number"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was imported"))) << message.toStdString();
    EXPECT_FALSE(m_window->document()->isModified());
    EXPECT_EQ(m_window->document()->undoCount(), steps);
    EXPECT_EQ(writeMapJson(m_window->document()->map()), mapBefore);
    EXPECT_TRUE(m_dock->data()->series().empty());
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dataStorePath(m_mapPath.toStdString()))));
    QTest::qWait(50);
    EXPECT_TRUE(m_dock->marks()->items().empty());
}

TEST_F(MonitorGui, SaveAsTakesTheImportedDataAlong)
{
    ASSERT_TRUE(m_dock->importFile(generatedData()));
    const SeriesSet imported = m_dock->data()->series();
    const QString copy = m_dir.filePath(QStringLiteral("copy.causeway"));
    QString error;
    ASSERT_TRUE(m_window->document()->saveAs(copy, &error)) << error.toStdString();
    const QString store = QString::fromStdString(dataStorePath(copy.toStdString()));
    ASSERT_TRUE(QFile::exists(store));
    QFile file(store);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(parseSeriesCsv(file.readAll().toStdString()).series, imported);
    EXPECT_EQ(m_dock->data()->series(), imported);
}

TEST_F(MonitorGui, UndoRemovesAnIndicator)
{
    Document* doc = m_window->document();
    const FactorId skill = *doc->map().findFactorByLabel("Peer worker skill");
    const ItemRef item = ItemRef::of(skill);
    ASSERT_EQ(findIndicator(doc->map(), item), nullptr);
    Indicator indicator;
    indicator.name = "Peer training hours";
    indicator.unit = "hours a month";
    indicator.owner = "Peer coordinator";
    QString error;
    ASSERT_TRUE(setItemIndicator(doc, item, indicator, &error)) << error.toStdString();
    ASSERT_NE(findIndicator(doc->map(), item), nullptr);
    EXPECT_EQ(*findIndicator(doc->map(), item), indicator);
    EXPECT_EQ(doc->undoText(), QStringLiteral("Add Indicator"));
    ASSERT_TRUE(doc->undo());
    EXPECT_EQ(findIndicator(doc->map(), item), nullptr);
    ASSERT_TRUE(doc->redo());
    EXPECT_EQ(*findIndicator(doc->map(), item), indicator);
    // A nameless indicator is refused with the model's reason, and nothing changes.
    const int steps = doc->undoCount();
    EXPECT_FALSE(setItemIndicator(doc, item, Indicator{}, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(doc->undoCount(), steps);
}

TEST_F(MonitorGui, DraftingThePlanFromARevealedRoundIsOneUndoStep)
{
    Document* doc = m_window->document();
    SystemMap map = doc->map();
    QFile ballots(QStringLiteral(CAUSEWAY_ROUND1_BALLOTS));
    ASSERT_TRUE(ballots.open(QIODevice::ReadOnly));
    importBallotsCsv(map, "Round 1", ballots.readAll().toStdString());
    NominationRound round = *findRound(map, "Round 1");
    round.revealed = true;
    updateRound(map, "Round 1", round);
    doc->replaceMap(map, m_mapPath);
    const std::string before = writeMapJson(doc->map());
    const int steps = doc->undoIndex();

    ASSERT_TRUE(m_dock->draftPlan(QStringLiteral("Round 1")));
    EXPECT_EQ(doc->undoIndex(), steps + 1);
    const MonitoringPlan& plan = doc->map().monitoringPlan();
    EXPECT_EQ(plan.round, "Round 1");
    EXPECT_EQ(plan.watch.size(), 3u);
    EXPECT_FALSE(plan.review.empty());
    for (ItemRef item : plan.watch)
        EXPECT_NE(findIndicator(doc->map(), item), nullptr);
    ASSERT_TRUE(doc->undo());
    EXPECT_EQ(writeMapJson(doc->map()), before);
    EXPECT_TRUE(doc->map().monitoringPlan().empty());
}

TEST_F(MonitorGui, PresentationStepsThroughTheVerdictsWithoutEditingTheMap)
{
    ASSERT_TRUE(m_dock->importFile(generatedData()));
    m_dock->lastMessage()->close();
    const std::string before = writeMapJson(m_window->document()->map());
    QAction* present = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::Key_F5))
            present = a;
    ASSERT_NE(present, nullptr);
    present->trigger();
    PresentationView* view = presentationOf(m_window);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view));
    auto* sequence = view->findChild<HoldUpSequence*>();
    ASSERT_NE(sequence, nullptr);

    QTest::keyClick(view, Qt::Key_M);
    ASSERT_TRUE(sequence->isActive());
    EXPECT_TRUE(sequence->caption().contains(QStringLiteral("How did the map hold up?")));
    EXPECT_TRUE(sequence->caption().contains(QStringLiteral("2 contradicted"))) << sequence->caption().toStdString();
    EXPECT_TRUE(sequence->caption().contains(QStringLiteral("not proof")));
    const MonitorReport& report = m_dock->data()->report();
    ASSERT_EQ(report.links.size(), 4u);
    EXPECT_EQ(sequence->size(), int(1 + report.links.size() + report.factors.size() + report.loops.size()));
    std::set<std::pair<std::string, std::string>> saidContradicted;
    const SystemMap& map = m_window->document()->map();
    for (int i = 1; i <= 4; ++i) { // the links come first
        QTest::keyClick(view, Qt::Key_PageDown);
        ASSERT_EQ(sequence->index(), i);
        const LinkCheck& check = m_dock->data()->report().links[std::size_t(i - 1)];
        const Link& link = map.link(check.link);
        EXPECT_EQ(view->focus(), link.from) << "the link's cause in focus";
        EXPECT_TRUE(sequence->caption().contains(QString::fromStdString(map.factor(link.to).label)));
        if (sequence->caption().contains(QStringLiteral(": contradicted")))
            saidContradicted.emplace(map.factor(link.from).label, map.factor(link.to).label);
    }
    EXPECT_EQ(saidContradicted, kContradicted);
    if (const QString dir = qEnvironmentVariable("CAUSEWAY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        sequence->goTo(2);
        QTest::qWait(200);
        EXPECT_TRUE(view->grab().save(dir + QStringLiteral("/monitor-holdup.png")));
    }
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_FALSE(sequence->isActive());
    EXPECT_TRUE(view->isVisible()) << "the first Esc ends the sequence, not the presentation";
    EXPECT_EQ(writeMapJson(m_window->document()->map()), before);
    EXPECT_FALSE(m_window->document()->isModified());
    view->close();
}

// The hold-up sequence after the links: each factor with figures (its trend with the numbers
// behind it, the factor in focus) and each loop with a checked link, the marks explained in the
// legend all along, and the caption never over what it talks about.
TEST_F(MonitorGui, HoldUpStepsThroughFactorAndLoopVerdictsWithTheirNumbers)
{
    ASSERT_TRUE(m_dock->importFile(generatedData()));
    m_dock->lastMessage()->close();
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    auto* sequence = view->findChild<HoldUpSequence*>();
    ASSERT_NE(sequence, nullptr);
    const int slideBefore = view->slideIndex();
    QTest::keyClick(view, Qt::Key_M);
    ASSERT_TRUE(sequence->isActive());
    const MonitorReport& report = m_dock->data()->report();
    ASSERT_FALSE(report.factors.empty());
    ASSERT_FALSE(report.loops.empty()) << "the sample's data check at least one loop";
    const SystemMap& map = m_window->document()->map();
    const QLabel* caption = sequence->captionLabel();
    std::size_t factorSteps = 0, loopSteps = 0;
    for (int i = 1; i < sequence->size(); ++i) {
        QTest::keyClick(view, Qt::Key_PageDown);
        ASSERT_EQ(sequence->index(), i);
        const QString text = sequence->caption();
        const HoldUpSequence::Step step = sequence->step(i);
        // The legend explains each mark by its symbol and its meaning in words.
        std::set<QString> explained;
        for (const present::LegendEntry& e : view->shownLegend())
            if (e.kind == present::LegendEntry::Kind::Drawn && e.draw)
                explained.insert(e.text.section(QLatin1Char(':'), 0, 0));
        EXPECT_EQ(explained, (std::set<QString>{QStringLiteral("consistent"), QStringLiteral("contradicted"),
                                                QStringLiteral("unclear")})) << "step " << i;
        const QRectF captionOnMap = view->mapToScene(caption->geometry()).boundingRect();
        if (step.kind == HoldUpSequence::Step::Kind::Link) {
            const LinkShape& shape = view->canvas()->linkItem(report.links[step.check].link)->linkShape();
            EXPECT_FALSE(captionOnMap.contains(QPointF(shape.middle.x, shape.middle.y))) << "step " << i;
        } else if (step.kind == HoldUpSequence::Step::Kind::Factor) {
            ++factorSteps;
            const FactorCheck& check = report.factors[step.check];
            EXPECT_EQ(view->focus(), check.factor) << "the factor in focus";
            EXPECT_TRUE(text.contains(QString::fromStdString(map.factor(check.factor).label))) << text.toStdString();
            EXPECT_TRUE(text.contains(markWord(markOf(check)))) << text.toStdString();
            if (check.trend.n >= 4) {
                EXPECT_TRUE(text.contains(QStringLiteral("Mann-Kendall S = %1").arg(check.trend.s, 0, 'f', 0)))
                    << text.toStdString();
                EXPECT_TRUE(text.contains(QStringLiteral("Sen's slope"))) << text.toStdString();
            }
            const QRectF box = view->canvas()->factorItem(check.factor)->sceneBoundingRect();
            EXPECT_FALSE(captionOnMap.intersects(box)) << "step " << i << ": the caption covers the factor";
        } else {
            ASSERT_EQ(step.kind, HoldUpSequence::Step::Kind::Loop);
            ++loopSteps;
            const LoopCheck& check = report.loops[step.check];
            EXPECT_TRUE(text.contains(QStringLiteral("loop"))) << text.toStdString();
            EXPECT_TRUE(text.contains(QStringLiteral("Checked links: %1 consistent, %2 contradicted (of %3)")
                                          .arg(check.consistent).arg(check.contradicted).arg(check.monitoredLinks)))
                << text.toStdString();
            EXPECT_TRUE(text.contains(markWord(markOf(check)))) << text.toStdString();
            EXPECT_TRUE(text.contains(QStringLiteral("not proof"))) << text.toStdString();
            EXPECT_FALSE(view->everythingLit()) << "the loop is lit";
            for (FactorId f : check.loop.factors)
                EXPECT_TRUE(view->lit().factors.count(f)) << "step " << i;
        }
    }
    EXPECT_EQ(factorSteps, report.factors.size());
    EXPECT_EQ(loopSteps, report.loops.size());
    if (const QString dir = qEnvironmentVariable("CAUSEWAY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        sequence->goTo(int(1 + report.links.size())); // the first factor
        QTest::qWait(200);
        EXPECT_TRUE(view->grab().save(dir + QStringLiteral("/monitor-holdup-factor.png")));
        sequence->goTo(sequence->size() - 1); // the last loop
        QTest::qWait(200);
        EXPECT_TRUE(view->grab().save(dir + QStringLiteral("/monitor-holdup-loop.png")));
    }
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_FALSE(sequence->isActive());
    EXPECT_TRUE(view->extraLegend().empty()) << "the marks' legend goes with the marks";
    EXPECT_EQ(view->slideIndex(), slideBefore) << "the presentation is back where it was";
    EXPECT_FALSE(view->focus().has_value());
    view->close();
}

// File > Export SVG with data attached carries the canvas's marks, links and factors, and the
// legend explains them.
TEST_F(MonitorGui, ExportedSvgCarriesTheVerdictMarksAndTheirLegend)
{
    ASSERT_TRUE(m_dock->importFile(generatedData()));
    m_dock->lastMessage()->close();
    auto* menu = m_window->findChild<ExportMenu*>();
    ASSERT_NE(menu, nullptr);
    menu->legendAction()->setChecked(true);
    const QString path = m_dir.filePath(QStringLiteral("marked.svg"));
    ASSERT_TRUE(menu->exportTo(ExportFormat::Svg, path, menu->settings())) << menu->errorString().toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    const SystemMap& map = m_window->document()->map();
    std::set<std::pair<std::string, std::string>> contradicted;
    const QRegularExpression mark(QStringLiteral("<g class=\"link-mark contradicted\" id=\"link-mark-(\\d+)\">"));
    for (auto it = mark.globalMatch(svg); it.hasNext();) {
        const Link& link = map.link(LinkId(it.next().captured(1).toULongLong()));
        contradicted.emplace(map.factor(link.from).label, map.factor(link.to).label);
    }
    EXPECT_EQ(contradicted, kContradicted);
    EXPECT_EQ(svg.count(QStringLiteral("<g class=\"factor-mark ")), qsizetype(m_dock->data()->report().factors.size()));
    EXPECT_EQ(svg.count(QStringLiteral("<g class=\"entry verdict ")), 3);
    // Switched off on the canvas: off in the export too.
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->text() == QStringLiteral("Verdict &Marks on the Map"))
            a->setChecked(false);
    ASSERT_FALSE(m_dock->marks()->isVisible());
    ASSERT_TRUE(menu->exportTo(ExportFormat::Svg, path, menu->settings()));
    file.close();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(QString::fromUtf8(file.readAll()).contains(QStringLiteral("-mark")));
}

// Closing the window lets the Document go while an edit's check is still queued (phone voting
// runs a nested event loop as it stops serving): the check that comes due finds no map and tells
// no one, instead of reading the map that was freed (phones_gui aborted on it).
TEST(MonitorDataAlone, ACheckQueuedBeforeTheDocumentWentIsDropped)
{
    auto* document = new Document;
    MonitorData data(document);
    QCoreApplication::processEvents(); // the first load's check
    int changes = 0;
    QObject::connect(&data, &MonitorData::changed, [&] { ++changes; });
    document->addFactor(QStringLiteral("Client trust"), Point{0, 0});
    delete document; // before the queued check comes due
    QCoreApplication::processEvents();
    EXPECT_EQ(changes, 0);
    EXPECT_EQ(data.document(), nullptr);
    EXPECT_TRUE(data.report().links.empty());
    EXPECT_EQ(data.seriesOf(ItemRef{}), nullptr);
}

TEST(IndicatorDialog, KeepsOkDisabledWhileTheNameIsBlank)
{
    Indicator start;
    start.name = "Kits given out";
    start.frequency = "monthly";
    IndicatorDialog dialog(QStringLiteral("Sterile equipment coverage"), start);
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled());
    auto* name = dialog.findChild<QLineEdit*>();
    name->setText(QStringLiteral("   "));
    EXPECT_FALSE(ok->isEnabled());
    name->setText(QStringLiteral("Kits a month"));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_EQ(dialog.indicator().name, "Kits a month");
    EXPECT_EQ(dialog.indicator().frequency, "monthly");
}

} // namespace
