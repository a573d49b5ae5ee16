#pragma once

#include "model/ids.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;

namespace causeway {

class CanvasView;

// Ctrl+F: type part of a factor's name; the first match is selected and centred as you type,
// Enter goes to the next match (Shift+Enter the previous), Escape closes.
class FindBar : public QWidget {
    Q_OBJECT
public:
    FindBar(CanvasView* view, QWidget* parent = nullptr);

    void activate();
    QLineEdit* lineEdit() const { return m_edit; }
    int matchCount() const { return int(m_matches.size()); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void step(int delta);
    void showCurrent();

    CanvasView* m_view;
    QLineEdit* m_edit;
    QLabel* m_count;
    std::vector<FactorId> m_matches;
    int m_current = -1;
};

} // namespace causeway
