#include "app/document/exportmenu.h"

#include "app/document/document.h"
#include "io/fileutil.h"
#include "io/rasterexport.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>

#include <exception>

namespace causeway {

namespace {

struct Entry {
    ExportFormat format;
    const char* text;
    const char* filter;
};

const Entry kEntries[] = {
    {ExportFormat::Svg, QT_TRANSLATE_NOOP("ExportMenu", "&SVG (for papers, restylable)..."),
     QT_TRANSLATE_NOOP("ExportMenu", "SVG images (*.svg)")},
    {ExportFormat::Png, QT_TRANSLATE_NOOP("ExportMenu", "P&NG Image..."),
     QT_TRANSLATE_NOOP("ExportMenu", "PNG images (*.png)")},
    {ExportFormat::Pdf, QT_TRANSLATE_NOOP("ExportMenu", "&PDF (vector)..."),
     QT_TRANSLATE_NOOP("ExportMenu", "PDF documents (*.pdf)")},
    {ExportFormat::Dot, QT_TRANSLATE_NOOP("ExportMenu", "Graphviz D&OT..."),
     QT_TRANSLATE_NOOP("ExportMenu", "Graphviz files (*.dot *.gv)")},
    {ExportFormat::Graphml, QT_TRANSLATE_NOOP("ExportMenu", "&GraphML..."),
     QT_TRANSLATE_NOOP("ExportMenu", "GraphML files (*.graphml)")},
    {ExportFormat::LinksCsv, QT_TRANSLATE_NOOP("ExportMenu", "CSV &Links Table..."),
     QT_TRANSLATE_NOOP("ExportMenu", "CSV tables (*.csv)")},
    {ExportFormat::FactorsCsv, QT_TRANSLATE_NOOP("ExportMenu", "CSV &Factors Table..."),
     QT_TRANSLATE_NOOP("ExportMenu", "CSV tables (*.csv)")},
};

const Entry& entryFor(ExportFormat format)
{
    for (const Entry& e : kEntries)
        if (e.format == format)
            return e;
    return kEntries[0];
}

} // namespace

ExportMenu::ExportMenu(Document* document, QWidget* window)
    : QObject(window), m_document(document), m_window(window)
{
}

ExportMenu* ExportMenu::install(QMenu* fileMenu, Document* document, QWidget* window)
{
    auto* self = new ExportMenu(document, window);
    auto* menu = new QMenu(tr("&Export"), fileMenu);
    for (const Entry& e : kEntries) {
        if (e.format == ExportFormat::Dot)
            menu->addSeparator(); // pictures above, data for other tools below
        const ExportFormat format = e.format;
        connect(menu->addAction(tr(e.text)), &QAction::triggered, self,
                [self, format] { self->exportDialog(format); });
    }
    menu->addSeparator();
    self->m_legend = menu->addAction(tr("Include &legend in pictures"));
    self->m_legend->setCheckable(true);
    self->m_legend->setToolTip(tr("SVG, PNG and PDF: a legend beside the map (+ - ?, delay, "
                                  "groups, vote badges, verdict marks)"));
    // Before the last group (Close Window, Quit), after Import.
    QAction* before = nullptr;
    for (QAction* a : fileMenu->actions())
        if (a->isSeparator())
            before = a;
    fileMenu->insertMenu(before, menu);
    return self;
}

bool ExportMenu::exportTo(ExportFormat format, const QString& path, const ExportSettings& settings)
{
    try {
        // Built whole in memory, then written atomically: no partial file on any error.
        const std::string bytes = exportMap(m_document->map(), format, settings);
        writeFileAtomically(path.toStdString(), bytes);
    } catch (const std::exception& e) {
        m_error = QString::fromStdString(e.what());
        return false;
    }
    m_error.clear();
    return true;
}

QString ExportMenu::suggestedPath(ExportFormat format) const
{
    const QFileInfo file(m_document->filePath());
    QString folder = !m_lastFolder.isEmpty() ? m_lastFolder
                     : file.exists()         ? file.absolutePath()
                                             : QDir::homePath();
    QString base = file.exists() ? file.completeBaseName() : tr("map");
    if (format == ExportFormat::LinksCsv)
        base += QStringLiteral("-links");
    else if (format == ExportFormat::FactorsCsv)
        base += QStringLiteral("-factors");
    return QDir(folder).filePath(base + QLatin1Char('.')
                                 + QString::fromLatin1(exportFormatExtension(format)));
}

bool ExportMenu::askPngScale(ExportSettings& settings)
{
    struct Choice {
        QString text;
        double scale;
    };
    const QList<Choice> choices{
        {tr("Screen, 1x (96 dpi)"), 1.0},
        {tr("Slides, 2x (192 dpi)"), 2.0},
        {tr("Print, 300 dpi"), scaleForDpi(300)},
        {tr("Poster, 600 dpi"), scaleForDpi(600)},
    };
    QStringList items;
    for (const Choice& c : choices) {
        const PixelSize size = [&] {
            try {
                return pngSize(exportSvg(m_document->map(), settings.svg), c.scale);
            } catch (const std::exception&) {
                return PixelSize{};
            }
        }();
        items << (size.width > 0 ? tr("%1 - %2 x %3 pixels").arg(c.text).arg(size.width).arg(size.height)
                                 : tr("%1 - too large").arg(c.text));
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(m_window, tr("Export PNG"), tr("Resolution:"),
                                                 items, 1, false, &ok);
    if (!ok)
        return false;
    settings.scale = choices[int(items.indexOf(picked))].scale;
    return true;
}

bool ExportMenu::askPdfPage(ExportSettings& settings)
{
    const QList<QPair<QString, PdfPageSize>> choices{
        {tr("The drawing's own size"), PdfPageSize::Fit},
        {tr("A4 (scaled to fit, landscape when the map is wide)"), PdfPageSize::A4},
        {tr("US Letter (scaled to fit, landscape when the map is wide)"), PdfPageSize::Letter},
    };
    QStringList items;
    for (const auto& c : choices)
        items << c.first;
    bool ok = false;
    const QString picked = QInputDialog::getItem(m_window, tr("Export PDF"), tr("Page:"), items,
                                                 int(m_pdfPage), false, &ok);
    if (!ok)
        return false;
    m_pdfPage = choices[int(items.indexOf(picked))].second;
    settings.pdf.page = m_pdfPage;
    return true;
}

ExportSettings ExportMenu::settings() const
{
    ExportSettings settings = pdfSettings();
    settings.svg.legend = m_legend && m_legend->isChecked();
    for (const ExportDecoration* decoration : m_window->findChildren<ExportDecoration*>())
        decoration->decorate(settings.svg);
    return settings;
}

// The PDF's metadata: the map's title (else its file name) and whoever is logged in.
ExportSettings ExportMenu::pdfSettings() const
{
    ExportSettings settings;
    settings.pdf.page = m_pdfPage;
    settings.pdf.title = m_document->map().title;
    if (settings.pdf.title.empty())
        settings.pdf.title = m_document->displayName().toStdString();
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    settings.pdf.author = user.toStdString();
    return settings;
}

void ExportMenu::exportDialog(ExportFormat format)
{
    ExportSettings settings = this->settings();
    if (format == ExportFormat::Png && !askPngScale(settings))
        return;
    if (format == ExportFormat::Pdf && !askPdfPage(settings))
        return;
    const Entry& entry = entryFor(format);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), suggestedPath(format),
                                                      tr(entry.filter));
    if (path.isEmpty())
        return;
    m_lastFolder = QFileInfo(path).absolutePath();
    if (!exportTo(format, path, settings)) {
        QMessageBox::warning(m_window, tr("Export"),
                             tr("Could not export to %1:\n%2").arg(path, m_error));
        return;
    }
    emit statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace causeway
