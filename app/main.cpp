// The Causeway editor: `causeway [MAP...]`, or `causeway --screenshot OUT.png [--size WxH] MAP` to
// render the editor on a map to a PNG and exit (used by scripts/screenshot under Xvfb).
#include "app/analysis/analysisdocks.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/loops/looplabelslist.h"
#include "app/loops/loopjob.h"
#include "app/loops/loopspanel.h"
#include "app/mainwindow.h"
#include "app/present/presentshot.h"

#include <causeway/buildinfo.h>

#include <QApplication>
#include <QIcon>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFont>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <variant>

namespace {

QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {};
    return {parts[0].toInt(), parts[1].toInt()};
}

// What --layout names: a Graphviz engine, or the loop-first layout ("loops", "loops-anticlockwise").
using LayoutChoice = std::variant<causeway::layout::Engine, causeway::layout::LoopDirection>;

std::optional<LayoutChoice> parseLayout(const QString& name)
{
    for (causeway::layout::Engine e : causeway::layout::allEngines())
        if (name == QLatin1String(causeway::layout::engineName(e)))
            return e;
    if (name == QLatin1String("loops"))
        return causeway::layout::LoopDirection::Clockwise;
    if (name == QLatin1String("loops-anticlockwise"))
        return causeway::layout::LoopDirection::Anticlockwise;
    return std::nullopt;
}

// --name-loop N:NAME names the Nth shortest loop; --loop N highlights it in the Loops panel.
struct LoopShots {
    QStringList names;
    int highlight = -1;
};

void showLoops(causeway::MainWindow* window, const LoopShots& loops)
{
    if (loops.highlight < 0 && loops.names.isEmpty())
        return; // no loop option: no loop search (a dense map has 10^8 loops and more)
    // Only the shortest loops the options name, as the Loops panel lists them: the Nth shortest
    // loop is the last of the N + 1 shortest.
    std::size_t wanted = 0;
    for (const QString& spec : loops.names)
        if (const int colon = spec.indexOf(QLatin1Char(':')); colon > 0)
            wanted = std::max<std::size_t>(wanted, spec.left(colon).toULong() + 1);
    if (wanted > 0) {
        causeway::LoopQuery query;
        query.limit = wanted;
        const auto found = causeway::findLoops(window->document()->map(), query).loops;
        for (const QString& spec : loops.names) {
            const int colon = spec.indexOf(QLatin1Char(':'));
            const std::size_t index = spec.left(colon).toULong();
            if (colon > 0 && index < found.size())
                causeway::nameLoop(window->document(), found[index], spec.mid(colon + 1).toStdString());
        }
    }
    causeway::LoopsPanel* panel = window->analysis()->loops();
    window->analysis()->showLoops();
    QApplication::processEvents();
    // Wait for the panel's list of shortest loops (and its overview, for up to two seconds),
    // then stop the job: its count deepens through every loop length, which on a dense map
    // would not end.
    causeway::LoopJob* job = panel->job();
    QEventLoop wait;
    QObject::connect(job, &causeway::LoopJob::listed, &wait,
                     [&wait] { QTimer::singleShot(2000, &wait, &QEventLoop::quit); });
    QObject::connect(job, &causeway::LoopJob::overviewReady, &wait, &QEventLoop::quit);
    QObject::connect(job, &causeway::LoopJob::finished, &wait, &QEventLoop::quit);
    panel->restartNow();
    if (job->isRunning())
        wait.exec();
    job->cancel();
    job->waitForFinished();
    QApplication::processEvents(); // the results are delivered as queued calls
    if (loops.highlight >= 0)
        panel->selectRow(loops.highlight);
}

int screenshot(const QString& out, QSize size, const QString& mapPath,
               std::optional<LayoutChoice> layout, double zoom, const QString& select,
               const LoopShots& loops = {},
               const std::optional<causeway::PresentShot>& present = std::nullopt,
               const QString& results = {})
{
    QTextStream err(stderr);
    auto* window = new causeway::MainWindow(/*withAutosave=*/false);
    window->scene()->setAnimationsEnabled(false); // the picture is taken at once
    window->files()->setInteractive(false);       // nobody is there to close a dialog
    window->resize(size);
    window->show();
    QElapsedTimer clock;
    clock.start();
    if (!mapPath.isEmpty() && !window->files()->openPath(mapPath)) {
        err << "causeway: could not open " << mapPath << "\n";
        return 1;
    }
    const qint64 openMs = clock.elapsed();
    causeway::LayoutRunner* runner = window->layoutMenu()->runner();
    if (layout) {
        runner->waitForFinished();
        QApplication::processEvents();
        if (const auto* engine = std::get_if<causeway::layout::Engine>(&*layout))
            runner->run(*engine);
        else
            runner->runLoopFirst(std::get<causeway::layout::LoopDirection>(*layout));
    }
    // An imported map is laid out first; wait for it so the picture shows the result.
    const bool laidOut = layout || runner->isRunning();
    runner->waitForFinished();
    QApplication::processEvents();
    if (laidOut)
        err << "causeway: layout took " << runner->lastDurationMs() << " ms\n";
    window->view()->zoomToFit();
    if (!select.isEmpty()) { // show the properties panel at work
        if (auto id = window->document()->map().findFactorByLabel(select.toStdString()))
            window->scene()->selectOnly({*id});
        else
            err << "causeway: no factor labelled " << select << "\n";
    }
    if (zoom > 0) // a detail of a large map, centred, at a zoom that can be read
        window->view()->setZoom(zoom);
    showLoops(window, loops);
    QApplication::processEvents();
    if (zoom <= 0 && !loops.names.isEmpty()) // fitted again with the loops it named
        window->view()->zoomToFit();
    if (!results.isEmpty()) { // the room's full-screen results
        const int status = causeway::writeResultsShot(window->document(), out, size, results);
        window->document()->markSaved();
        window->close();
        return status;
    }
    if (present) { // the room's view of the map instead of the editor
        const int status = causeway::writePresentationShot(window->document(), out, size, *present);
        window->document()->markSaved();
        window->close();
        return status;
    }
    const QPixmap picture = window->grab();
    if (picture.isNull() || !picture.save(out)) {
        err << "causeway: could not write " << out << "\n";
        return 1;
    }
    err << "causeway: wrote " << out << " (" << picture.width() << "x" << picture.height()
        << "; opening the map took " << openMs << " ms)\n";
    // A screenshot never saves: close without the unsaved-changes question.
    window->document()->markSaved();
    window->close();
    return 0;
}

// The command line's screenshot options (for the README's pictures and the tests).
struct ScreenshotOptions {
    QCommandLineOption shot{QStringLiteral("screenshot"),
                            QStringLiteral("Write a PNG of the editor on MAP and exit."),
                            QStringLiteral("file.png")};
    QCommandLineOption size{QStringLiteral("size"),
                            QStringLiteral("Window size for --screenshot (default 1280x800)."),
                            QStringLiteral("WxH"), QStringLiteral("1280x800")};
    QCommandLineOption layout{
        QStringLiteral("layout"),
        QStringLiteral("With --screenshot: lay the map out first (dot, neato, fdp, sfdp, circo;\n"
                       "loops or loops-anticlockwise: the loop-first layout)."),
        QStringLiteral("engine")};
    QCommandLineOption zoom{
        QStringLiteral("zoom"),
        QStringLiteral("With --screenshot: zoom to this percentage (centred) instead of fitting."),
        QStringLiteral("percent")};
    QCommandLineOption select{QStringLiteral("select"),
                              QStringLiteral("With --screenshot: select the factor with this label."),
                              QStringLiteral("label")};
    QCommandLineOption loop{QStringLiteral("loop"),
                            QStringLiteral("With --screenshot: highlight the Nth shortest loop (from 0)."),
                            QStringLiteral("N")};
    QCommandLineOption nameLoop{
        QStringLiteral("name-loop"),
        QStringLiteral("With --screenshot: name the Nth shortest loop (repeatable)."),
        QStringLiteral("N:name")};
    QCommandLineOption present{QStringLiteral("present"),
                               QStringLiteral("With --screenshot: show the map as presentation mode does.")};
    QCommandLineOption focus{QStringLiteral("focus"),
                             QStringLiteral("With --present: focus the factor with this label."),
                             QStringLiteral("label")};
    QCommandLineOption walkthrough{
        QStringLiteral("walkthrough"),
        QStringLiteral("With --present: walk through the presentation's Nth loop (from 0)."),
        QStringLiteral("N")};
    QCommandLineOption step{
        QStringLiteral("step"),
        QStringLiteral("With --walkthrough: at step K (1 lights the first link; length + 1 is the verdict).\n"
                       "With --story: after K clicks (0 is the story's title)."),
        QStringLiteral("K"), QStringLiteral("1")};
    QCommandLineOption turn{
        QStringLiteral("turn"),
        QStringLiteral("With --present: the turn screen the room sees while ROUND is voted on."),
        QStringLiteral("ROUND")};
    QCommandLineOption voter{QStringLiteral("voter"),
                             QStringLiteral("With --turn: whose turn it is (default: between voters)."),
                             QStringLiteral("name")};
    QCommandLineOption results{
        QStringLiteral("results"),
        QStringLiteral("With --screenshot: the full-screen results of ROUND (revealed), as the room sees them."),
        QStringLiteral("ROUND")};
    QCommandLineOption story{QStringLiteral("story"),
                             QStringLiteral("With --present: play the map's Nth story (from 0)."),
                             QStringLiteral("N")};

    void addTo(QCommandLineParser& parser) const
    {
        for (const QCommandLineOption* option : {&shot, &size, &layout, &zoom, &select, &loop, &nameLoop,
                                                  &present, &focus, &walkthrough, &step, &turn, &voter,
                                                  &results, &story})
            parser.addOption(*option);
    }
};

int screenshotFromCommandLine(const QCommandLineParser& parser, const ScreenshotOptions& options,
                              const QString& mapPath)
{
    const QSize windowSize = parseSize(parser.value(options.size));
    if (!windowSize.isValid() || windowSize.width() < 200 || windowSize.height() < 200) {
        QTextStream(stderr) << "causeway: --size wants WxH, e.g. 1024x768\n";
        return 2;
    }
    std::optional<LayoutChoice> layout;
    if (parser.isSet(options.layout)) {
        layout = parseLayout(parser.value(options.layout));
        if (!layout) {
            QTextStream(stderr) << "causeway: unknown layout engine " << parser.value(options.layout)
                                << "\n";
            return 2;
        }
    }
    const double zoom = parser.isSet(options.zoom) ? parser.value(options.zoom).toDouble() / 100 : 0;
    LoopShots loops;
    loops.names = parser.values(options.nameLoop);
    loops.highlight = parser.isSet(options.loop) ? parser.value(options.loop).toInt() : -1;
    std::optional<causeway::PresentShot> present;
    if (parser.isSet(options.present))
        present = causeway::PresentShot{
            parser.value(options.focus),
            parser.isSet(options.walkthrough) ? parser.value(options.walkthrough).toInt() : -1,
            parser.value(options.step).toInt(), parser.value(options.turn),
            parser.value(options.voter),
            parser.isSet(options.story) ? parser.value(options.story).toInt() : -1};
    return screenshot(parser.value(options.shot), windowSize, mapPath, layout, zoom,
                      parser.value(options.select), loops, present, parser.value(options.results));
}

// Each file given (a file manager passes every selected file, the .desktop file's %F) opens in a
// window of its own; the first uses the first window unless that holds recovered work.
int runEditor(QApplication& app, const QStringList& mapPaths)
{
    auto* window = new causeway::MainWindow;
    window->resize(1280, 800);
    window->show();
    const bool recovered = window->files()->offerRecovery();
    bool firstFree = !recovered;
    for (const QString& mapPath : mapPaths) {
        auto* target = window;
        if (!firstFree) {
            target = new causeway::MainWindow;
            target->resize(1280, 800);
            target->show();
        }
        firstFree = false;
        target->files()->openPath(mapPath);
    }
    return app.exec();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Causeway"));
    QApplication::setOrganizationName(QStringLiteral("Causeway"));
    QApplication::setOrganizationDomain(QStringLiteral("causeway.invalid"));
    QApplication::setApplicationVersion(QString::fromUtf8(causeway::buildinfo::kVersion));
    // The installed .desktop file's name: Wayland shells match the window to its icon by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.causeway.Causeway"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("causeway"), QIcon(QStringLiteral(":/causeway/causeway.svg"))));
    // Read from the back of a workshop room: a size up from the desktop default.
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(11.0, font.pointSizeF() * 1.15));
    QApplication::setFont(font);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Participatory causal systems mapping"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("maps"),
                                 QStringLiteral("The .causeway maps to open, each in its own window, or maps "
                                                "from other tools to import (CSV, GraphML, DOT, Kumu, Loopy, "
                                                "Vensim, XMILE). File > Open Sample opens the sample map."),
                                 QStringLiteral("[maps...]"));
    const ScreenshotOptions screenshotOptions;
    screenshotOptions.addTo(parser);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const QString mapPath = args.isEmpty() ? QString() : args.front();
    if (parser.isSet(screenshotOptions.shot))
        return screenshotFromCommandLine(parser, screenshotOptions, mapPath);
    return runEditor(app, args);
}
