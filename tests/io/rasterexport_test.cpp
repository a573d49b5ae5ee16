#include "io/fileutil.h"
#include "io/mapexport.h"
#include "io/rasterexport.h"
#include "io/svgexport.h"

#include "iotestutil.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <vector>

using namespace causeway;

namespace {

SystemMap plainMap()
{
    SystemMap m;
    const FactorId a = m.addFactor({.label = "Trust", .position = {0, 0}});
    const FactorId b = m.addFactor({.label = "Uptake of the service", .position = {300, 120}});
    m.addLink({.from = a, .to = b, .polarity = Polarity::Positive, .delay = true});
    m.addLink({.from = b, .to = a, .polarity = Polarity::Negative});
    return m;
}

// Width and height from a PNG's IHDR chunk (big-endian, bytes 16-23).
std::pair<int, int> pngHeaderSize(const std::string& png)
{
    const auto u32 = [&](std::size_t at) {
        return int((unsigned char)png[at] << 24 | (unsigned char)png[at + 1] << 16
                   | (unsigned char)png[at + 2] << 8 | (unsigned char)png[at + 3]);
    };
    return {u32(16), u32(20)};
}

std::pair<int, int> svgSize(const std::string& svg)
{
    const auto px = [&](const std::string& attr) {
        const std::size_t at = svg.find(attr + "=\"") + attr.size() + 2;
        return std::stoi(svg.substr(at));
    };
    return {px("width"), px("height")};
}

} // namespace

TEST(RasterExport, PngHasTheSvgsSizeTimesTheScale)
{
    const std::string svg = exportSvg(plainMap());
    const auto [w, h] = svgSize(svg);
    const std::string png1 = renderPng(svg, 1);
    ASSERT_GT(png1.size(), 8u);
    EXPECT_EQ(png1.substr(1, 3), "PNG");
    EXPECT_EQ(pngHeaderSize(png1), std::make_pair(w, h));
    EXPECT_EQ(pngHeaderSize(renderPng(svg, 2)), std::make_pair(2 * w, 2 * h));
    EXPECT_EQ(pngHeaderSize(renderPng(svg, scaleForDpi(300))),
              std::make_pair(int(std::ceil(w * 300 / 96.0)), int(std::ceil(h * 300 / 96.0))));
    EXPECT_EQ(pngSize(svg, 2).width, 2 * w);
}

TEST(RasterExport, AbsurdScalesAreRefusedBeforeRendering)
{
    const std::string svg = exportSvg(plainMap());
    EXPECT_THROW(renderPng(svg, 1000), IoError);
    EXPECT_THROW(renderPng(svg, 0), IoError);
    EXPECT_THROW(renderPng(svg, -1), IoError);
}

TEST(RasterExport, PdfIsVectorWithTextNotAnImage)
{
    const std::string pdf = renderPdf(exportSvg(plainMap()));
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    EXPECT_EQ(pdf.find("/Image"), std::string::npos); // no raster XObject
    EXPECT_NE(pdf.find("/Font"), std::string::npos);  // the labels stay text
    EXPECT_NE(pdf.find("DejaVuSans"), std::string::npos);
}

TEST(RasterExport, BrokenSvgIsAnIoError)
{
    EXPECT_THROW(renderPng("<svg", 1), IoError);
    EXPECT_THROW(renderPdf("not svg at all"), IoError);
}

TEST(RasterExport, AFailedExportLeavesNoFileAndKeepsTheOldOne)
{
    test::TempDir dir;
    const std::string missingFolder = dir.file("no-such-folder/map.png");
    const std::string png = exportMap(plainMap(), ExportFormat::Png);
    EXPECT_THROW(writeFileAtomically(missingFolder, png), IoError);
    EXPECT_FALSE(std::filesystem::exists(missingFolder));

    const std::string existing = dir.file("map.png");
    test::writeText(existing, "old");
    ExportSettings huge;
    huge.scale = 1000;
    EXPECT_THROW(writeFileAtomically(existing, exportMap(plainMap(), ExportFormat::Png, huge)),
                 IoError);
    EXPECT_EQ(test::readText(existing), "old");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

namespace {

// The numbers of the first page's /MediaBox [x0 y0 x1 y1] (cairo writes it uncompressed).
std::vector<double> mediaBox(const std::string& pdf)
{
    const std::size_t at = pdf.find("/MediaBox");
    if (at == std::string::npos)
        return {};
    std::istringstream in(pdf.substr(pdf.find('[', at) + 1, 80));
    std::vector<double> box(4);
    for (double& v : box)
        in >> v;
    return box;
}

} // namespace

TEST(RasterExport, A4PdfHasTheA4MediaBoxLandscapeForAWideMap)
{
    ExportSettings settings;
    settings.pdf.page = PdfPageSize::A4;
    const std::string pdf = exportMap(plainMap(), ExportFormat::Pdf, settings);
    const std::vector<double> box = mediaBox(pdf);
    ASSERT_EQ(box.size(), 4u);
    EXPECT_NEAR(box[2] - box[0], 841.89, 0.1); // 297 mm across: the map is wider than tall
    EXPECT_NEAR(box[3] - box[1], 595.28, 0.1); // 210 mm
}

TEST(RasterExport, LetterPdfOfATallMapIsPortrait)
{
    SystemMap tall;
    const FactorId a = tall.addFactor({.label = "Top", .position = {0, 0}});
    const FactorId b = tall.addFactor({.label = "Bottom", .position = {0, 900}});
    tall.addLink({.from = a, .to = b, .polarity = Polarity::Positive});
    ExportSettings settings;
    settings.pdf.page = PdfPageSize::Letter;
    const std::vector<double> box = mediaBox(exportMap(tall, ExportFormat::Pdf, settings));
    ASSERT_EQ(box.size(), 4u);
    EXPECT_NEAR(box[2], 612, 0.1);
    EXPECT_NEAR(box[3], 792, 0.1);
}

TEST(RasterExport, FitPdfKeepsTheDrawingsOwnSize)
{
    const std::string svg = exportSvg(plainMap());
    const auto [w, h] = svgSize(svg);
    const std::vector<double> box = mediaBox(renderPdf(svg));
    ASSERT_EQ(box.size(), 4u);
    EXPECT_NEAR(box[2], w * 0.75, 0.5);
    EXPECT_NEAR(box[3], h * 0.75, 0.5);
}

TEST(RasterExport, PdfCarriesTheMapsTitleAndTheAuthor)
{
    SystemMap map = plainMap();
    map.title = "Peer NSP workshop";
    ExportSettings settings;
    settings.pdf.author = "Ana Facilitator";
    const std::string pdf = exportMap(map, ExportFormat::Pdf, settings);
    EXPECT_NE(pdf.find("/Title (Peer NSP workshop)"), std::string::npos);
    EXPECT_NE(pdf.find("/Author (Ana Facilitator)"), std::string::npos);
    EXPECT_EQ(pdfPageSizeNamed("A4"), PdfPageSize::A4);
    EXPECT_EQ(pdfPageSizeNamed("letter"), PdfPageSize::Letter);
    EXPECT_EQ(pdfPageSizeNamed("A5"), std::nullopt);
}
