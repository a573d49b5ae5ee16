#pragma once

#include "model/indicator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace causeway {

// Edits one indicator: name, definition, unit, data source, frequency, owner and whether higher
// is better. OK stays disabled while the indicator could not be kept (a blank name), and the
// reason is shown.
class IndicatorDialog : public QDialog {
    Q_OBJECT
public:
    IndicatorDialog(const QString& itemName, const Indicator& indicator, QWidget* parent = nullptr);

    Indicator indicator() const;

private:
    void check();

    Indicator m_original; // keeps the fields the dialog does not show (extra)
    QLineEdit* m_name;
    QPlainTextEdit* m_definition;
    QLineEdit* m_unit;
    QLineEdit* m_source;
    QComboBox* m_frequency;
    QLineEdit* m_owner;
    QCheckBox* m_higherIsBetter;
    QLabel* m_problem;
    QPushButton* m_ok;
};

} // namespace causeway
