#include "app/canvas/layoutrunner.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QEventLoop>
#include <QGraphicsView>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace causeway {


LayoutRunner::LayoutRunner(CanvasScene* scene, QObject* parent)
    : QObject(parent), m_scene(scene), m_document(scene->document())
{
    // A layout still running when the map changes would be dropped (it would undo the change):
    // it is stopped at once.
    auto bump = [this] {
        ++m_revision;
        stop();
    };
    connect(m_document, &Document::factorAdded, this, bump);
    connect(m_document, &Document::factorChanged, this, bump);
    connect(m_document, &Document::factorRemoved, this, bump);
    connect(m_document, &Document::linkAdded, this, bump);
    connect(m_document, &Document::linkRemoved, this, bump);
    connect(m_document, &Document::reset, this, bump);
    // Link changes (polarity, bends) do not move factors: a layout result stays valid.
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (!m_firstLayout) // runNow applies that one itself
            onFinished();
    });
}

LayoutRunner::~LayoutRunner()
{
    stop();
    waitForFinished(); // the worker holds no pointer to us, but let Graphviz finish cleanly
}

layout::LayoutOptions LayoutRunner::optionsFor(layout::Engine engine, bool tidy) const
{
    layout::LayoutOptions options;
    options.engine = engine;
    options.tidy = tidy;
    options.keepPinned = true;
    options.sizes = m_scene->boxSizes();
    options.compact = true; // for the projector; computeLayout skips it for tidy and pins
    options.aspect = viewAspect();
    return options;
}

LayoutRunner::Outcome LayoutRunner::compute(const SystemMap& map, const layout::LayoutOptions& options,
                                            std::optional<layout::LoopDirection> rings)
{
    try {
        return rings ? layout::loopFirstLayout(map, options, *rings) : layout::computeLayout(map, options);
    } catch (const layout::LayoutStopped&) {
        return Stopped{};
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
}

bool LayoutRunner::run(layout::Engine engine, bool tidy)
{
    return start(optionsFor(engine, tidy),
                 tidy ? tr("Tidy") : tr("Layout (%1)").arg(layout::engineName(engine)), std::nullopt);
}

bool LayoutRunner::runLoopFirst(layout::LoopDirection direction)
{
    return start(optionsFor(layout::Engine::Neato, false), tr("Loops as rings"), direction);
}

bool LayoutRunner::start(const layout::LayoutOptions& options, const QString& description,
                         std::optional<layout::LoopDirection> rings)
{
    if (isRunning() || m_document->map().factorCount() == 0)
        return false;
    m_description = description;
    m_startRevision = m_revision;
    m_clock.start();
    SystemMap copy = m_document->map();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    layout::LayoutOptions stoppable = options;
    stoppable.stop = m_stop;
    m_watcher.setFuture(QtConcurrent::run([copy = std::move(copy), stoppable, rings]() -> Outcome {
        return compute(copy, stoppable, rings);
    }));
    emit started(m_description);
    return true;
}

namespace {

// The first layout's dialog: Escape and closing it ask to stop, as Stop does; it goes only once
// the layout has ended (the window behind it waits for it).
class StopDialog : public QProgressDialog {
public:
    using QProgressDialog::QProgressDialog;
    void reject() override { emit canceled(); }

protected:
    void closeEvent(QCloseEvent* event) override
    {
        event->ignore();
        emit canceled();
    }
};

} // namespace

bool LayoutRunner::runNow(layout::Engine engine, QWidget* window)
{
    stop(); // one asked to stop when the map was replaced ends first
    waitForFinished();
    if (!start(optionsFor(engine, false), tr("Layout (%1)").arg(layout::engineName(engine)),
               std::nullopt))
        return false;
    // It runs off this thread, which waits: a 1,000-factor import takes seconds. Meanwhile the
    // canvas is hidden (the importer's grid is never drawn) and takes no input; past a moment, a
    // dialog says what is happening and offers Stop, and the window waits behind it.
    m_firstLayout = true;
    m_document->setFirstLayoutRunning(true);
    const QList<QGraphicsView*> views = m_scene->views();
    for (QGraphicsView* view : views)
        view->viewport()->hide();
    const QPointer<LayoutRunner> self(this);
    QEventLoop wait;
    bool done = false; // the watcher has said so (its signal, not the future: it would come later)
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, &wait, [&] {
        done = true;
        wait.quit();
    });
    connect(this, &QObject::destroyed, &wait, &QEventLoop::quit);
    QTimer::singleShot(m_quietWaitMs, &wait, &QEventLoop::quit);
    wait.exec(QEventLoop::ExcludeUserInputEvents);
    QPointer<StopDialog> dialog;
    if (self && !done) {
        const SystemMap& map = m_document->map();
        dialog = new StopDialog(
            tr("Laying out %1 factors and %2 links...").arg(map.factorCount()).arg(map.linkCount()),
            tr("Stop"), 0, 0, window);
        dialog->setWindowTitle(m_description);
        dialog->setWindowModality(window ? Qt::WindowModal : Qt::ApplicationModal);
        dialog->setAutoReset(false);
        dialog->setAutoClose(false);
        disconnect(dialog, &QProgressDialog::canceled, dialog,
                   &QProgressDialog::cancel); // stays up
        connect(dialog, &QProgressDialog::canceled, this, [this, dialog] {
            stop();
            dialog->setLabelText(tr("Stopping..."));
        });
        dialog->show();
        while (!done && self && wait.exec() == 0) {}
    }
    if (!self) { // destroyed while it waited (it stopped the layout)
        delete dialog;
        return false;
    }
    if (!done) { // the application is quitting: its loop no longer runs
        stop();
        waitForFinished();
    }
    if (dialog) {
        // Routing the links where the factors now are takes this thread a while on a large map
        // (seconds past 1,000 links): said so, with nothing left to stop.
        dialog->setLabelText(tr("Drawing the links..."));
        dialog->setCancelButtonText({});
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
    onFinished(); // at once, not animated: it has never been drawn
    m_firstLayout = false;
    m_document->setFirstLayoutRunning(false); // links routed where the factors are, if not moved
    for (QGraphicsView* view : views)
        view->viewport()->show(); // the map drawn as laid out, never before
    delete dialog;
    return true;
}

double LayoutRunner::viewAspect() const
{
    // The canvas is where the map will be fitted (also on a presentation screen): fill it.
    const QList<QGraphicsView*> views = m_scene->views();
    if (views.isEmpty())
        return 4.0 / 3.0;
    const QSize size = views.front()->viewport()->size();
    if (size.width() <= 0 || size.height() <= 0)
        return 4.0 / 3.0;
    // A window still settling its docks can report a sliver: no drawing should take that shape.
    return std::clamp(double(size.width()) / size.height(), 0.5, 3.0);
}

void LayoutRunner::stop()
{
    if (m_watcher.isRunning() && m_stop)
        m_stop->store(true);
}

void LayoutRunner::waitForFinished()
{
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
}

void LayoutRunner::onFinished()
{
    Outcome outcome = m_watcher.result();
    // Asked to stop after its last check (its last drawing judged, or a layout that judges none):
    // stopped all the same, not applied.
    if (m_stop && m_stop->load() && std::holds_alternative<layout::LayoutResult>(outcome))
        outcome = Stopped{};
    if (m_revision != m_startRevision && !std::holds_alternative<QString>(outcome)) {
        m_lastMs = m_clock.elapsed();
        emit finished(false, tr("%1 dropped: the map changed while it ran. Run it again.")
                                 .arg(m_description), false);
        return;
    }
    apply(outcome);
}

void LayoutRunner::apply(const Outcome& outcome)
{
    m_lastMs = m_clock.elapsed();
    if (std::holds_alternative<Stopped>(outcome)) {
        emit finished(false,
                      m_firstLayout
                          ? tr("%1 stopped: the map is as it was opened. Lay it out from the "
                               "Layout menu.")
                                .arg(m_description)
                          : tr("%1 stopped: the map is as it was.").arg(m_description),
                      false);
        return;
    }
    if (const QString* error = std::get_if<QString>(&outcome)) {
        emit finished(false, tr("%1 failed: %2").arg(m_description, *error), true);
        return;
    }
    const layout::LayoutResult& result = std::get<layout::LayoutResult>(outcome);
    const SystemMap& map = m_document->map();
    std::vector<MapChange> changes;
    for (const auto& [id, position] : result.positions) {
        const Factor* f = map.findFactor(id);
        if (!f || !std::isfinite(position.x) || !std::isfinite(position.y)
            || f->position == position)
            continue;
        Factor after = *f;
        after.position = position;
        changes.push_back(change::UpdateFactor{*f, after});
    }
    // The loop-first rings' arcs or dot's routes, and an earlier layout's dropped, in the same
    // undo step.
    for (const Link& after : layout::linksBentByLayout(map, result))
        changes.push_back(change::UpdateLink{map.link(after.id), after});
    if (changes.empty()) {
        emit finished(false, tr("%1: nothing moved").arg(m_description), false);
        return;
    }
    const bool animated = !m_firstLayout; // factors glide, but not into a map never drawn
    if (animated)
        m_scene->beginAnimatedChange();
    const bool applied = m_document->applyChanges(m_description, std::move(changes));
    if (animated)
        m_scene->endAnimatedChange();
    emit finished(applied, applied ? tr("%1 in %2 ms").arg(m_description).arg(m_lastMs)
                                   : tr("%1 was refused").arg(m_description), false);
}

} // namespace causeway
