// The phone voting join screen, drawn for the back of a room: nothing under 24 px, dark on
// white (the QR code needs a light quiet zone), the count in a dark band like the room's captions.
#include "app/rounds/phonejoinscreen.h"

#include "app/present/roomtheme.h"
#include "app/rounds/phonevoting.h"
#include "vote/qrcode.h"

#include <QFontMetrics>
#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace causeway {

namespace {

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

// The largest size from `pixels` down to `least` at which `text` fits `width`.
QFont fitted(const QString& text, int width, int pixels, int least, bool bold)
{
    QFont font = pixelFont(pixels, bold);
    while (pixels > least && QFontMetrics(font).horizontalAdvance(text) > width)
        font.setPixelSize(--pixels);
    return font;
}

} // namespace

PhoneJoinScreen::PhoneJoinScreen(PhoneVoting* voting, QWidget* parent)
    : QWidget(parent), m_voting(voting)
{
    setWindowTitle(tr("Join the round - Causeway"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(640, 480);
    connect(voting, &PhoneVoting::roomChanged, this, &PhoneJoinScreen::refresh);
    connect(voting, &PhoneVoting::opened, this, &PhoneJoinScreen::refresh);
    refresh();
}

void PhoneJoinScreen::refresh()
{
    const PhoneRoom room = m_voting->room();
    m_round = room.round;
    m_open = room.open && m_voting->isOpen();
    m_names = room.names;
    m_voted = room.voted;
    const QString url = m_voting->joinUrl();
    if (!url.isEmpty() && url != m_url) {
        m_url = url;
        m_address = m_voting->address();
        m_code = m_voting->joinCode();
        const vote::QrCode qr = vote::encodeQr(url.toStdString());
        m_qr = qr.dark;
        m_qrSize = qr.size;
    }
    update();
}

QString PhoneJoinScreen::countText() const
{
    const int of = int(std::max(m_names.size(), m_voted.size()));
    if (!m_open)
        return tr("Round closed: %1 of %2 voted").arg(m_voted.size()).arg(of);
    return of == 1 ? tr("%1 of 1 has voted").arg(m_voted.size())
                   : tr("%1 of %2 have voted").arg(m_voted.size()).arg(of);
}

QStringList PhoneJoinScreen::shownText() const
{
    QStringList text{m_round, tr("Vote from your phone"), tr("1  Open"), m_address, tr("2  Enter the code"),
                     m_code, countText()};
    for (const QString& name : m_names)
        text << (m_voted.contains(name) ? QStringLiteral("\u2713 ") + name : name);
    return text;
}

void PhoneJoinScreen::paintEvent(QPaintEvent*)
{
    const present::RoomColours& colours = present::roomColours();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), colours.legendBackground);
    const int w = width(), h = height(), margin = std::max(24, w / 40);

    // Caption band: the round.
    const int bandH = std::max(64, h / 10);
    p.fillRect(0, 0, w, bandH, colours.captionBand);
    p.setPen(colours.captionText);
    const QString title = tr("%1: vote from your phone").arg(m_round);
    p.setFont(fitted(title, w - 2 * margin, std::max(32, bandH / 2), 24, true));
    p.drawText(QRect(margin, 0, w - 2 * margin, bandH), Qt::AlignVCenter | Qt::AlignLeft, title);

    // The count band at the bottom: how many have voted and who, never what.
    const int countH = std::max(180, h * 3 / 10);
    const QRect countBand(0, h - countH, w, countH);
    p.fillRect(countBand, colours.captionBand);

    // QR code on the left.
    const int area = h - bandH - countH - 2 * margin / 2;
    const int top = bandH + margin / 2;
    const int qrSide = m_open ? drawQrCode(p, margin, top, std::min(area, w * 2 / 5), area) : 0;

    // Address and code to the right of it.
    p.setPen(colours.legendText);
    const int left = margin + qrSide + (qrSide ? margin : 0);
    const int textW = w - left - margin;
    if (m_open) {
        const QFont label = pixelFont(28);
        const QFont address = fitted(m_address, textW, 44, 24, true);
        const QFont code = fitted(m_code, textW, 120, 48, true);
        const int lineLabel = QFontMetrics(label).height(), lineAddress = QFontMetrics(address).height(),
                  lineCode = QFontMetrics(code).height();
        int y = top + std::max(0, (area - (2 * lineLabel + lineAddress + lineCode + margin)) / 2);
        auto line = [&](const QFont& font, const QString& text, int height) {
            p.setFont(font);
            p.drawText(QRect(left, y, textW, height), Qt::AlignLeft | Qt::AlignVCenter, text);
            y += height;
        };
        line(label, tr("1  Open"), lineLabel);
        line(address, m_address, lineAddress);
        y += margin;
        line(label, tr("2  Enter the code"), lineLabel);
        line(code, m_code, lineCode);
    } else {
        p.setFont(pixelFont(40, true));
        p.drawText(QRect(margin, top, w - 2 * margin, area), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Voting has closed. Thank you!"));
    }

    drawCount(p, countBand, margin);
}

void PhoneJoinScreen::drawCount(QPainter& p, const QRect& countBand, int margin) const
{
    const present::RoomColours& colours = present::roomColours();
    const int h = height(), w = width();
    // The count, then the names (non-breaking spaces keep each name on one line).
    p.setPen(colours.captionText);
    const QFont countFont = pixelFont(std::max(40, h / 16), true);
    const int countLine = QFontMetrics(countFont).height();
    p.setFont(countFont);
    p.drawText(QRect(margin, countBand.top() + margin / 2, w - 2 * margin, countLine),
               Qt::AlignLeft | Qt::AlignVCenter, countText());
    QStringList names;
    for (const QString& name : m_names) {
        QString shown = name;
        shown.replace(QLatin1Char(' '), QChar(0x00A0));
        names << (m_voted.contains(name) ? QStringLiteral("\u2713\u00A0") + shown : shown);
    }
    const QRect namesRect(margin, countBand.top() + margin / 2 + countLine + margin / 3, w - 2 * margin,
                          countBand.bottom() - (countBand.top() + margin / 2 + countLine + margin / 3));
    const QString joined = names.join(QStringLiteral("     "));
    QFont namesFont = pixelFont(30);
    while (namesFont.pixelSize() > 24
           && QFontMetrics(namesFont).boundingRect(namesRect, Qt::TextWordWrap, joined).height() > namesRect.height())
        namesFont.setPixelSize(namesFont.pixelSize() - 1);
    p.setFont(namesFont);
    p.drawText(namesRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, joined);
}

int PhoneJoinScreen::drawQrCode(QPainter& p, int left, int top, int side, int area) const
{
    // At whole pixels per module so it stays sharp.
    if (m_qrSize <= 0)
        return 0;
    const int modules = m_qrSize + 8; // 4-module quiet zone each side
    const int unit = std::max(2, side / modules);
    const int qrSide = unit * modules;
    const QRect qr(left, top + (area - qrSide) / 2, qrSide, qrSide);
    p.fillRect(qr, Qt::white);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int y = 0; y < m_qrSize; ++y)
        for (int x = 0; x < m_qrSize; ++x)
            if (m_qr[std::size_t(y) * std::size_t(m_qrSize) + std::size_t(x)])
                p.fillRect(qr.x() + (x + 4) * unit, qr.y() + (y + 4) * unit, unit, unit, Qt::black);
    p.setRenderHint(QPainter::Antialiasing);
    return qrSide;
}

void PhoneJoinScreen::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F11 || event->key() == Qt::Key_F)
        setWindowState(windowState() ^ Qt::WindowFullScreen);
    else if (event->key() == Qt::Key_Escape && isFullScreen())
        showNormal();
    else
        QWidget::keyPressEvent(event);
}

void PhoneJoinScreen::mouseDoubleClickEvent(QMouseEvent*)
{
    setWindowState(windowState() ^ Qt::WindowFullScreen);
}

} // namespace causeway
