#include "app/rounds/resultsview.h"

#include "app/document/document.h"
#include "app/canvas/theme.h"
#include "app/canvas/votebadgeitem.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace causeway {

namespace {

QColor watchBar() { return theme::watchColour(); }
QColor stopEdge() { return theme::stopColour(); }

QFont chartFont(int pixels, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem* numberCell(int value)
{
    QTableWidgetItem* item = cell(QString::number(value), true);
    item->setData(Qt::DisplayRole, value); // sorts as a number
    return item;
}

QString signedNumber(int n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : n < 0 ? QStringLiteral("\u2212%1").arg(-n)
                                                        : QStringLiteral("0");
}

} // namespace

// ---- the chart

VoteBarChart::VoteBarChart(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
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

QSize VoteBarChart::sizeHint() const
{
    return {300, 50 + kRowHeight * std::max<int>(3, int(m_rows.size()))};
}

QSize VoteBarChart::minimumSizeHint() const
{
    return {220, 160};
}

void VoteBarChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    const QRectF area = QRectF(rect()).adjusted(8, 6, -8, -6);
    if (m_rows.empty()) {
        p.setFont(chartFont(16));
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("No nominations to show"));
        return;
    }
    // Legend: the same badges as on the canvas.
    const double legendH = 28;
    VoteBadgeItem::paintBadge(&p, makeVoteBadge(NominationKind::Watch, 0, area.left(),
                                                area.top() + legendH / 2, legendH));
    VoteBadgeItem::paintBadge(&p, makeVoteBadge(NominationKind::Stop, 0, area.left() + 112,
                                                area.top() + legendH / 2, legendH));
    p.setFont(chartFont(17, true));
    p.setPen(QColor(0x11, 0x11, 0x11));
    p.drawText(QRectF(area.left() + legendH + 6, area.top(), 80, legendH), Qt::AlignVCenter,
               tr("Watch"));
    p.drawText(QRectF(area.left() + 112 + legendH + 6, area.top(), 80, legendH), Qt::AlignVCenter,
               tr("Stop"));

    // Each item: its name on a line, then its watch bar and its stop bar with their numbers.
    const QRectF plot = area.adjusted(0, legendH + 10, 0, 0);
    const double rowH = std::clamp(plot.height() / double(m_rows.size()), 30.0, double(kRowHeight));
    const double labelH = std::min(20.0, rowH * 0.38);
    const double barH = std::max(4.0, (rowH - labelH - 6) / 2);
    const double numberW = 30;
    const double barsW = std::max(20.0, plot.width() - numberW);
    int maxCount = 1;
    for (const Row& r : m_rows)
        maxCount = std::max({maxCount, r.watch, r.stop});
    const QFont label = chartFont(std::clamp(int(labelH * 0.85), 10, 17));
    const QFont number = chartFont(std::clamp(int(barH * 1.1), 10, 17), true);
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        const double top = plot.top() + rowH * double(i);
        p.setFont(label);
        p.setPen(QColor(0x11, 0x11, 0x11));
        p.drawText(QRectF(plot.left(), top, plot.width(), labelH), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(label).elidedText(r.name, Qt::ElideMiddle, plot.width()));
        auto bar = [&](double y, int count, bool isWatch) {
            const double w = barsW * count / maxCount;
            if (count > 0) {
                if (isWatch) {
                    p.setPen(Qt::NoPen);
                    p.setBrush(watchBar());
                } else {
                    p.setPen(QPen(stopEdge(), 1.5));
                    p.setBrush(QBrush(stopEdge(), Qt::BDiagPattern)); // hatched: not colour alone
                }
                p.drawRect(QRectF(plot.left(), y, w, barH));
            }
            p.setFont(number);
            p.setPen(QColor(0x11, 0x11, 0x11));
            p.drawText(QRectF(plot.left() + w + 4, y - 4, numberW, barH + 8),
                       Qt::AlignLeft | Qt::AlignVCenter, QString::number(count));
        };
        bar(top + labelH + 1, r.watch, true);
        bar(top + labelH + 2 + barH, r.stop, false);
    }
}

// ---- the view

ResultsView::ResultsView(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    m_heading = new QLabel;
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);
    m_compare = new QComboBox;
    m_compare->setToolTip(tr("Compare with an earlier round: what moved"));
    connect(m_compare, &QComboBox::activated, this, [this](int index) {
        setCompareWith(index <= 0 ? QString() : m_compare->itemText(index));
    });
    m_chart = new VoteBarChart;
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);

    // Chart and table as tabs: the dock sits beside a map shown on a projector, narrow and tall.
    auto* compare = new QHBoxLayout;
    compare->addWidget(new QLabel(tr("Compare with:")));
    compare->addWidget(m_compare, 1);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_chart, tr("Chart"));
    m_tabs->addTab(m_table, tr("Table"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_heading);
    column->addLayout(compare);
    column->addWidget(m_tabs, 1);

    connect(document, &Document::mapDataChanged, this, &ResultsView::refresh);
    connect(document, &Document::reset, this, &ResultsView::refresh);
    for (auto signal : {&Document::factorChanged, &Document::factorRemoved})
        connect(document, signal, this, &ResultsView::refresh);
    connect(document, &Document::linkRemoved, this, &ResultsView::refresh);
    refresh();
}

void ResultsView::setRound(const QString& name)
{
    m_round = name;
    if (m_before == name)
        m_before.clear();
    refresh();
}

void ResultsView::setCompareWith(const QString& before)
{
    m_before = before == m_round ? QString() : before;
    refresh();
}

void ResultsView::refresh()
{
    const SystemMap& map = m_document->map();
    m_compare->clear();
    m_compare->addItem(tr("(none)"));
    for (const NominationRound& r : map.rounds())
        if (QString::fromStdString(r.name) != m_round)
            m_compare->addItem(QString::fromStdString(r.name));
    const int at = m_before.isEmpty() ? 0 : m_compare->findText(m_before);
    if (at < 0)
        m_before.clear();
    m_compare->setCurrentIndex(std::max(at, 0));

    m_table->clear();
    m_table->setRowCount(0);
    const NominationRound* round = findRound(map, m_round.toStdString());
    if (!round) {
        m_heading->setText(tr("No round chosen"));
        m_chart->setRows({}, 0);
        return;
    }
    const QString name = QString::fromStdString(round->name);
    if (!round->ballotsVisible()) {
        m_heading->setText(tr("%1: %n ballot(s), secret until revealed", nullptr,
                              int(round->ballots.size())).arg(name));
        m_chart->setRows({}, 0);
        return;
    }
    const NominationRound* before = findRound(map, m_before.toStdString());
    if (before && before->ballotsVisible()) {
        m_heading->setText(tr("%1 compared with %2").arg(name, m_before));
        fillComparison(*before, *round);
    } else {
        m_heading->setText(tr("%1: %n ballot(s)", nullptr, int(round->ballots.size())).arg(name));
        fillTally(*round);
    }
}

void ResultsView::fillTally(const NominationRound& round)
{
    const SystemMap& map = m_document->map();
    const std::vector<TallyRow> rows = tallyRound(round);
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Kind"), tr("Watch"), tr("Stop"),
                                        tr("Participants"), tr("Rank"), tr("Agreement")});
    m_table->setRowCount(int(rows.size()));
    std::vector<VoteBarChart::Row> bars;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TallyRow& r = rows[i];
        const QString item = QString::fromStdString(itemName(map, r.item));
        const bool tie = std::count_if(rows.begin(), rows.end(),
                                       [&](const TallyRow& o) { return o.rank == r.rank; }) > 1;
        const int row = int(i);
        m_table->setItem(row, 0, cell(item));
        m_table->setItem(row, 1, cell(r.item.isLink() ? tr("link") : tr("factor")));
        m_table->setItem(row, 2, numberCell(r.watch));
        m_table->setItem(row, 3, numberCell(r.stop));
        m_table->setItem(row, 4, numberCell(r.participants));
        m_table->setItem(row, 5, cell(tie ? QStringLiteral("=%1").arg(r.rank) : QString::number(r.rank),
                                      true));
        m_table->setItem(row, 6, cell(QStringLiteral("%1 %").arg(std::lround(r.agreement * 100)), true));
        bars.push_back({item, r.watch, r.stop});
    }
    m_table->resizeColumnsToContents();
    m_chart->setRows(std::move(bars), int(round.ballots.size()));
}

void ResultsView::fillComparison(const NominationRound& before, const NominationRound& after)
{
    const SystemMap& map = m_document->map();
    const std::vector<TallyChange> changes = compareRounds(before, after);
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Watch before"), tr("Watch after"),
                                        tr("Watch change"), tr("Stop before"), tr("Stop after"),
                                        tr("Stop change")});
    m_table->setRowCount(int(changes.size()));
    std::vector<VoteBarChart::Row> bars;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const TallyChange& c = changes[i];
        const int row = int(i);
        const QString item = QString::fromStdString(itemName(map, c.item));
        m_table->setItem(row, 0, cell(item));
        m_table->setItem(row, 1, numberCell(c.before ? c.before->watch : 0));
        m_table->setItem(row, 2, numberCell(c.after ? c.after->watch : 0));
        m_table->setItem(row, 3, cell(signedNumber(c.watchDelta()), true));
        m_table->setItem(row, 4, numberCell(c.before ? c.before->stop : 0));
        m_table->setItem(row, 5, numberCell(c.after ? c.after->stop : 0));
        m_table->setItem(row, 6, cell(signedNumber(c.stopDelta()), true));
        if (c.after)
            bars.push_back({item, c.after->watch, c.after->stop});
    }
    m_table->resizeColumnsToContents();
    m_chart->setRows(std::move(bars), int(after.ballots.size()));
}

} // namespace causeway
