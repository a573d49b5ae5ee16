// The dialog that edits a factor's or link's indicator.
#include "app/monitor/indicatordialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace causeway {

IndicatorDialog::IndicatorDialog(const QString& itemName, const Indicator& indicator, QWidget* parent)
    : QDialog(parent), m_original(indicator)
{
    setWindowTitle(tr("Indicator of %1").arg(itemName));
    auto* form = new QFormLayout;
    auto line = [&](const std::string& text, const QString& placeholder) {
        auto* edit = new QLineEdit(QString::fromStdString(text));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_name = line(indicator.name, tr("as it is named in the data"));
    m_definition = new QPlainTextEdit(QString::fromStdString(indicator.definition));
    m_definition->setPlaceholderText(tr("what is counted, and how"));
    m_definition->setFixedHeight(70);
    m_unit = line(indicator.unit, tr("clients a month, %"));
    m_source = line(indicator.source, tr("where the figure comes from"));
    m_frequency = new QComboBox;
    for (const char* f : {"", "daily", "weekly", "monthly", "quarterly", "yearly"})
        m_frequency->addItem(*f ? tr(f) : tr("(not stated)"), QString::fromLatin1(f));
    m_frequency->setCurrentIndex(std::max(0, m_frequency->findData(QString::fromStdString(indicator.frequency))));
    m_owner = line(indicator.owner, tr("who reports it"));
    m_higherIsBetter = new QCheckBox(tr("Higher is better"));
    m_higherIsBetter->setChecked(indicator.higherIsBetter);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Definition:"), m_definition);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("Data &source:"), m_source);
    form->addRow(tr("&Frequency:"), m_frequency);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(QString(), m_higherIsBetter);

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &IndicatorDialog::check);

    auto* column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(m_problem);
    column->addWidget(buttons);
    check();
}

Indicator IndicatorDialog::indicator() const
{
    Indicator i = m_original;
    i.name = m_name->text().trimmed().toStdString();
    i.definition = m_definition->toPlainText().trimmed().toStdString();
    i.unit = m_unit->text().trimmed().toStdString();
    i.source = m_source->text().trimmed().toStdString();
    i.frequency = m_frequency->currentData().toString().toStdString();
    i.owner = m_owner->text().trimmed().toStdString();
    i.higherIsBetter = m_higherIsBetter->isChecked();
    return i;
}

void IndicatorDialog::check()
{
    const std::string problem = indicatorProblem(indicator());
    m_problem->setText(QString::fromStdString(problem));
    m_problem->setVisible(!problem.empty());
    m_ok->setEnabled(problem.empty());
}

} // namespace causeway
