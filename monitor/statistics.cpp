// The two tests behind the check: the exact sign test (Boost.Math's binomial distribution) and
// Mann-Kendall's trend test with Sen's slope.
#include "monitor/monitorcheck.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace causeway {

double signTestP(int agree, int n)
{
    if (n <= 0)
        return 1;
    const boost::math::binomial_distribution<double> chance(n, 0.5);
    const double lower = boost::math::cdf(chance, agree);                 // P(X <= agree)
    const double upper = agree == 0 ? 1 : boost::math::cdf(boost::math::complement(chance, agree - 1)); // P(X >= agree)
    return std::min(1.0, 2 * std::min(lower, upper));
}

Trend mannKendall(const Series& series, std::size_t maxPoints)
{
    Trend trend;
    const std::size_t first = series.points.size() > maxPoints ? series.points.size() - maxPoints : 0;
    const std::vector<Observation> x(series.points.begin() + static_cast<std::ptrdiff_t>(first), series.points.end());
    trend.n = static_cast<int>(x.size());
    if (x.size() < 4)
        return trend; // too short to speak of a trend
    const double step = static_cast<double>(series.step());
    std::vector<double> slopes;
    slopes.reserve(x.size() * (x.size() - 1) / 2);
    double s = 0;
    for (std::size_t i = 0; i + 1 < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j) {
            const double d = x[j].value - x[i].value;
            s += (d > 0) - (d < 0);
            const double periods = static_cast<double>(x[j].period.index - x[i].period.index) / step;
            slopes.push_back(d / periods);
        }
    // Variance under no trend, less the ties' share (Kendall 1975).
    std::map<double, int> groups;
    for (const Observation& o : x)
        ++groups[o.value];
    const double n = static_cast<double>(x.size());
    double variance = n * (n - 1) * (2 * n + 5);
    for (const auto& [value, t] : groups)
        variance -= static_cast<double>(t) * (t - 1) * (2 * t + 5);
    variance /= 18;
    trend.s = s;
    if (variance > 0)
        trend.z = s > 0 ? (s - 1) / std::sqrt(variance) : s < 0 ? (s + 1) / std::sqrt(variance) : 0;
    const boost::math::normal_distribution<double> normal;
    trend.p = std::min(1.0, 2 * boost::math::cdf(boost::math::complement(normal, std::abs(trend.z))));
    trend.direction = trend.p < 0.05 ? (s > 0 ? 1 : -1) : 0;
    const auto middle = slopes.begin() + static_cast<std::ptrdiff_t>(slopes.size() / 2);
    std::nth_element(slopes.begin(), middle, slopes.end());
    trend.senSlope = *middle;
    if (slopes.size() % 2 == 0)
        trend.senSlope = (trend.senSlope + *std::max_element(slopes.begin(), middle)) / 2;
    return trend;
}

} // namespace causeway
