#pragma once

#include "io/mapexport.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace causeway {

class Document;

// Something a feature adds to File > Export's pictures (SVG, PNG, PDF): a child of the main
// window that ExportMenu finds when it exports, so the feature needs no wiring in MainWindow
// (app/monitor/ adds its verdict marks this way).
class ExportDecoration : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void decorate(SvgOptions& options) const = 0;
};

// File > Export: SVG, PNG (at a chosen scale or DPI), PDF (each with a legend when "Include
// legend" is checked), DOT, GraphML and the CSV tables,
// written by io/'s exportMap, so the pictures are the ones `causeway-cli export` makes.
// Exports read the map and never change it; a failed export leaves no file behind.
class ExportMenu : public QObject {
    Q_OBJECT
public:
    // Adds the Export submenu to `fileMenu`, before its last group (Close, Quit).
    static ExportMenu* install(QMenu* fileMenu, Document* document, QWidget* window);

    // Writes the map to `path` without asking anything. False with errorString() on failure.
    bool exportTo(ExportFormat format, const QString& path, const ExportSettings& settings = {});
    QString errorString() const { return m_error; }
    // What File > Export writes with: the "Include legend" choice of the menu (SVG, PNG, PDF).
    ExportSettings settings() const;
    QAction* legendAction() const { return m_legend; }

signals:
    void statusMessage(const QString& message);

private:
    ExportMenu(Document* document, QWidget* window);
    void exportDialog(ExportFormat format);
    bool askPngScale(ExportSettings& settings);
    bool askPdfPage(ExportSettings& settings);
    ExportSettings pdfSettings() const;
    QString suggestedPath(ExportFormat format) const;

    Document* m_document;
    QWidget* m_window;
    QString m_error;
    QString m_lastFolder;
    QAction* m_legend = nullptr;
    PdfPageSize m_pdfPage = PdfPageSize::Fit; // the last page chosen, offered first next time
};

} // namespace causeway
