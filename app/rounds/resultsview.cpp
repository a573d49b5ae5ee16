#include "app/rounds/resultsview.h"

#include "app/document/document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace causeway {

namespace {

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
    m_chartScroll = new QScrollArea;
    m_chartScroll->setWidget(m_chart);
    m_chartScroll->setWidgetResizable(true); // as wide as the view, as tall as the wrapped names
    m_chartScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    // Names wrap in a column that takes the width the figures leave (fitColumns): no sideways
    // scrolling to reach the counts.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there, so rows growing taller never narrow the columns after they were fitted.
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::Alignment::fromInt(Qt::AlignCenter | Qt::TextWordWrap));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->viewport()->installEventFilter(this);
    m_roomButton = new QPushButton(tr("Show to the Room"));
    m_roomButton->setToolTip(tr("These results full screen, in large type (Esc closes)"));
    connect(m_roomButton, &QPushButton::clicked, this, [this] {
        if (m_room)
            close();
        else
            showToRoom();
    });

    // Chart and table as tabs: the dock sits beside a map shown on a projector, narrow and tall.
    auto* compare = new QHBoxLayout;
    m_compareLabel = new QLabel(tr("Compare with:"));
    compare->addWidget(m_compareLabel);
    compare->addWidget(m_compare, 1);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_chartScroll, tr("Chart"));
    m_tabs->addTab(m_table, tr("Table"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_heading);
    column->addLayout(compare);
    column->addWidget(m_tabs, 1);
    column->addWidget(m_roomButton);

    // Once per step, however many factors it changed (a layout moves every one).
    connect(document, &Document::stepNotified, this, &ResultsView::refresh);
    connect(document, &Document::reset, this, &ResultsView::refresh);
    refresh();
}

void ResultsView::setRound(const QString& name)
{
    m_round = name;
    if (m_before == name)
        m_before.clear();
    refresh();
}

void ResultsView::setVotingUnderway(bool voting)
{
    if (voting == m_voting)
        return;
    m_voting = voting;
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
    if (m_voting) {
        m_heading->setText(tr("Voting on %1 is under way: the results show when it ends").arg(name));
        m_chart->setRows({}, 0);
        return;
    }
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
    m_dropOrder = {1, 6, 4}; // Kind, Agreement, Participants
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
    fitColumns();
    m_chart->setRows(std::move(bars), int(round.ballots.size()));
}

void ResultsView::fillComparison(const NominationRound& before, const NominationRound& after)
{
    const SystemMap& map = m_document->map();
    const std::vector<TallyChange> changes = compareRounds(before, after);
    m_table->setColumnCount(7);
    m_dropOrder = {1, 4}; // the counts before
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
    fitColumns();
    m_chart->setRows(std::move(bars), int(after.ballots.size()));
}

// The figures' columns as narrow as their numbers and their headings' longest word (headings
// wrap); the name column takes the rest and its names wrap. Too narrow for every figure (a side
// panel), the least needed go first (Show to the Room has them all).
void ResultsView::fitColumns()
{
    const int columns = m_table->columnCount();
    if (columns == 0 || m_fitting)
        return;
    m_fitting = true;
    QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics cells(m_table->font());
    const QFontMetrics heads(header->font());
    const int padding = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
    std::vector<int> widths(std::size_t(columns), 0);
    std::vector<int> lines(std::size_t(columns), 1);
    for (int c = 1; c < columns; ++c) {
        const QString heading = m_table->horizontalHeaderItem(c)->text();
        int width = 0;
        for (const QString& word : heading.split(QLatin1Char(' ')))
            width = std::max(width, heads.horizontalAdvance(word));
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (const QTableWidgetItem* item = m_table->item(r, c))
                width = std::max(width, cells.horizontalAdvance(item->text()));
        widths[std::size_t(c)] = width + padding;
        if (heads.horizontalAdvance(heading) + padding > widths[std::size_t(c)])
            lines[std::size_t(c)] = int(heading.count(QLatin1Char(' '))) + 1;
    }
    const int room = m_table->viewport()->width();
    const int nameWidth = heads.averageCharWidth() * 12;
    std::vector<bool> hidden(std::size_t(columns), false);
    auto figures = [&] {
        int sum = 0;
        for (int c = 1; c < columns; ++c)
            sum += hidden[std::size_t(c)] ? 0 : widths[std::size_t(c)];
        return sum;
    };
    bool dropped = false;
    for (int c : m_dropOrder)
        if (c < columns && figures() + nameWidth > room)
            hidden[std::size_t(c)] = dropped = true;
    int headingLines = 1;
    for (int c = 1; c < columns; ++c) {
        m_table->setColumnHidden(c, hidden[std::size_t(c)]);
        m_table->setColumnWidth(c, widths[std::size_t(c)]);
        if (!hidden[std::size_t(c)])
            headingLines = std::max(headingLines, lines[std::size_t(c)]);
    }
    // The names get what is left, even below their comfortable width: never a sideways scroll.
    // (The header may have widened a figure's column to its minimum section size.)
    int used = 0;
    for (int c = 1; c < columns; ++c)
        used += hidden[std::size_t(c)] ? 0 : m_table->columnWidth(c);
    m_table->setColumnWidth(0, std::max(heads.averageCharWidth() * 4, room - used));
    m_table->setToolTip(dropped ? tr("Widen the panel, or Show to the Room, for every column")
                                : QString());
    header->setFixedHeight(headingLines * heads.lineSpacing() + 10);
    // Each row as tall as its name wrapped in the name column (the view's own row sizing went
    // by a wider column here).
    const int nameText = m_table->columnWidth(0) - 8;
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (const QTableWidgetItem* item = m_table->item(r, 0))
            m_table->setRowHeight(
                r, cells.boundingRect(QRect(0, 0, nameText, 100000), Qt::TextWordWrap, item->text())
                           .height()
                       + 8);
    m_fitting = false;
}

bool ResultsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize) {
        if (m_fitting) // resized by the fitting itself (a scroll bar came): fit again after
            QMetaObject::invokeMethod(this, &ResultsView::fitColumns, Qt::QueuedConnection);
        else
            fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

void ResultsView::keyPressEvent(QKeyEvent* event)
{
    if (m_room && event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ResultsView::setRoomMode(bool room)
{
    m_room = room;
    const double scale = room ? 1.6 : 1.0;
    QFont body = QWidget::font();
    body.setPointSizeF(body.pointSizeF() * scale);
    m_table->setFont(body);
    m_tabs->tabBar()->setFont(body);
    QFont big = QWidget::font();
    big.setPointSizeF(big.pointSizeF() * 1.25 * (room ? 1.6 : 1.0));
    big.setBold(true);
    m_heading->setFont(big);
    m_chart->setTextPixels(room ? 22 : 16);
    // The room sees the results alone; the comparison is picked in the panel first.
    m_compareLabel->setVisible(!room);
    m_compare->setVisible(!room);
    m_roomButton->setText(room ? tr("Close (Esc)") : tr("Show to the Room"));
    m_roomButton->setFont(room ? body : QWidget::font());
    fitColumns();
}

ResultsView* ResultsView::showToRoom()
{
    // A window of its own (deleted with this view or when closed), over the editor's screen.
    auto* room = new ResultsView(m_document, this);
    room->setWindowFlag(Qt::Window);
    room->setAttribute(Qt::WA_DeleteOnClose);
    room->setWindowTitle(tr("Results: %1").arg(m_round));
    room->setRoomMode(true);
    room->setRound(m_round);
    room->setCompareWith(m_before);
    if (const QScreen* s = screen())
        room->setGeometry(s->geometry());
    room->showFullScreen();
    return room;
}

} // namespace causeway
