#pragma once

#include "model/loops.h"

#include <QWidget>

#include <cstddef>
#include <optional>
#include <string>

class QListWidget;
class QPushButton;

namespace causeway {

class Document;

// Loop label edits, each one undo step through Document::updateMapData. False (and nothing
// changed) for an empty name or an index that does not exist.
bool nameLoop(Document* document, const Loop& loop, const std::string& name);
bool renameLoopLabel(Document* document, std::size_t index, const std::string& name);
bool deleteLoopLabel(Document* document, std::size_t index);

// The map's named loops. A label whose loop an edit has broken stays listed, greyed with a
// warning, until the facilitator deletes it (or undoes the edit that broke it).
class LoopLabelsList : public QWidget {
    Q_OBJECT
public:
    explicit LoopLabelsList(Document* document, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    std::optional<std::size_t> currentLabel() const;
    void refresh();
    // Asks for a new name (a dialog) / deletes the current label.
    void renameCurrent();
    void deleteCurrent();

signals:
    // The facilitator picked a label: show its loop (or what is left of it).
    void labelActivated(std::size_t index);

private:
    Document* m_document;
    QListWidget* m_list;
    QPushButton* m_rename;
    QPushButton* m_delete;
};

} // namespace causeway
