// The presentation's turn screen during pass-the-mouse voting.
#include "app/present/turnscreen.h"

#include "app/present/presentationview.h"
#include "app/present/roomtheme.h"
#include "app/rounds/votingsession.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace causeway {

namespace {
constexpr int kPad = 14; // as the presentation's caption band

QFont bandFont(int pixels, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}
} // namespace

TurnScreen::TurnScreen(VotingSession* session, PresentationView* view)
    : QWidget(view), m_session(session), m_view(view)
{
    setAttribute(Qt::WA_TransparentForMouseEvents); // clicks reach the presentation
    view->installEventFilter(this);
    connect(session, &VotingSession::changed, this, &TurnScreen::follow);
    connect(session, &VotingSession::stopped, this, &TurnScreen::follow);
    follow();
}

QString TurnScreen::headline() const
{
    if (!m_session || !m_session->isActive())
        return {};
    const QString who = m_session->participant();
    return who.isEmpty() ? tr("Who votes next?") : tr("%1's turn").arg(who);
}

QString TurnScreen::detail() const
{
    const NominationRound* round = m_session ? m_session->round() : nullptr;
    if (!round)
        return {};
    int voted = 0;
    for (const std::string& p : round->participants)
        voted += m_session->hasVoted(QString::fromStdString(p)) ? 1 : 0;
    // Someone at the mouse who is not on the round's list yet (a walk-in: the round adds them
    // when their ballot is cast) is one more voter already.
    const std::string atMouse = m_session->draft().participant;
    const bool listed = atMouse.empty()
                        || std::find(round->participants.begin(), round->participants.end(), atMouse)
                               != round->participants.end();
    return tr("%1: up to %2 to watch, %3 to stop · %4 of %5 have voted")
        .arg(QString::fromStdString(round->name))
        .arg(round->watchBudget)
        .arg(round->stopBudget)
        .arg(voted)
        .arg(round->participants.size() + (listed ? 0 : 1));
}

void TurnScreen::follow()
{
    const bool active = m_session && m_session->isActive();
    if (active && !m_wasActive) // the items: the whole map, nothing lit, no focus
        m_view->goTo(0);
    m_wasActive = active;
    setVisible(active);
    if (active) {
        place();
        raise();
        update();
    }
}

void TurnScreen::place()
{
    // Over the presentation's caption band: two lines of its caption type.
    const double line = QFontMetricsF(bandFont(PresentationView::kCaptionPixels, true)).lineSpacing();
    const int h = int(2 * line) + 2 * kPad;
    setGeometry(0, m_view->height() - h, m_view->width(), h);
}

bool TurnScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize && isVisible())
        place();
    return QWidget::eventFilter(watched, event);
}

void TurnScreen::paintEvent(QPaintEvent*)
{
    const present::RoomColours& c = present::roomColours();
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), c.captionBand);
    p.setPen(c.captionText);
    const QRectF inner = QRectF(rect()).adjusted(kPad, kPad / 2.0, -kPad, -kPad / 2.0);
    const QRectF top(inner.left(), inner.top(), inner.width(), inner.height() / 2);
    const QRectF bottom(inner.left(), top.bottom(), inner.width(), inner.height() / 2);
    const QFont big = bandFont(PresentationView::kCaptionPixels, true);
    p.setFont(big);
    p.drawText(top, Qt::AlignHCenter | Qt::AlignVCenter,
               QFontMetricsF(big).elidedText(headline(), Qt::ElideRight, top.width()));
    QFont small = bandFont(PresentationView::kCaptionPixels * 4 / 5, false);
    p.setFont(small);
    p.drawText(bottom, Qt::AlignHCenter | Qt::AlignVCenter,
               QFontMetricsF(small).elidedText(detail(), Qt::ElideMiddle, bottom.width()));
}

void attachTurnScreen(PresentationView* view, QWidget* window)
{
    if (view->findChild<TurnScreen*>(QString(), Qt::FindDirectChildrenOnly))
        return;
    if (auto* session = window->findChild<VotingSession*>())
        new TurnScreen(session, view);
}

} // namespace causeway
