#pragma once

// The projector's screen while a round is open to phones: where to go, the join code and the QR
// code in large type, then a live "9 of 12 have voted" with names, never choices or tokens.

#include <QWidget>

#include <vector>

class QPainter;

namespace causeway {

class PhoneVoting;

class PhoneJoinScreen : public QWidget {
    Q_OBJECT
public:
    explicit PhoneJoinScreen(PhoneVoting* voting, QWidget* parent = nullptr);

    // "9 of 12 have voted" as shown; tests read it.
    QString countText() const;
    // Everything written on the screen, in reading order (tests check nothing secret is there).
    QStringList shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void refresh();
    // The count and the names in the bottom band; the QR code left of the address (its side).
    void drawCount(QPainter& p, const QRect& countBand, int margin) const;
    int drawQrCode(QPainter& p, int left, int top, int side, int area) const;

    PhoneVoting* m_voting;
    QString m_round, m_address, m_code, m_url;
    bool m_open = false;
    QStringList m_names, m_voted;
    std::vector<bool> m_qr; // modules, row by row
    int m_qrSize = 0;
};

} // namespace causeway
