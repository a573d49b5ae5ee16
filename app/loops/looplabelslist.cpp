#include "app/loops/looplabelslist.h"

#include "app/document/document.h"
#include "app/loops/looplistmodel.h"
#include "app/canvas/theme.h"
#include "model/looplabels.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace causeway {

namespace {
std::string trimmed(const std::string& s)
{
    return QString::fromStdString(s).simplified().toStdString();
}
} // namespace

bool nameLoop(Document* document, const Loop& loop, const std::string& name)
{
    const std::string clean = trimmed(name);
    if (clean.empty() || loop.links.empty())
        return false;
    MapData data = mapDataOf(document->map());
    if (const auto existing = findLoopLabel(document->map(), loop)) {
        if (data.loopLabels[*existing].name == clean)
            return false;
        data.loopLabels[*existing].name = clean;
        return document->updateMapData(data, QObject::tr("Rename Loop"));
    }
    data.loopLabels.push_back(labelForLoop(loop, clean));
    return document->updateMapData(data, QObject::tr("Name Loop"));
}

bool renameLoopLabel(Document* document, std::size_t index, const std::string& name)
{
    const std::string clean = trimmed(name);
    MapData data = mapDataOf(document->map());
    if (clean.empty() || index >= data.loopLabels.size() || data.loopLabels[index].name == clean)
        return false;
    data.loopLabels[index].name = clean;
    return document->updateMapData(data, QObject::tr("Rename Loop"));
}

bool deleteLoopLabel(Document* document, std::size_t index)
{
    MapData data = mapDataOf(document->map());
    if (index >= data.loopLabels.size())
        return false;
    data.loopLabels.erase(data.loopLabels.begin() + std::ptrdiff_t(index));
    return document->updateMapData(data, QObject::tr("Delete Loop Name"));
}

LoopLabelsList::LoopLabelsList(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("loopLabels"));
    m_list->setWordWrap(true);
    auto* hint = new QLabel(tr("Name a loop from the Loops list (Ctrl+Shift+M) to tell its story "
                               "on the canvas."));
    hint->setWordWrap(true);
    m_rename = new QPushButton(tr("Rename..."));
    m_delete = new QPushButton(tr("Delete"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    column->addWidget(m_list, 1);
    column->addLayout(buttons);
    column->addWidget(hint);

    connect(m_rename, &QPushButton::clicked, this, &LoopLabelsList::renameCurrent);
    connect(m_delete, &QPushButton::clicked, this, &LoopLabelsList::deleteCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_rename->setEnabled(row >= 0);
        m_delete->setEnabled(row >= 0);
        if (row >= 0)
            emit labelActivated(std::size_t(row));
    });
    connect(m_list, &QListWidget::itemClicked, this, [this] {
        if (auto row = currentLabel())
            emit labelActivated(*row);
    });
    connect(document, &Document::stepNotified, this, &LoopLabelsList::refresh); // once per step
    connect(document, &Document::reset, this, &LoopLabelsList::refresh);
    refresh();
}

std::optional<std::size_t> LoopLabelsList::currentLabel() const
{
    const int row = m_list->currentRow();
    return row >= 0 ? std::optional(std::size_t(row)) : std::nullopt;
}

void LoopLabelsList::refresh()
{
    const SystemMap& map = m_document->map();
    const int current = m_list->currentRow();
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const LoopLabel& label : map.loopLabels()) {
        const auto loop = loopOfLabel(map, label);
        auto* item = new QListWidgetItem(m_list);
        QFont font = m_list->font();
        font.setBold(true);
        item->setFont(font);
        if (loop) {
            item->setText(QString::fromStdString(label.name));
            item->setForeground(loopPolarityColour(loop->polarity));
            item->setToolTip(tr("%1 loop, %n link(s)", nullptr, int(loop->length()))
                                 .arg(loop->polarity == LoopPolarity::Reinforcing ? tr("Reinforcing")
                                      : loop->polarity == LoopPolarity::Balancing ? tr("Balancing")
                                                                                  : tr("Unknown")));
        } else {
            item->setText(QStringLiteral("\u26A0 ") + QString::fromStdString(label.name) + tr(
                              " (broken: an edit removed or rewired one of its links)"));
            item->setForeground(theme::unknownColour());
            item->setToolTip(tr("Undo the edit to restore the loop, or delete this name."));
        }
    }
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
    m_rename->setEnabled(m_list->currentRow() >= 0);
    m_delete->setEnabled(m_list->currentRow() >= 0);
}

void LoopLabelsList::renameCurrent()
{
    const auto index = currentLabel();
    if (!index || *index >= m_document->map().loopLabels().size())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename Loop"), tr("Name:"), QLineEdit::Normal,
        QString::fromStdString(m_document->map().loopLabels()[*index].name), &ok);
    if (ok)
        renameLoopLabel(m_document, *index, name.toStdString());
}

void LoopLabelsList::deleteCurrent()
{
    if (const auto index = currentLabel())
        deleteLoopLabel(m_document, *index);
}

} // namespace causeway
