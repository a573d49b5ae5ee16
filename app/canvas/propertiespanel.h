#pragma once

#include "model/systemmap.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QButtonGroup;

namespace causeway {

class CanvasScene;
class Document;

// Shows and edits the selected factor or link. Each committed edit (Enter or leaving a field,
// a click on a check box or polarity button) is one Document intent, so one undo step.
class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    PropertiesPanel(CanvasScene* scene, QWidget* parent = nullptr);
    // Another panel's read-only section (e.g. loop figures), below the fields.
    void addSection(QWidget* section);

private:
    QWidget* buildFactorPage();
    QWidget* buildLinkPage();
    void showSelection();
    void refresh();
    void commitFactor();
    void commitLink();
    bool eventFilter(QObject* watched, QEvent* event) override;

    CanvasScene* m_scene;
    Document* m_document;
    QStackedWidget* m_stack;
    QLabel* m_summary;
    FactorId m_factor;
    LinkId m_link;
    bool m_loading = false;

    QLineEdit* m_factorLabel;
    QPlainTextEdit* m_factorDescription;
    QComboBox* m_factorGroup;
    QCheckBox* m_factorPinned;

    QLabel* m_linkEnds;
    QButtonGroup* m_polarity;
    QCheckBox* m_linkDelay;
    QLineEdit* m_linkLabel;
    QPlainTextEdit* m_linkNote;
};

} // namespace causeway
