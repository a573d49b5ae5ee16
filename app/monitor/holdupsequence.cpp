// "How did the map hold up?": the verdicts stepped through in presentation.
#include "app/monitor/holdupsequence.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "app/monitor/monitordata.h"
#include "app/monitor/verdictmarks.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "model/nominations.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>

#include <algorithm>
#include <cmath>
#include <utility>

namespace causeway {

namespace {

QString pText(double p)
{
    return p < 0.001 ? QStringLiteral("< 0.001") : QStringLiteral("= %1").arg(p, 0, 'g', 2);
}

const char* kNotProof = QT_TRANSLATE_NOOP("HoldUpSequence", "Moving together is not proof that one causes the other.");

// The legend's entries for the marks: each symbol as drawn on the map, and what it means.
std::vector<present::LegendEntry> markLegend()
{
    std::vector<present::LegendEntry> entries;
    for (VerdictMark mark : {VerdictMark::Consistent, VerdictMark::Contradicted, VerdictMark::Unclear})
        entries.push_back({present::LegendEntry::Kind::Drawn, QString::fromUtf8(verdictMarkMeaning(mark)), {}, {},
                           [mark](QPainter* p, const QRectF& box) {
                               VerdictMarkItem::paintMark(p, mark, box.center(), box.height() / 2);
                           }});
    return entries;
}

} // namespace

HoldUpSequence::HoldUpSequence(PresentationView* view, MonitorData* data)
    : QObject(view), m_view(view), m_data(data)
{
    setObjectName(QStringLiteral("holdUpSequence"));
    m_caption = new QLabel(view);
    m_caption->setObjectName(QStringLiteral("holdUpCaption"));
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setStyleSheet(QStringLiteral("background: rgba(20, 20, 20, 215); color: white; padding: 10px;"
                                            "font-size: 18px; border-radius: 6px"));
    m_caption->hide();
    view->installEventFilter(this);
    // The view re-fits on a resize or an edit: the caption moves clear of the new picture.
    connect(view, &PresentationView::slideChanged, this, [this] {
        if (isActive())
            place();
    });
}

HoldUpSequence* HoldUpSequence::attach(QWidget* window, MonitorData* data)
{
    PresentationView* view = presentationOf(window);
    if (!view)
        return nullptr;
    if (auto* existing = view->findChild<HoldUpSequence*>(QStringLiteral("holdUpSequence")))
        return existing;
    return new HoldUpSequence(view, data);
}

int HoldUpSequence::size() const
{
    const MonitorReport& r = m_data->report();
    return 1 + int(r.links.size() + r.factors.size() + r.loops.size());
}

HoldUpSequence::Step HoldUpSequence::step(int index) const
{
    const MonitorReport& r = m_data->report();
    std::size_t i = std::size_t(std::max(0, index));
    if (i == 0)
        return {};
    if (--i < r.links.size())
        return {Step::Kind::Link, i};
    if ((i -= r.links.size()) < r.factors.size())
        return {Step::Kind::Factor, i};
    return {Step::Kind::Loop, std::min(i - r.factors.size(), r.loops.empty() ? 0 : r.loops.size() - 1)};
}

void HoldUpSequence::start()
{
    if (!m_marks)
        m_marks = new VerdictOverlay(m_view->canvas(), m_data, this);
    m_marks->setVisible(true);
    m_slideBefore = m_view->slideIndex();
    m_view->setExtraLegend(markLegend());
    goTo(0);
}

void HoldUpSequence::stop()
{
    m_index = -1;
    m_text.clear();
    m_caption->hide();
    if (m_marks)
        m_marks->setVisible(false);
    m_view->setExtraLegend({});
    m_view->setReservedTop(0);
    m_view->clearFocus();
    if (std::exchange(m_loopShown, false)) // back to where the presentation was
        m_view->goTo(m_slideBefore);
}

QString HoldUpSequence::stepText(const Step& step) const
{
    const MonitorReport& report = m_data->report();
    const SystemMap& map = m_view->canvas()->document()->map();
    const QString where = tr("%1 of %2").arg(m_index).arg(size() - 1);
    switch (step.kind) {
    case Step::Kind::Summary: {
        int consistent = 0, contradicted = 0;
        for (const LinkCheck& c : report.links) {
            consistent += c.verdict == Verdict::Consistent;
            contradicted += c.verdict == Verdict::Contradicted;
        }
        if (report.links.empty() && report.factors.empty())
            return tr("How did the map hold up? No factor or link has figures yet.");
        const int unclear = int(report.links.size()) - consistent - contradicted;
        return tr("How did the map hold up? %1 links checked against the figures: %2 consistent, %3 contradicted, "
                  "%4 without enough data; then %5 factors' trends and %6 loops. %7")
            .arg(report.links.size()).arg(consistent).arg(contradicted).arg(unclear)
            .arg(report.factors.size()).arg(report.loops.size()).arg(tr(kNotProof));
    }
    case Step::Kind::Link: {
        // Short, so it covers little of the map: the verdict and its numbers (the panel has the long form).
        const LinkCheck& check = report.links[step.check];
        QString text = tr("%1   %2: %3").arg(where, QString::fromStdString(itemName(map, ItemRef::of(check.link))),
                                              markWord(markOf(check)));
        if (check.verdict == Verdict::Insufficient)
            return text + QLatin1Char('\n') + tr("Only %n paired change(s): not enough to tell.", nullptr, check.pairs);
        return text + QLatin1Char('\n')
               + tr("%1 of %2 paired changes agreed with the map (%3%), p %4, lag %5.")
                     .arg(check.agree).arg(check.pairs).arg(std::lround(check.agreement * 100))
                     .arg(pText(check.p)).arg(check.lag);
    }
    case Step::Kind::Factor: {
        // The report's sentence: the trend with Mann-Kendall's S and p and Sen's slope, and how
        // many monitored causes predict it.
        const FactorCheck& check = report.factors[step.check];
        const QString label = QString::fromStdString(map.factor(check.factor).label);
        QString text = tr("%1   Factor %2: %3").arg(where, label, markWord(markOf(check))) + QLatin1Char('\n')
                       + QString::fromStdString(check.text);
        if (check.upstreamAgree + check.upstreamDisagree > 0)
            text += QLatin1Char(' ') + tr(kNotProof);
        return text;
    }
    case Step::Kind::Loop: {
        const LoopCheck& check = report.loops[step.check];
        const QString kind = check.loop.polarity == LoopPolarity::Reinforcing ? tr("Reinforcing loop")
                             : check.loop.polarity == LoopPolarity::Balancing ? tr("Balancing loop")
                                                                              : tr("Loop");
        // The loop is lit on the map, its factors named there: the numbers, not the names again.
        QString text = tr("%1   %2 of %n factors: %3", nullptr, int(check.loop.factors.size()))
                           .arg(where, kind, markWord(markOf(check)))
                       + QLatin1Char('\n')
                       + tr("Checked links: %1 consistent, %2 contradicted (of %3).")
                             .arg(check.consistent).arg(check.contradicted).arg(check.monitoredLinks);
        if (check.growTogether)
            text += QLatin1Char(' ') + (*check.growTogether ? tr("Its factors with a trend move together, as a "
                                                                 "reinforcing loop would.")
                                                              : tr("Its factors with a trend do not move together "
                                                                   "as a reinforcing loop would."));
        return text + QLatin1Char(' ') + tr(kNotProof);
    }
    }
    return {};
}

void HoldUpSequence::show(const Step& step)
{
    const MonitorReport& report = m_data->report();
    const SystemMap& map = m_view->canvas()->document()->map();
    m_caption->setToolTip({});
    switch (step.kind) {
    case Step::Kind::Summary:
        m_view->clearFocus();
        break;
    case Step::Kind::Link: {
        const LinkCheck& check = report.links[step.check];
        m_caption->setToolTip(QString::fromStdString(check.text));
        m_view->focusFactor(map.link(check.link).from, 1); // the cause and its neighbours, the effect among them
        break;
    }
    case Step::Kind::Factor:
        m_view->focusFactor(report.factors[step.check].factor, 1); // the factor and its causes
        break;
    case Step::Kind::Loop: {
        // The loop lit whole, with its R/B marker: the last step of its walkthrough.
        const Loop& loop = report.loops[step.check].loop;
        m_view->clearFocus();
        if (m_view->storyPlaying() < 0 && m_view->startWalkthrough(loop)) {
            m_view->goTo(m_view->slideIndex() + int(loop.length()));
            m_loopShown = true;
        }
        break;
    }
    }
}

void HoldUpSequence::goTo(int index)
{
    m_index = std::clamp(index, 0, size() - 1);
    const Step s = step(m_index);
    m_text = stepText(s);
    m_caption->setText(m_text);
    reserve(); // before the view fits the step's picture below the caption
    show(s);
    m_caption->show();
    m_caption->raise();
    place();
}

std::vector<QRectF> HoldUpSequence::subject() const
{
    std::vector<QRectF> rects;
    if (!isActive())
        return rects;
    const MonitorReport& report = m_data->report();
    CanvasScene* scene = m_view->canvas();
    const auto box = [&](FactorId id) {
        if (const FactorItem* item = scene->factorItem(id))
            rects.push_back(m_view->mapFromScene(item->sceneBoundingRect()).boundingRect());
    };
    const Step s = step(m_index);
    if (s.kind == Step::Kind::Link) {
        if (const LinkItem* link = scene->linkItem(report.links[s.check].link)) {
            const LinkShape& shape = link->linkShape();
            const QPointF middle = m_view->mapFromScene(QPointF(shape.middle.x, shape.middle.y));
            const Point offset = linkMarkOffset(shape, VerdictMarkItem::kRadius);
            const QPointF mark = middle + QPointF(offset.x, offset.y);
            const double r = VerdictMarkItem::kRadius + 4;
            rects.push_back(QRectF(middle, mark).normalized().adjusted(-r, -r, r, r));
        }
    } else if (s.kind == Step::Kind::Factor) {
        box(report.factors[s.check].factor);
    } else if (s.kind == Step::Kind::Loop) {
        for (FactorId f : report.loops[s.check].loop.factors)
            box(f);
    }
    return rects;
}

namespace {
constexpr int kMargin = 24;

int captionWidth(const QWidget* view)
{
    return std::max(100, view->width() - 2 * kMargin);
}
} // namespace

void HoldUpSequence::reserve()
{
    m_view->setReservedTop(kMargin + m_caption->heightForWidth(captionWidth(m_view)));
}

void HoldUpSequence::place()
{
    reserve(); // the view's width may have changed
    const int margin = kMargin;
    const QRect all = m_view->viewport()->rect();
    const QRectF area = m_view->mapArea(); // above the presentation's caption band and legend
    const std::vector<QRectF> avoid = subject();
    const auto clear = [&avoid](const QRect& r) {
        return std::none_of(avoid.begin(), avoid.end(), [&r](const QRectF& a) { return a.intersects(r); });
    };
    const int full = captionWidth(m_view);
    const int half = std::max(100, (full - margin) / 2);
    const auto sized = [this](int width) {
        m_caption->setFixedSize(width, m_caption->heightForWidth(width)); // every wrapped line shown
        return m_caption->size();
    };
    // Across the top (the map is fitted below it), else above the band, else in a corner: the first
    // place clear of the subject.
    struct Place { int width; bool right; bool bottom; };
    for (const Place p : {Place{full, false, false}, Place{full, false, true}, Place{half, false, false},
                          Place{half, true, false}, Place{half, false, true}, Place{half, true, true}}) {
        const QSize size = sized(p.width);
        const QPoint at(p.right ? all.right() + 1 - margin - size.width() : margin,
                        p.bottom ? int(area.bottom()) - size.height() : margin);
        if (clear(QRect(at, size))) {
            m_caption->move(at);
            return;
        }
    }
    // Nowhere clear (a large subject): across the top, and the map moved down from under it.
    sized(full);
    m_caption->move(margin, margin);
    double top = all.bottom();
    for (const QRectF& r : avoid)
        top = std::min(top, r.top());
    const double down = m_caption->geometry().bottom() + 8 - top;
    if (down > 0)
        m_view->centerOn(m_view->mapToScene(all.center() - QPoint(0, int(std::ceil(down)))));
}

bool HoldUpSequence::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return false;
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (key == Qt::Key_M) {
        isActive() ? stop() : start();
        return true;
    }
    if (!isActive())
        return false;
    switch (key) {
    case Qt::Key_PageDown: case Qt::Key_Right: case Qt::Key_Space: goTo(m_index + 1); return true;
    case Qt::Key_PageUp: case Qt::Key_Left: goTo(m_index - 1); return true;
    case Qt::Key_Escape: stop(); return true; // the next Esc leaves the presentation
    default: return false;
    }
}

} // namespace causeway
