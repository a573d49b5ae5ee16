#pragma once

#include <QWidget>

#include <vector>

namespace causeway {

// Horizontal bars, a watch bar and a stop bar per item, most nominated items first (top N).
// Drawn with QPainter; the bars carry their numbers and the two kinds differ in fill as well as
// colour, so a black-and-white print reads too. Item names wrap, never cut: beside their bars
// when the chart is wide, above them when it is narrow (a side panel); the chart is as tall as
// its wrapped names need (height for width), so it sits in a scroll area.
class VoteBarChart : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString name;
        int watch = 0;
        int stop = 0;
    };
    // Where one row's parts are drawn, in widget coordinates.
    struct RowGeometry {
        QRectF label; // the wrapped name fits inside
        QRectF watchBar, stopBar; // full length (the count's share is drawn)
    };

    explicit VoteBarChart(QWidget* parent = nullptr);
    void setRows(std::vector<Row> rows, int ballots);
    const std::vector<Row>& rows() const { return m_rows; }
    void setMaxRows(int n);
    // The names' size in pixels (the numbers follow); larger for the room.
    void setTextPixels(int pixels);
    int textPixels() const { return m_textPixels; }

    // The rows laid out at `width`, and the height they take.
    std::vector<RowGeometry> layoutRows(double width) const;
    int contentHeight(double width) const;
    QFont labelFont() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool sideBySide(double width) const;
    double legendHeight() const { return m_textPixels * 1.7; }

    std::vector<Row> m_rows;
    int m_ballots = 0;
    int m_maxRows = 10;
    int m_textPixels = 16;
};

} // namespace causeway
