// File > Print: the map on paper through QPrinter, drawn from the SVG export.
#include "app/print/printmenu.h"

#include "app/document/document.h"
#include "io/rasterexport.h"
#include "io/svgexport.h"

#include <QAction>
#include <QMenu>
#include <QPageSetupDialog>
#include <QPainter>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QImage>

#include <algorithm>

namespace causeway {

bool printMap(const SystemMap& map, QPrinter* printer, bool legend)
{
    if (map.factorCount() == 0)
        return false;
    SvgOptions options;
    options.legend = legend;
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    QImage picture;
    QSizeF size;
    try {
        // librsvg draws the export as the PDF does; QSvgRenderer (SVG Tiny) would misplace its
        // wrapped labels. At up to 300 dpi on paper, the page's own resolution on screen.
        const std::string svg = exportSvg(map, options);
        const PixelSize natural = pngSize(svg, 1);
        size = QSizeF(natural.width, natural.height).scaled(page.size(), Qt::KeepAspectRatio);
        const double dpi = std::min(300, printer->resolution());
        const double scale = size.width() / printer->resolution() * dpi / natural.width;
        const std::string png = renderPng(svg, scale);
        picture.loadFromData(reinterpret_cast<const uchar*>(png.data()), int(png.size()), "PNG");
    } catch (const IoError&) {
        return false;
    }
    QPainter painter;
    if (picture.isNull() || !painter.begin(printer))
        return false;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF target(QPointF((page.width() - size.width()) / 2, (page.height() - size.height()) / 2),
                        size);
    painter.drawImage(target, picture);
    return painter.end();
}

PrintMenu::PrintMenu(Document* document, QWidget* window)
    : QObject(window), m_document(document), m_window(window),
      m_printer(std::make_unique<QPrinter>(QPrinter::HighResolution))
{
    // Causal maps are mostly wider than tall; page setup changes it.
    m_printer->setPageOrientation(QPageLayout::Landscape);
}

PrintMenu::~PrintMenu() = default;

PrintMenu* PrintMenu::install(QMenu* fileMenu, Document* document, QWidget* window)
{
    auto* self = new PrintMenu(document, window);
    // After Export, before the last group (Close Window, Quit).
    QAction* before = nullptr;
    for (QAction* a : fileMenu->actions())
        if (a->isSeparator())
            before = a;
    auto add = [&](const QString& text, void (PrintMenu::*slot)()) {
        auto* action = new QAction(text, fileMenu);
        connect(action, &QAction::triggered, self, slot);
        fileMenu->insertAction(before, action);
        return action;
    };
    add(tr("Page Set&up..."), &PrintMenu::pageSetup);
    add(tr("Print Pre&view..."), &PrintMenu::preview);
    add(tr("&Print..."), &PrintMenu::print)->setShortcut(QKeySequence::Print);
    return self;
}

void PrintMenu::pageSetup()
{
    QPageSetupDialog dialog(m_printer.get(), m_window);
    dialog.exec();
}

QWidget* PrintMenu::makePreview()
{
    auto* dialog = new QPrintPreviewDialog(m_printer.get(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter* printer) { printMap(m_document->map(), printer); });
    return dialog;
}

void PrintMenu::preview()
{
    makePreview()->show();
}

void PrintMenu::print()
{
    QPrintDialog dialog(m_printer.get(), m_window);
    if (dialog.exec() == QDialog::Accepted)
        printMap(m_document->map(), m_printer.get());
}

} // namespace causeway
