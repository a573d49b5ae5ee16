#include "layout/loopmarker.h"

#include <cmath>

namespace causeway::layout {

double signedArea2(const std::vector<Point>& polygon)
{
    double sum = 0;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Point& a = polygon[i];
        const Point& b = polygon[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    return sum;
}

LoopMarker loopMarker(const std::vector<Point>& outline)
{
    LoopMarker marker;
    if (outline.empty()) {
        marker.degenerate = true;
        return marker;
    }
    double minX = outline.front().x, maxX = minX, minY = outline.front().y, maxY = minY;
    for (const Point& p : outline) {
        marker.centre.x += p.x;
        marker.centre.y += p.y;
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    marker.centre.x /= double(outline.size());
    marker.centre.y /= double(outline.size());
    const double area2 = signedArea2(outline);
    // "No area" relative to the outline's extent, so the test does not depend on map units.
    const double extent = std::max(maxX - minX, maxY - minY);
    marker.degenerate = outline.size() < 3 || std::abs(area2) <= 1e-9 * extent * extent;
    // With y pointing down, the shoelace sum is positive for a clockwise turn on screen.
    marker.clockwise = marker.degenerate || area2 > 0;
    return marker;
}

} // namespace causeway::layout
