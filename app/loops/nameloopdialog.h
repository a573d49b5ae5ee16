#pragma once

#include <QDialog>

#include <optional>

class QLineEdit;

namespace causeway {

// Asks for a loop's name, showing the loop it names. The loop's text wraps, so the dialog (and
// its OK and Cancel) fits the screen however long the loop is: a 1024x768 projector included.
class NameLoopDialog : public QDialog {
    Q_OBJECT
public:
    NameLoopDialog(const QString& loopText, const QString& suggestion, QWidget* parent = nullptr);

    QString name() const;
    QLineEdit* nameEdit() const { return m_name; }

    // The name typed, or nothing when cancelled.
    static std::optional<QString> ask(QWidget* parent, const QString& loopText,
                                      const QString& suggestion);

private:
    QLineEdit* m_name;
};

} // namespace causeway
