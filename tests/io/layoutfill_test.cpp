// The default layout fills the screen it is shown on: label size when the drawing (as the canvas
// and the SVG export draw it) is fitted to a full 1024x768 screen as the editor's Fit does.
#include "io/mapfile.h"
#include "io/svgdrawing.h"
#include "layout/layout.h"
#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <vector>
#include <string>

using namespace causeway;

namespace {

constexpr double kFitMargin = 30; // CanvasView::zoomToFit's margin around the drawing
constexpr double kMaxFitZoom = 1.5;

struct Fitted {
    double width = 0, height = 0; // the drawing, map units
    double labelPx = 0;
};

struct Extent {
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    void add(Point p, double grow)
    {
        minX = std::min(minX, p.x - grow), maxX = std::max(maxX, p.x + grow);
        minY = std::min(minY, p.y - grow), maxY = std::max(maxY, p.y + grow);
    }
};

// The points where a cubic Bezier turns in x or y, and its ends: its tight bounds (as Qt's
// QPainterPath::boundingRect, which the canvas fits, computes them).
void addCubic(Extent& e, Point p0, Point p1, Point p2, Point p3, double grow)
{
    e.add(p0, grow);
    e.add(p3, grow);
    auto coordinate = [](double a, double b, double c, double d, double t) {
        const double u = 1 - t;
        return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
    };
    for (const bool alongX : {true, false}) {
        const double a = alongX ? p0.x : p0.y, b = alongX ? p1.x : p1.y;
        const double c = alongX ? p2.x : p2.y, d = alongX ? p3.x : p3.y;
        // The derivative's roots: qa t^2 + qb t + qc = 0.
        const double qa = -a + 3 * b - 3 * c + d, qb = 2 * (a - 2 * b + c), qc = b - a;
        std::vector<double> roots;
        if (std::abs(qa) < 1e-12) {
            if (std::abs(qb) > 1e-12)
                roots.push_back(-qc / qb);
        } else if (const double disc = qb * qb - 4 * qa * qc; disc >= 0) {
            roots.push_back((-qb + std::sqrt(disc)) / (2 * qa));
            roots.push_back((-qb - std::sqrt(disc)) / (2 * qa));
        }
        for (const double t : roots)
            if (t > 0 && t < 1)
                e.add({coordinate(p0.x, p1.x, p2.x, p3.x, t), coordinate(p0.y, p1.y, p2.y, p3.y, t)}, grow);
    }
}

// Fits the drawing (boxes with their edges, link curves, arrow heads and polarity signs, from
// the geometry the canvas and the SVG export share) into a screen with the editor's Fit margin,
// and scales the label font.
Fitted fitToScreen(const SystemMap& map, double screenW, double screenH)
{
    const svg::MapDrawing drawing = svg::drawingOf(map);
    const LinkStyle link;
    const FactorBoxStyle box;
    Extent e;
    for (const auto& [id, b] : drawing.boxes) {
        e.add({b.centre.x - b.width / 2, b.centre.y - b.height / 2}, box.edgeWidth / 2);
        e.add({b.centre.x + b.width / 2, b.centre.y + b.height / 2}, box.edgeWidth / 2);
    }
    for (const auto& [id, s] : drawing.links) {
        for (std::size_t i = 0; i + 3 < s.line.size(); i += 3) // the routed line's cubic pieces
            addCubic(e, s.line[i], s.line[i + 1], s.line[i + 2], s.line[i + 3], link.lineWidth / 2);
        for (const Point p : {s.tip, s.baseLeft, s.baseRight})
            e.add(p, 1);
        e.add(s.sign, link.signRadius + link.signEdgeWidth / 2);
    }
    Fitted f;
    f.width = e.maxX - e.minX;
    f.height = e.maxY - e.minY;
    const double scale = std::min({screenW / (f.width + 2 * kFitMargin),
                                   screenH / (f.height + 2 * kFitMargin), kMaxFitZoom});
    f.labelPx = box.font.pixelSize * scale;
    return f;
}

SystemMap laidOut(SystemMap map, const layout::LayoutOptions& options)
{
    const layout::LayoutResult r = layout::computeLayout(map, options);
    for (const auto& [id, p] : r.positions)
        map.moveFactor(id, p);
    return map;
}

SystemMap workshopMap()
{
    return loadMapFile(std::string(CAUSEWAY_SAMPLES_DIR) + "/peer-nsp.causeway");
}

} // namespace

TEST(LayoutFill, SampleMapLabelsAreAtLeast18PxOnA1024x768Screen)
{
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 1024.0 / 768.0;
    const SystemMap map = workshopMap();
    const Fitted before = fitToScreen(map, 1024, 768);
    const Fitted after = fitToScreen(laidOut(map, options), 1024, 768);
    std::printf("sample map fitted to 1024x768: labels %.1f px (drawing %.0f x %.0f) as shipped, "
                "%.1f px (drawing %.0f x %.0f) after the default layout for 4:3\n",
                before.labelPx, before.width, before.height, after.labelPx, after.width, after.height);
    EXPECT_GE(after.labelPx, 18.0);
}

TEST(LayoutFill, DrawingTakesTheTargetAspect)
{
    const SystemMap map = workshopMap();
    for (const double aspect : {16.0 / 9.0, 4.0 / 3.0, 297.0 / 210.0, 3.0 / 4.0}) {
        layout::LayoutOptions options;
        options.compact = true;
        options.aspect = aspect;
        const Fitted f = fitToScreen(laidOut(map, options), 1000 * aspect, 1000);
        const double ratio = (f.width + 2 * kFitMargin) / (f.height + 2 * kFitMargin);
        EXPECT_NEAR(ratio / aspect, 1.0, 0.2) << "target aspect " << aspect;
    }
}

TEST(LayoutFill, FittingToTheScreenAspectBeatsTheLandscapeCompaction)
{
    const SystemMap map = workshopMap();
    layout::LayoutOptions landscape;
    landscape.compact = true;
    layout::LayoutOptions wide = landscape;
    wide.aspect = 16.0 / 9.0;
    EXPECT_GT(fitToScreen(laidOut(map, wide), 1600, 900).labelPx,
              fitToScreen(laidOut(map, landscape), 1600, 900).labelPx);
}
