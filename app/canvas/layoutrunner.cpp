#include "app/canvas/layoutrunner.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"

#include <QGraphicsView>
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
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &LayoutRunner::onFinished);
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

bool LayoutRunner::runNow(layout::Engine engine)
{
    if (isRunning() || m_document->map().factorCount() == 0)
        return false;
    m_description = tr("Layout (%1)").arg(layout::engineName(engine));
    m_clock.start();
    emit started(m_description);
    apply(compute(m_document->map(), optionsFor(engine, false), std::nullopt), false);
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
    apply(outcome, true);
}

void LayoutRunner::apply(const Outcome& outcome, bool animated)
{
    m_lastMs = m_clock.elapsed();
    if (std::holds_alternative<Stopped>(outcome)) {
        emit finished(false, tr("%1 stopped: the map is as it was.").arg(m_description), false);
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
    if (animated)
        m_scene->beginAnimatedChange();
    const bool applied = m_document->applyChanges(m_description, std::move(changes));
    if (animated)
        m_scene->endAnimatedChange();
    emit finished(applied, applied ? tr("%1 in %2 ms").arg(m_description).arg(m_lastMs)
                                   : tr("%1 was refused").arg(m_description), false);
}

} // namespace causeway
