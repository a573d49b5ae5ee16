#include "app/present/presentationview.h"

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/looplabelitem.h"
#include "app/document/document.h"
#include "app/present/roomarrangement.h"
#include "app/present/roomtheme.h"
#include "model/looplabels.h"

#include <QCloseEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScreen>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <utility>

namespace causeway {

using present::Slide;

PresentationView::PresentationView(Document* document, QWidget* parent)
    : QGraphicsView(parent), m_document(document)
{
    setWindowFlag(Qt::Window);
    setWindowTitle(tr("Causeway presentation"));
    m_scene = new CanvasScene(document, present::roomLook(m_labelScale), this);
    m_scene->setAnimationsEnabled(false);
    m_emphasis = new CanvasEmphasis(m_scene, this);
    setScene(m_scene);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::NoAnchor);
    setSceneRect(-1e6, -1e6, 2e6, 2e6); // free to centre anything, whatever the zoom
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate); // the overlay follows the slide
    setFocusPolicy(Qt::StrongFocus);

    // Edits in the editor show live: the slide's loops, captions and fit follow the map.
    m_deckTimer = new QTimer(this);
    m_deckTimer->setSingleShot(true);
    m_deckTimer->setInterval(0);
    connect(m_deckTimer, &QTimer::timeout, this, [this] {
        m_arrangeAgain = true; // moved, added, relabelled or linked in the editor: show it so
        listLoops();
        rebuildDeck();
        rebuildStory();
        apply();
    });
    const auto later = [this] { m_deckTimer->start(); };
    connect(document, &Document::factorAdded, this, later);
    connect(document, &Document::factorChanged, this, later);
    connect(document, &Document::factorRemoved, this, later);
    connect(document, &Document::linkAdded, this, later);
    connect(document, &Document::linkChanged, this, later);
    connect(document, &Document::linkRemoved, this, later);
    connect(document, &Document::mapDataChanged, this, later);
    connect(document, &Document::reset, this, later);
    listLoops();
    rebuildDeck();
    apply();
}

PresentationView::~PresentationView()
{
    if (m_listing) { // the search works on its own copy of the map: only stop it
        m_cancelListing->store(true);
        m_listing->waitForFinished();
    }
}

void PresentationView::listLoops()
{
    if (m_listing) {
        m_cancelListing->store(true);
        m_listing->disconnect(this);
        m_listing->deleteLater(); // its search ends at the cancel, on its own copy of the map
    }
    m_cancelListing = std::make_shared<std::atomic<bool>>(false);
    m_listing = new QFutureWatcher<std::vector<present::PresentedLoop>>(this);
    connect(m_listing, &QFutureWatcherBase::finished, this, &PresentationView::loopsArrived);
    m_listing->setFuture(QtConcurrent::run([map = m_document->map(), cancel = m_cancelListing] {
        return present::presentationLoops(map, kMaxLoops, nullptr, cancel.get());
    }));
}

void PresentationView::loopsArrived()
{
    if (!m_listing)
        return;
    m_listed = m_listing->result();
    m_listing->deleteLater();
    m_listing = nullptr;
    rebuildDeck();
    apply();
}

void PresentationView::waitForLoops()
{
    if (!m_listing)
        return;
    m_listing->waitForFinished();
    loopsArrived();
}

void PresentationView::presentOn(QScreen* screen)
{
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
    apply();
}

void PresentationView::rebuildDeck()
{
    // Stay on the same loop and step when the edit kept the loop.
    const Slide was = m_deck.size() > 0 ? slide() : Slide{};
    std::optional<Loop> wasLoop;
    if (was.loop >= 0)
        wasLoop = m_deck.loops()[std::size_t(was.loop)].loop;
    const SystemMap& map = m_document->map();
    const auto broken = [&map](const Loop& loop) {
        return loopOfLabel(map, labelForLoop(loop, "picked")) != loop; // an edit broke it
    };
    // Named loops now; the others from the last listing, while they hold, until the next one.
    std::vector<present::PresentedLoop> loops = present::namedLoops(map, kMaxLoops);
    for (const present::PresentedLoop& p : m_listed)
        if (loops.size() < kMaxLoops && !broken(p.loop)
            && std::none_of(loops.begin(), loops.end(),
                            [&](const present::PresentedLoop& q) { return q.loop == p.loop; }))
            loops.push_back({p.loop, {}});
    std::erase_if(m_picked, broken);
    for (const Loop& loop : m_picked)
        if (std::none_of(loops.begin(), loops.end(),
                         [&](const present::PresentedLoop& p) { return p.loop == loop; }))
            loops.push_back({loop, {}});
    m_deck = present::Deck(std::move(loops));
    int index = std::clamp(m_index, 0, m_deck.size() - 1);
    if (wasLoop) {
        const auto& loops = m_deck.loops();
        const auto it = std::find_if(loops.begin(), loops.end(),
                                     [&](const present::PresentedLoop& p) { return p.loop == *wasLoop; });
        if (it != loops.end())
            index = m_deck.indexOf({int(it - loops.begin()), was.step});
    }
    m_index = index;
}

bool PresentationView::startWalkthrough(const Loop& loop)
{
    if (loopOfLabel(m_document->map(), labelForLoop(loop, "picked")) != loop)
        return false;
    m_picked.push_back(loop);
    rebuildDeck();
    const auto& loops = m_deck.loops();
    const auto it = std::find_if(loops.begin(), loops.end(),
                                 [&](const present::PresentedLoop& p) { return p.loop == loop; });
    goTo(m_deck.indexOf({int(it - loops.begin()), 1}));
    return true;
}

void PresentationView::goTo(int index)
{
    m_focus.reset();
    m_black = false;
    if (m_storyIndex >= 0)
        m_storyClick = std::clamp(index, 0, m_story.size() - 1);
    else
        m_index = std::clamp(index, 0, m_deck.size() - 1);
    apply();
}

bool PresentationView::playStory(int index)
{
    const auto& stories = m_document->map().stories();
    if (index < 0 || std::size_t(index) >= stories.size())
        return false;
    m_storyIndex = index;
    m_storyName = stories[std::size_t(index)].name;
    m_story = present::StoryDeck(m_document->map(), stories[std::size_t(index)]);
    m_storyClick = 0;
    goTo(0);
    return true;
}

void PresentationView::stopStory()
{
    if (m_storyIndex < 0)
        return;
    m_storyIndex = -1;
    m_story = {};
    goTo(0);
}

// After an edit: the same story (by name) at the same step and click when it still has them.
void PresentationView::rebuildStory()
{
    if (m_storyIndex < 0)
        return;
    const auto& stories = m_document->map().stories();
    const auto it = std::find_if(stories.begin(), stories.end(),
                                 [this](const Story& story) { return story.name == m_storyName; });
    if (it == stories.end()) {
        m_storyIndex = -1;
        m_story = {};
        return;
    }
    const present::StorySlide was = m_story.slide(m_storyClick);
    m_storyIndex = int(it - stories.begin());
    m_story = present::StoryDeck(m_document->map(), *it);
    const int same = m_story.indexOf(was);
    m_storyClick = same >= 0 ? same : std::clamp(m_storyClick, 0, m_story.size() - 1);
}

void PresentationView::focusFactor(FactorId id, int steps)
{
    if (!m_document->map().contains(id))
        return;
    m_focus = id;
    m_focusSteps = std::clamp(steps, 1, 2);
    apply();
}

void PresentationView::clearFocus()
{
    if (!m_focus)
        return;
    m_focus.reset();
    apply();
}

void PresentationView::setLabelScale(double scale)
{
    m_labelScale = std::clamp(scale, 0.5, 3.0);
    m_scene->setLook(present::roomLook(m_labelScale));
    m_arrangeAgain = true; // larger boxes need more room
    apply();
}

double PresentationView::labelPixelSize() const
{
    return m_scene->look().box.font.pixelSize * transform().m11();
}

namespace {
QRectF boundsOf(CanvasScene* scene, const present::Lit& lit)
{
    QRectF r;
    for (FactorId id : lit.factors)
        if (FactorItem* item = scene->factorItem(id))
            r |= item->sceneBoundingRect();
    for (LinkId id : lit.links)
        if (LinkItem* item = scene->linkItem(id))
            r |= item->sceneBoundingRect();
    return r;
}
} // namespace

void PresentationView::showLoop(const Loop& loop, int step, const QString& name)
{
    const SystemMap& map = m_document->map();
    m_lit = present::litForStep(loop, step);
    m_allLit = false;
    const layout::LoopMarker where = loopMarkerOnScene(m_scene, map, loop.links);
    m_marker = {true, loop.polarity, where.clockwise, QPointF(where.centre.x, where.centre.y)};
    m_caption = step == int(loop.length()) + 1
                    ? present::loopVerdict(map, loop, where.clockwise, name)
                    : present::linkCaption(map, loop.links[std::size_t(step - 1)]);
}

void PresentationView::showOnly(const std::optional<present::Lit>& shown)
{
    const SystemMap& map = m_document->map();
    for (FactorId id : map.factorIds())
        if (FactorItem* item = m_scene->factorItem(id))
            item->setVisible(!shown || shown->factors.count(id) > 0);
    for (LinkId id : map.linkIds())
        if (LinkItem* item = m_scene->linkItem(id))
            item->setVisible(!shown || shown->links.count(id) > 0);
}

void PresentationView::fitWithLoopNames(const QRectF& target)
{
    if (m_document->map().loopLabels().empty())
        return;
    // The whole map shows the named loops' names, as the canvas does, fitted with them: they
    // keep their size on screen and sit near their loops, so the fit is found again with
    // them until it holds. SIR.mdl drawn loop-first: 22.5 -> 18.8 px with its three names.
    // When that shrinks the map's labels too far (the sample, packed in rows, has no room
    // for names among its boxes: 18.6 -> 13.2 px with two), the map keeps its size and only
    // the names with room near their loops inside it are shown.
    const double without = labelPixelSize();
    QRectF fitted = target;
    bool held = false;
    for (int pass = 0; pass < 6 && !held; ++pass) {
        const QRectF withNames = target | placeLoopNames(false);
        held = fitted.contains(withNames);
        fitted |= withNames;
        fitTo(fitted);
    }
    if (!held) // placed for the scale before the last fit
        placeLoopNames(false);
    if (const double with = labelPixelSize(); with < kReadablePixels && with < kLoopNamesLabelShare * without) {
        fitTo(target);
        placeLoopNames(true);
    }
}

void PresentationView::apply()
{
    const SystemMap& map = m_document->map();
    if (m_focus && !map.contains(*m_focus))
        m_focus.reset();
    arrange(m_arrangeAgain);
    m_marker = {};
    QRectF target = m_scene->mapBounds();
    std::optional<present::Lit> shown; // everything, unless a story is revealing the map
    std::optional<FactorId> focusing = m_focus;
    const Slide s = slide();
    if (m_focus) {
        m_lit = present::neighbourhood(map, *m_focus, m_focusSteps);
        m_allLit = false;
        m_caption = present::focusCaption(map, *m_focus);
        target = boundsOf(m_scene, m_lit);
    } else if (m_storyIndex >= 0) {
        const present::StoryFrame frame = m_story.frame(map, m_storyClick);
        shown = frame.shown;
        m_lit = frame.lit;
        m_allLit = frame.allLit;
        m_caption = frame.caption;
        if (frame.loop)
            showLoop(*frame.loop, frame.loopClick, frame.loopName);
        if (const QRectF fit = boundsOf(m_scene, frame.fit); !fit.isEmpty())
            target = fit;
        focusing = frame.focus;
    } else if (s.loop < 0) {
        m_lit = {};
        m_allLit = true;
        m_caption = QString::fromStdString(map.title);
    } else {
        const present::PresentedLoop& p = m_deck.loops()[std::size_t(s.loop)];
        showLoop(p.loop, s.step, p.name);
    }
    m_focusShown = focusing;
    // The legend goes where it costs the whole map least: beside a tall map, under a wide one.
    const QRectF whole = m_scene->mapBounds();
    m_legendBeside = false;
    const QRectF under = mapArea();
    m_legendBeside = true;
    const QRectF beside = mapArea();
    const auto fit = [&whole](const QRectF& a) {
        return std::min(a.width() / whole.width(), a.height() / whole.height());
    };
    m_legendBeside = fit(beside) > fit(under);
    if (m_allLit)
        m_emphasis->clear();
    else
        m_emphasis->setEmphasis(m_lit.factors, m_lit.links);
    showOnly(shown);
    fitTo(target);
    m_loopNames.clear();
    if (!m_focus && m_storyIndex < 0 && s.loop < 0)
        fitWithLoopNames(target);
    if (focusing) { // large enough for the room even when the neighbourhood is spread out
        const double least = kFocusPixels / m_scene->look().box.font.pixelSize;
        if (transform().m11() < least) {
            setTransform(QTransform::fromScale(least, least));
            const QPointF offset = QRectF(viewport()->rect()).center() - mapArea().center();
            centerOn(target.center() + offset / least);
        }
    }
    placeMarker();
    viewport()->update();
    emit slideChanged(slideIndex());
}

double PresentationView::fittedScale(const QRectF& sceneRect, const QRectF& area)
{
    const QRectF r = sceneRect.adjusted(-12, -12, 12, 12);
    // A lone focused factor is shown large, not the size of the screen.
    return std::min({area.width() / r.width(), area.height() / r.height(), 2.5});
}

void PresentationView::fitTo(const QRectF& sceneRect)
{
    const QRectF area = mapArea();
    if (sceneRect.isEmpty() || area.isEmpty())
        return;
    const QRectF r = sceneRect.adjusted(-12, -12, 12, 12);
    const double scale = fittedScale(sceneRect, area);
    setTransform(QTransform::fromScale(scale, scale));
    const QPointF offset = QRectF(viewport()->rect()).center() - area.center();
    centerOn(r.center() + offset / scale);
}

namespace {

// The keys a presentation answers to (keyPressEvent says what each does).
bool presentationKey(int key)
{
    switch (key) {
    case Qt::Key_PageDown: case Qt::Key_Right: case Qt::Key_Down: case Qt::Key_Space:
    case Qt::Key_Return: case Qt::Key_Enter: case Qt::Key_PageUp: case Qt::Key_Left:
    case Qt::Key_Up: case Qt::Key_Backspace: case Qt::Key_Home: case Qt::Key_F5: case Qt::Key_End:
    case Qt::Key_S: case Qt::Key_B: case Qt::Key_Period: case Qt::Key_Plus: case Qt::Key_Equal:
    case Qt::Key_Minus: case Qt::Key_Underscore: case Qt::Key_L: case Qt::Key_Escape:
        return true;
    default:
        return false;
    }
}

} // namespace

bool PresentationView::event(QEvent* event)
{
    // The editor's shortcuts share these keys (+ and - set a link's polarity, Ctrl++ zooms the
    // editor, F5 presents): while the presentation has the keyboard its meaning wins, even in the
    // moment before the window system has told Qt which window is active.
    if (event->type() == QEvent::ShortcutOverride
        && presentationKey(static_cast<QKeyEvent*>(event)->key())) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void PresentationView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        next();
        break;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        previous();
        break;
    case Qt::Key_Home:
    case Qt::Key_F5: // F5 again starts over, as in slide software
        goTo(0);
        break;
    case Qt::Key_End:
        goTo(deckSize() - 1);
        break;
    case Qt::Key_S: { // the map's stories in turn, then the map again
        const int next = m_storyIndex + 1;
        if (std::size_t(next) < m_document->map().stories().size())
            playStory(next);
        else
            stopStory();
        break;
    }
    case Qt::Key_B:
    case Qt::Key_Period: // what most clickers' "black screen" button sends
        m_black = !m_black;
        viewport()->update();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setLabelScale(m_labelScale * 1.15);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        setLabelScale(m_labelScale / 1.15);
        break;
    case Qt::Key_L:
        m_legend = !m_legend;
        apply();
        break;
    case Qt::Key_Escape:
        close();
        break;
    default: // keys listed in presentationKey() above
        event->ignore(); // never to the scene: presenting does not edit
        return;
    }
    event->accept();
}

void PresentationView::mousePressEvent(QMouseEvent* event)
{
    // Handled here and never passed to the scene, whose gestures would move or edit factors.
    event->accept();
    if (event->button() != Qt::LeftButton)
        return;
    for (QGraphicsItem* item : items(event->position().toPoint()))
        if (item->type() == FactorItem::Type) {
            const FactorId id = static_cast<FactorItem*>(item)->id();
            // A second click on the focused factor reaches two steps out, a third one again.
            focusFactor(id, m_focus == id ? 3 - m_focusSteps : 1);
            return;
        }
    clearFocus();
}

void PresentationView::mouseReleaseEvent(QMouseEvent* event) { event->accept(); }
void PresentationView::mouseDoubleClickEvent(QMouseEvent* event) { mousePressEvent(event); }
void PresentationView::mouseMoveEvent(QMouseEvent* event) { event->accept(); }
void PresentationView::wheelEvent(QWheelEvent* event) { event->accept(); }

void PresentationView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    apply();
}

void PresentationView::closeEvent(QCloseEvent* event)
{
    emit closed();
    QGraphicsView::closeEvent(event);
}

} // namespace causeway
