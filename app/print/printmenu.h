#pragma once

#include <QObject>

#include <memory>

class QMenu;
class QPrinter;
class QWidget;

namespace causeway {

class Document;
class SystemMap;

// Draws the map on one page of `printer`, as the SVG and PDF exports draw it (rendered by
// librsvg, so paper and PDF agree), scaled to the printable area and centred. `legend`: a legend beside the map.
// Returns false when there is nothing to draw or the printer cannot be painted on.
bool printMap(const SystemMap& map, QPrinter* printer, bool legend = false);

// File > Page Setup..., Print Preview... and Print... (Ctrl+P). The page set up is kept for the
// window's later prints.
class PrintMenu : public QObject {
    Q_OBJECT
public:
    static PrintMenu* install(QMenu* fileMenu, Document* document, QWidget* window);
    ~PrintMenu() override;

    QPrinter* printer() const { return m_printer.get(); }
    // The preview dialog, not yet shown (tests grab it).
    QWidget* makePreview();

private:
    PrintMenu(Document* document, QWidget* window);
    void pageSetup();
    void preview();
    void print();

    Document* m_document;
    QWidget* m_window;
    std::unique_ptr<QPrinter> m_printer;
};

} // namespace causeway
