#pragma once

#include "layout/layout.h"
#include "layout/looplayout.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <variant>

class QWidget;

namespace causeway {

class CanvasScene;
class Document;

// Runs Graphviz off the UI thread on a copy of the map and applies the result as one undo step.
// A layout can be stopped (stop()); one running when the map changes is stopped and dropped (it
// would undo those edits).
class LayoutRunner : public QObject {
    Q_OBJECT
public:
    LayoutRunner(CanvasScene* scene, QObject* parent = nullptr);
    ~LayoutRunner() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    // Starts a layout; false (and nothing happens) while another one runs or the map is empty.
    bool run(layout::Engine engine, bool tidy = false);
    // Lays out and applies the result before returning, without animation (one undo step): a
    // map opened without positions is never drawn before it is laid out. The canvas is hidden
    // while it runs; past kQuietWaitMs a dialog on `window` shows it working, with Stop (the map
    // then stays as it was).
    bool runNow(layout::Engine engine, QWidget* window = nullptr);
    static constexpr int kQuietWaitMs = 400;
    void setQuietWait(int ms) { m_quietWaitMs = ms; } // tests: 0 shows the dialog at once
    // Whether runNow is laying a map out (its dialog, if shown, waits on the window).
    bool layingOutFirst() const { return m_firstLayout; }
    // The loop-first layout (layout/looplayout.h): loops as rings reading in `direction`.
    bool runLoopFirst(layout::LoopDirection direction);
    // Asks a running layout to stop (it does before the next drawing it would judge): it then
    // finishes unapplied, the map as it was. Nothing when none runs.
    void stop();
    // Whether the running layout has been asked to stop.
    bool stopping() const { return isRunning() && m_stop && m_stop->load(); }
    // Waits for a running layout (tests, closing the window).
    void waitForFinished();
    qint64 lastDurationMs() const { return m_lastMs; }

signals:
    void started(const QString& description);
    // applied: the positions are in the map (one undo step); otherwise `message` says why not,
    // and `failed` tells a Graphviz error from a result that was not needed.
    void finished(bool applied, const QString& message, bool failed);

private:
    struct Stopped {};
    using Outcome = std::variant<layout::LayoutResult, QString, Stopped>;
    void onFinished();
    void apply(const Outcome& outcome);
    layout::LayoutOptions optionsFor(layout::Engine engine, bool tidy) const;
    bool start(const layout::LayoutOptions& options, const QString& description,
               std::optional<layout::LoopDirection> rings);
    static Outcome compute(const SystemMap& map, const layout::LayoutOptions& options,
                           std::optional<layout::LoopDirection> rings);
    double viewAspect() const; // width / height of the canvas the map is shown in

    CanvasScene* m_scene;
    Document* m_document;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_stop; // the running layout's (LayoutOptions::stop)
    QString m_description;
    bool m_firstLayout = false; // runNow waits for the layout running, and applies it
    int m_quietWaitMs = kQuietWaitMs;
    quint64 m_revision = 0;     // bumped by every change to the map
    quint64 m_startRevision = 0;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};

} // namespace causeway
