// File > Print: the map on an A4 page through QPrinter, and the preview dialog.
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/print/printmenu.h"
#include "testwindow.h"

#include <QFile>
#include <QPixmap>
#include <QPrinter>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

// Where a test may leave its pictures for a person to look at (CAUSEWAY_SHOT_DIR), else a
// temporary folder.
QString shotPath(const QTemporaryDir& tmp, const QString& name)
{
    const QString dir = qEnvironmentVariable("CAUSEWAY_SHOT_DIR");
    return (dir.isEmpty() ? tmp.path() : dir) + QLatin1Char('/') + name;
}

} // namespace

TEST(Print, TheMapPrintsOnAnA4PageWithDrawing)
{
    MainWindow* window = nullptr;
    ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 720}));
    ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
    QTemporaryDir tmp;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    const QString pdf = shotPath(tmp, QStringLiteral("print-a4.pdf"));
    printer.setOutputFileName(pdf);
    ASSERT_TRUE(printMap(window->document()->map(), &printer));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString bytes = QString::fromLatin1(file.readAll());
    const QRegularExpressionMatch box =
        QRegularExpression(QStringLiteral("/MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)")).match(bytes);
    ASSERT_TRUE(box.hasMatch());
    EXPECT_NEAR(box.captured(1).toDouble(), 841.9, 1); // landscape A4
    EXPECT_NEAR(box.captured(2).toDouble(), 595.3, 1);
    EXPECT_GT(file.size(), 20000); // the drawing, not an empty page
    delete window;
}

TEST(Print, AnEmptyMapPrintsNothing)
{
    QPrinter printer;
    printer.setOutputFormat(QPrinter::PdfFormat);
    QTemporaryDir tmp;
    printer.setOutputFileName(tmp.filePath(QStringLiteral("empty.pdf")));
    EXPECT_FALSE(printMap(SystemMap{}, &printer));
}

TEST(Print, ThePreviewShowsTheMap)
{
    MainWindow* window = nullptr;
    ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 720}));
    ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
    auto* menu = window->findChild<PrintMenu*>();
    ASSERT_NE(menu, nullptr);
    QWidget* preview = menu->makePreview();
    preview->resize(900, 700);
    preview->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(preview));
    QApplication::processEvents(); // the preview lays out and paints its pages once shown
    const QImage picture = preview->grab().toImage();
    QTemporaryDir tmp;
    picture.save(shotPath(tmp, QStringLiteral("print-preview.png")));
    // The page shows the map's colours (Okabe-Ito blue links), not only white paper and grey.
    int blue = 0;
    for (int y = 0; y < picture.height(); y += 2)
        for (int x = 0; x < picture.width(); x += 2) {
            const QColor c = picture.pixelColor(x, y);
            blue += c.blue() > 150 && c.red() < 80 && c.green() > 80 && c.green() < 160;
        }
    EXPECT_GT(blue, 20);
    preview->close();
    delete window;
}
