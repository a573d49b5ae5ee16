// "How did the map hold up?": the verdicts stepped through in presentation.
#include "app/monitor/holdupsequence.h"

#include "app/canvas/canvasscene.h"
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

namespace causeway {

HoldUpSequence::HoldUpSequence(PresentationView* view, MonitorData* data)
    : QObject(view), m_view(view), m_data(data)
{
    setObjectName(QStringLiteral("holdUpSequence"));
    m_caption = new QLabel(view);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setStyleSheet(QStringLiteral("background: rgba(20, 20, 20, 215); color: white; padding: 10px;"
                                            "font-size: 18px; border-radius: 6px"));
    m_caption->hide();
    view->installEventFilter(this);
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
    return 1 + int(m_data->report().links.size());
}

void HoldUpSequence::start()
{
    if (!m_marks)
        m_marks = new VerdictOverlay(m_view->canvas(), m_data, this);
    m_marks->setVisible(true);
    goTo(0);
}

void HoldUpSequence::stop()
{
    m_index = -1;
    m_text.clear();
    m_caption->hide();
    if (m_marks)
        m_marks->setVisible(false);
    m_view->clearFocus();
}

void HoldUpSequence::goTo(int index)
{
    const MonitorReport& report = m_data->report();
    m_index = std::clamp(index, 0, size() - 1);
    const SystemMap& map = m_view->canvas()->document()->map();
    if (m_index == 0) {
        int consistent = 0, contradicted = 0;
        for (const LinkCheck& c : report.links) {
            consistent += c.verdict == Verdict::Consistent;
            contradicted += c.verdict == Verdict::Contradicted;
        }
        const int unclear = int(report.links.size()) - consistent - contradicted;
        m_text = report.links.empty()
            ? tr("How did the map hold up? No link has data at both ends yet.")
            : tr("How did the map hold up? %1 links checked against the figures: %2 consistent, %3 contradicted, "
                 "%4 without enough data. Moving together is not proof that one causes the other.")
                  .arg(report.links.size()).arg(consistent).arg(contradicted).arg(unclear);
        m_view->clearFocus();
    } else {
        const LinkCheck& check = report.links[std::size_t(m_index - 1)];
        const Link& link = map.link(check.link);
        // Short, so it covers little of the map: the verdict and its numbers (the panel has the long form).
        const QString p = check.p < 0.001 ? QStringLiteral("< 0.001") : QStringLiteral("= %1").arg(check.p, 0, 'g', 2);
        m_text = tr("%1 of %2   %3: %4").arg(m_index).arg(size() - 1)
                     .arg(QString::fromStdString(itemName(map, ItemRef::of(check.link))), markWord(markOf(check)));
        if (check.verdict == Verdict::Insufficient)
            m_text += QLatin1Char('\n') + tr("Only %n paired change(s): not enough to tell.", nullptr, check.pairs);
        else
            m_text += QLatin1Char('\n') + tr("%1 of %2 paired changes agreed with the map (%3%), p %4, lag %5.")
                                              .arg(check.agree).arg(check.pairs).arg(std::lround(check.agreement * 100))
                                              .arg(p).arg(check.lag);
        m_caption->setToolTip(QString::fromStdString(check.text));
        m_view->focusFactor(link.from, 1); // the cause and its neighbours, the effect among them
    }
    m_caption->setText(m_text);
    m_caption->show();
    m_caption->raise();
    place();
}

void HoldUpSequence::place()
{
    const int margin = 24;
    const int width = m_view->width() - 2 * margin;
    m_caption->setFixedWidth(std::max(100, width));
    m_caption->adjustSize();
    m_caption->move(margin, margin); // the presentation's own caption bar is along the bottom
}

bool HoldUpSequence::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize && isActive())
        place();
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
