// The results' bar chart: wrapped item names with their watch and stop bars.
#include "app/rounds/votebarchart.h"

#include "app/canvas/theme.h"
#include "app/canvas/votebadgeitem.h"

#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace causeway {

namespace {

QFont chartFont(double pixels, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(8, int(pixels)));
    f.setBold(bold);
    return f;
}

constexpr double kMargin = 8;

// A name laid out in lines no wider than `width`: at word boundaries, inside a word only when
// one word is wider than the line (never cut, never elided).
class WrappedText {
public:
    WrappedText(const QString& text, const QFont& font, double width) : m_layout(text, font)
    {
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        m_layout.setTextOption(option);
        m_layout.beginLayout();
        for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
            line.setLineWidth(width);
            line.setPosition({0, m_height});
            m_height += line.height();
        }
        m_layout.endLayout();
    }
    double height() const { return m_height; }
    void draw(QPainter* p, QPointF at) const { m_layout.draw(p, at); }

private:
    QTextLayout m_layout;
    double m_height = 0;
};

} // namespace

VoteBarChart::VoteBarChart(QWidget* parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void VoteBarChart::setRows(std::vector<Row> rows, int ballots)
{
    // The most nominated items, in the tally's order.
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rows[a].watch + rows[a].stop > rows[b].watch + rows[b].stop;
    });
    if (int(order.size()) > m_maxRows)
        order.resize(std::size_t(m_maxRows));
    std::sort(order.begin(), order.end());
    m_rows.clear();
    for (std::size_t i : order)
        m_rows.push_back(rows[i]);
    m_ballots = ballots;
    updateGeometry();
    update();
}

void VoteBarChart::setMaxRows(int n)
{
    m_maxRows = n;
    update();
}

void VoteBarChart::setTextPixels(int pixels)
{
    m_textPixels = pixels;
    updateGeometry();
    update();
}

QFont VoteBarChart::labelFont() const
{
    return chartFont(m_textPixels);
}

bool VoteBarChart::sideBySide(double width) const
{
    return width >= 34.0 * m_textPixels;
}

std::vector<VoteBarChart::RowGeometry> VoteBarChart::layoutRows(double width) const
{
    const double plotW = std::max(40.0, width - 2 * kMargin);
    const double barH = m_textPixels * 0.95;
    const double numberW = QFontMetricsF(chartFont(m_textPixels, true)).horizontalAdvance(
                               QStringLiteral("000"))
                           + 8;
    const bool beside = sideBySide(width);
    const double labelW = beside ? plotW * 0.46 : plotW;
    const double barsLeft = beside ? kMargin + labelW + 12 : kMargin;
    const double barsW = std::max(20.0, kMargin + plotW - barsLeft - numberW);
    const QFont font = labelFont();
    std::vector<RowGeometry> rows;
    double top = 6 + legendHeight() + 10;
    for (const Row& r : m_rows) {
        const double textH = WrappedText(r.name, font, labelW).height();
        RowGeometry g;
        if (beside) {
            const double rowH = std::max(textH, 2 * barH + 3);
            g.label = QRectF(kMargin, top + (rowH - textH) / 2, labelW, textH);
            const double barsTop = top + (rowH - 2 * barH - 3) / 2;
            g.watchBar = QRectF(barsLeft, barsTop, barsW, barH);
            g.stopBar = QRectF(barsLeft, barsTop + barH + 3, barsW, barH);
            top += rowH + m_textPixels * 0.45;
        } else {
            g.label = QRectF(kMargin, top, labelW, textH);
            g.watchBar = QRectF(barsLeft, top + textH + 2, barsW, barH);
            g.stopBar = QRectF(barsLeft, top + textH + 3 + barH, barsW, barH);
            top = g.stopBar.bottom() + m_textPixels * 0.8;
        }
        rows.push_back(g);
    }
    return rows;
}

int VoteBarChart::contentHeight(double width) const
{
    const auto rows = layoutRows(width);
    return int(std::ceil(rows.empty() ? 160 : rows.back().stopBar.bottom() + 8));
}

int VoteBarChart::heightForWidth(int width) const
{
    return contentHeight(width);
}

QSize VoteBarChart::sizeHint() const
{
    return {320, contentHeight(320)};
}

QSize VoteBarChart::minimumSizeHint() const
{
    return {160, 120};
}

void VoteBarChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    const QRectF area = QRectF(rect()).adjusted(kMargin, 6, -kMargin, -6);
    if (m_rows.empty()) {
        p.setFont(chartFont(m_textPixels));
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("No nominations to show"));
        return;
    }
    // Legend: the same badges as on the canvas.
    const double legendH = legendHeight();
    const QFont legendFont = chartFont(m_textPixels, true);
    const double second = legendH + 12 + QFontMetricsF(legendFont).horizontalAdvance(tr("Watch")) + 24;
    VoteBadgeItem::paintBadge(&p, makeVoteBadge(NominationKind::Watch, 0, area.left(),
                                                area.top() + legendH / 2, legendH));
    VoteBadgeItem::paintBadge(&p, makeVoteBadge(NominationKind::Stop, 0, area.left() + second,
                                                area.top() + legendH / 2, legendH));
    p.setFont(legendFont);
    p.setPen(QColor(0x11, 0x11, 0x11));
    p.drawText(QRectF(area.left() + legendH + 6, area.top(), second, legendH), Qt::AlignVCenter,
               tr("Watch"));
    p.drawText(QRectF(area.left() + second + legendH + 6, area.top(), area.width(), legendH),
               Qt::AlignVCenter, tr("Stop"));

    int maxCount = 1;
    for (const Row& r : m_rows)
        maxCount = std::max({maxCount, r.watch, r.stop});
    const QFont label = labelFont();
    const QFont number = chartFont(m_textPixels, true);
    const std::vector<RowGeometry> rows = layoutRows(width());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        const RowGeometry& g = rows[i];
        p.setPen(QColor(0x11, 0x11, 0x11));
        WrappedText(r.name, label, g.label.width()).draw(&p, g.label.topLeft());
        auto bar = [&](const QRectF& full, int count, bool isWatch) {
            const double w = full.width() * count / maxCount;
            if (count > 0) {
                if (isWatch) {
                    p.setPen(Qt::NoPen);
                    p.setBrush(theme::watchColour());
                } else {
                    p.setPen(QPen(theme::stopColour(), 1.5));
                    p.setBrush(QBrush(theme::stopColour(), Qt::BDiagPattern)); // hatched: not colour alone
                }
                p.drawRect(QRectF(full.left(), full.top(), w, full.height()));
            }
            p.setFont(number);
            p.setPen(QColor(0x11, 0x11, 0x11));
            p.drawText(QRectF(full.left() + w + 4, full.top() - 4, 60, full.height() + 8),
                       Qt::AlignLeft | Qt::AlignVCenter, QString::number(count));
        };
        bar(g.watchBar, r.watch, true);
        bar(g.stopBar, r.stop, false);
    }
}

} // namespace causeway
