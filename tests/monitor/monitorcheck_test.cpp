// The check on series built so the answer is known: agreeing, contradicting, lagged, too short,
// with gaps; p-values against a hand computation.
#include "io/svgexport.h"
#include "monitor/monitorcheck.h"
#include "monitor/monitorreport.h"
#include "tests/mapvalues.h"

#include <gtest/gtest.h>

#include <cmath>

namespace causeway {
namespace {

// Months from 2024-01; every change non-zero, rises and falls mixed: 10 + (7t mod 5).
Series wiggle(const std::string& name, int months, double scale = 1, double offset = 0, int shift = 0)
{
    Series s{name, {}};
    for (int t = 0; t < months; ++t) {
        const int u = t - shift;
        const double base = 10 + ((7 * (u + 100)) % 5);
        s.points.push_back({Period{Granularity::Month, 2024 * 12 + t}, offset + scale * base});
    }
    return s;
}

Link link(Polarity polarity = Polarity::Positive, bool delay = false)
{
    Link l = test::makeLink(FactorId(1), FactorId(2), polarity);
    l.id = LinkId(1);
    l.delay = delay;
    return l;
}

TEST(SignTest, PValuesMatchTheBinomialByHand)
{
    EXPECT_DOUBLE_EQ(signTestP(10, 10), 2.0 / 1024);          // 2 * 0.5^10
    EXPECT_DOUBLE_EQ(signTestP(9, 12), 2.0 * 299 / 4096);    // C(12,9..12) = 220+66+12+1
    EXPECT_DOUBLE_EQ(signTestP(1, 8), 2.0 * 9 / 256);        // C(8,0..1) = 1+8
    EXPECT_DOUBLE_EQ(signTestP(0, 6), 2.0 / 64);
    EXPECT_DOUBLE_EQ(signTestP(3, 6), 1.0);
    EXPECT_DOUBLE_EQ(signTestP(0, 0), 1.0);
}

TEST(LinkCheck, ChangesThatAgreeWithAPositiveLinkAreConsistent)
{
    const LinkCheck c = checkLink(link(), wiggle("A", 24), wiggle("B", 24, 2, 5));
    EXPECT_EQ(c.verdict, Verdict::Consistent);
    EXPECT_TRUE(c.supported);
    EXPECT_EQ(c.pairs, 23);
    EXPECT_EQ(c.agree, 23);
    EXPECT_DOUBLE_EQ(c.p, 2 * std::pow(0.5, 23));
    EXPECT_EQ(c.lag, 0);
}

TEST(LinkCheck, ChangesAgainstTheLinkAreContradicted)
{
    const LinkCheck c = checkLink(link(), wiggle("A", 24), wiggle("B", 24, -1, 40));
    EXPECT_EQ(c.verdict, Verdict::Contradicted);
    EXPECT_EQ(c.agree, 0);
    EXPECT_DOUBLE_EQ(c.agreement, 0);
}

TEST(LinkCheck, OppositeChangesAgreeWithANegativeLink)
{
    const LinkCheck c = checkLink(link(Polarity::Negative), wiggle("A", 24), wiggle("B", 24, -1, 40));
    EXPECT_EQ(c.verdict, Verdict::Consistent);
    EXPECT_EQ(c.agree, 23);
}

TEST(LinkCheck, ADelayedLinkFindsALagOfTwoPeriods)
{
    const Series cause = wiggle("A", 24);
    const Series effect = wiggle("B", 24, 1, 0, 2); // B follows A two months later
    const LinkCheck delayed = checkLink(link(Polarity::Positive, true), cause, effect);
    EXPECT_EQ(delayed.lag, 2);
    EXPECT_EQ(delayed.lagsTried, 4);
    EXPECT_EQ(delayed.pairs, 21);
    EXPECT_EQ(delayed.agree, 21);
    EXPECT_DOUBLE_EQ(delayed.p, 4 * 2 * std::pow(0.5, 21)); // Bonferroni over lags 0..3
    EXPECT_EQ(delayed.verdict, Verdict::Consistent);
    const LinkCheck immediate = checkLink(link(Polarity::Positive, false), cause, effect);
    EXPECT_EQ(immediate.lag, 0);
    EXPECT_FALSE(immediate.supported);
}

TEST(LinkCheck, FewerThanSixPairedChangesAreInsufficient)
{
    const LinkCheck c = checkLink(link(), wiggle("A", 6), wiggle("B", 6, -1, 40));
    EXPECT_EQ(c.pairs, 5);
    EXPECT_EQ(c.verdict, Verdict::Insufficient);
}

TEST(LinkCheck, ChangesAcrossAMissingMonthAreLeftOutNotInterpolated)
{
    Series cause = wiggle("A", 24);
    cause.points.erase(cause.points.begin() + 10);
    const LinkCheck c = checkLink(link(), cause, wiggle("B", 24, 2));
    EXPECT_EQ(c.gaps, 1);
    EXPECT_EQ(c.pairs, 21); // 23 changes less the two that would need month 10
    EXPECT_EQ(c.agree, 21);
}

TEST(LinkCheck, WeeklyDatesWithAnIrregularOneSkipTheChangesAroundIt)
{
    // Weekly figures as dates; one report came two days late (9 days after the one before).
    Series cause{"A", {}};
    Series effect{"B", {}};
    for (int w = 0; w < 12; ++w) {
        const std::int64_t day = 20000 + 7 * w + (w >= 6 ? 2 : 0);
        const double value = 10 + ((7 * w) % 5);
        cause.points.push_back({Period{Granularity::Day, day}, value});
        effect.points.push_back({Period{Granularity::Day, day}, value * 3});
    }
    EXPECT_EQ(cause.step(), 7);
    const LinkCheck c = checkLink(link(), cause, effect);
    EXPECT_EQ(c.gaps, 2);   // the late week in each series
    EXPECT_EQ(c.pairs, 10); // 11 changes less the irregular one
    EXPECT_EQ(c.agree, 10);
}

TEST(LinkCheck, SeriesOfDifferentFrequenciesAreNotPaired)
{
    Series quarterly{"B", {}};
    for (int q = 0; q < 12; ++q)
        quarterly.points.push_back({Period{Granularity::Quarter, 2020 * 4 + q}, double(q % 3)});
    const LinkCheck c = checkLink(link(), wiggle("A", 24), quarterly);
    EXPECT_EQ(c.pairs, 0);
    EXPECT_EQ(c.verdict, Verdict::Insufficient);
    EXPECT_TRUE(c.differentFrequencies);
}

TEST(Trend, MannKendallAndSensSlopeMatchAHandComputation)
{
    Series s{"A", {}};
    for (int t = 0; t < 5; ++t)
        s.points.push_back({Period{Granularity::Month, 24000 + t}, 2.0 * t});
    const Trend trend = mannKendall(s);
    EXPECT_EQ(trend.s, 10);
    const double z = 9 / std::sqrt(5.0 * 4 * 15 / 18); // (S - 1) / sqrt(n(n-1)(2n+5)/18)
    EXPECT_NEAR(trend.z, z, 1e-12);
    EXPECT_NEAR(trend.p, std::erfc(z / std::sqrt(2.0)), 1e-12);
    EXPECT_DOUBLE_EQ(trend.senSlope, 2);
    EXPECT_EQ(trend.direction, 1);
}

TEST(Trend, AMissingMonthCountsInSensSlopeAsTimeNotAsOneStep)
{
    Series s{"A", {}};
    for (int t : {0, 1, 2, 4, 5, 6}) // March and the gap: values follow the calendar, 3 a month
        s.points.push_back({Period{Granularity::Month, 24000 + t}, 3.0 * t});
    EXPECT_DOUBLE_EQ(mannKendall(s).senSlope, 3);
    Series shortSeries{"B", {s.points.begin(), s.points.begin() + 3}};
    EXPECT_EQ(mannKendall(shortSeries).direction, 0);
}

TEST(MapCheck, DataNamedByLabelOrFromToAttachAndLoopsAreReported)
{
    SystemMap map;
    const FactorId a = map.addFactor(test::makeFactor("Trust"));
    const FactorId b = map.addFactor(test::makeFactor("Visits"));
    const FactorId c = map.addFactor(test::makeFactor("Skill"));
    map.addLink(test::makeLink(a, b));
    const LinkId ba = map.addLink(test::makeLink(b, a));
    map.addLink(test::makeLink(c, b, Polarity::Negative));
    Indicator skill;
    skill.name = "Training hours";
    Factor withIndicator = map.factor(c);
    withIndicator.indicator = skill;
    map.updateFactor(withIndicator);

    SeriesSet data;
    // Both rise over time with the same wiggle, so both links of the loop agree.
    Series trust = wiggle("Trust", 24);
    Series visits = wiggle("Visits", 24, 2);
    Series hours = wiggle("Training hours", 24);
    for (Series* s : {&trust, &visits, &hours})
        for (std::size_t i = 0; i < s->points.size(); ++i)
            s->points[i].value += 10.0 * i;
    data["Trust"] = trust;
    data["Visits"] = visits;
    data["Training hours"] = hours;
    data["Skill"] = wiggle("Skill", 24); // the factor has an indicator, so its label does not attach
    data["Visits -> Trust"] = wiggle("Visits -> Trust", 24);

    const MonitorReport report = checkMap(map, data);
    EXPECT_EQ(report.unmatched, std::vector<std::string>{"Skill"});
    ASSERT_EQ(report.links.size(), 3u);
    EXPECT_EQ(report.links[0].verdict, Verdict::Consistent);
    EXPECT_EQ(report.links[1].verdict, Verdict::Consistent);
    EXPECT_EQ(report.links[2].verdict, Verdict::Contradicted); // Skill -| Visits, but both rise
    EXPECT_NE(report.links[2].text.find("The data contradict 'Skill' -> 'Visits'"), std::string::npos)
        << report.links[2].text;
    EXPECT_EQ(attachSeries(map, data).count(ItemRef::of(ba)), 1u);
    ASSERT_EQ(report.factors.size(), 3u);
    EXPECT_EQ(report.factors[1].trend.direction, 1);
    EXPECT_EQ(report.factors[1].upstreamAgree, 1);    // Trust rises, predicting a rise
    EXPECT_EQ(report.factors[1].upstreamDisagree, 1); // Skill rises, predicting a fall
    ASSERT_EQ(report.loops.size(), 1u);
    EXPECT_EQ(report.loops[0].consistent, 2);
    EXPECT_EQ(report.loops[0].growTogether, true);
    EXPECT_NE(report.caution.find("not proof"), std::string::npos);
}

TEST(MapCheck, ALoopWithOneCheckedLinkSaysSoInTheSingular)
{
    SystemMap map;
    const FactorId a = map.addFactor(test::makeFactor("Trust", {}, {}, {0, 0}));
    const FactorId b = map.addFactor(test::makeFactor("Visits", {}, {}, {300, 0}));
    const FactorId c = map.addFactor(test::makeFactor("Referrals", {}, {}, {150, 200}));
    map.addLink(test::makeLink(a, b));
    map.addLink(test::makeLink(b, c));
    map.addLink(test::makeLink(c, a));
    SeriesSet data; // Referrals has no figures: only Trust -> Visits is checked
    data["Trust"] = wiggle("Trust", 24);
    data["Visits"] = wiggle("Visits", 24, 2);
    const MonitorReport report = checkMap(map, data);
    ASSERT_EQ(report.loops.size(), 1u);
    ASSERT_EQ(report.loops[0].monitoredLinks, 1);
    EXPECT_NE(report.loops[0].text.find("its one checked link is consistent with the data"), std::string::npos)
        << report.loops[0].text;
}

} // namespace
} // namespace causeway

namespace causeway {
namespace {

TEST(VerdictMarksSvg, ALinkIsMarkedByShapeAndGlyphNotColourAlone)
{
    SystemMap map;
    const FactorId a = map.addFactor(test::makeFactor("Trust", {}, {}, {0, 0}));
    const FactorId b = map.addFactor(test::makeFactor("Visits", {}, {}, {300, 0}));
    const LinkId ab = map.addLink(test::makeLink(a, b));
    SvgOptions options;
    options.linkMarks[ab] = {VerdictMark::Contradicted, "contradicted: 0 of 8"};
    options.linkMarks[LinkId(99)] = {VerdictMark::Unclear, "a link not on the map"};
    const std::string svg = exportSvg(map, options);
    const std::size_t mark = svg.find("<g class=\"link-mark contradicted\" id=\"link-mark-1\">");
    ASSERT_NE(mark, std::string::npos) << svg;
    const std::string g = svg.substr(mark, svg.find("</g>", mark) - mark);
    EXPECT_NE(g.find("<rect"), std::string::npos) << "a square ring: " << g;
    EXPECT_EQ(g.find("<circle"), std::string::npos) << g;
    EXPECT_NE(g.find("<title>contradicted: 0 of 8</title>"), std::string::npos);
    EXPECT_EQ(svg.find("link-mark-99"), std::string::npos);
    EXPECT_EQ(exportSvg(map).find("-mark"), std::string::npos); // no marks unless asked
}

TEST(VerdictMarksSvg, FactorsAreMarkedAtTheirBoxCornerAndTheLegendExplainsEachMark)
{
    SystemMap map;
    const FactorId a = map.addFactor(test::makeFactor("Trust", {}, {}, {0, 0}));
    const FactorId b = map.addFactor(test::makeFactor("Visits", {}, {}, {300, 0}));
    const LinkId ab = map.addLink(test::makeLink(a, b));
    SvgOptions options;
    options.legend = true;
    options.linkMarks[ab] = {VerdictMark::Consistent, "consistent"};
    options.factorMarks[b] = {VerdictMark::Unclear, "no clear trend"};
    const std::string svg = exportSvg(map, options);
    EXPECT_NE(svg.find("<g class=\"factor-mark unclear\" id=\"factor-mark-2\">"), std::string::npos) << svg;
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos) << "unclear: a dashed ring";
    for (VerdictMark m : {VerdictMark::Consistent, VerdictMark::Contradicted, VerdictMark::Unclear}) {
        const std::string entry = std::string("<g class=\"entry verdict ") + verdictMarkClass(m) + "\">";
        const std::size_t at = svg.find(entry);
        ASSERT_NE(at, std::string::npos) << entry << "\n" << svg;
        const std::string g = svg.substr(at, svg.find("</g>", at) - at);
        EXPECT_NE(g.find(verdictMarkMeaning(m)), std::string::npos) << g;
        EXPECT_TRUE(g.find("<path") != std::string::npos || g.find(">?</text>") != std::string::npos) << g;
    }
    options.linkMarks.clear();
    options.factorMarks.clear();
    EXPECT_EQ(exportSvg(map, options).find("entry verdict"), std::string::npos) << "no marks, no legend for them";
}

TEST(VerdictMarksSvg, ALoopIsContradictedByOneContradictedLinkOrFactorsNotGrowingTogether)
{
    LoopCheck loop;
    loop.monitoredLinks = 2;
    loop.consistent = 2;
    EXPECT_EQ(markOf(loop), VerdictMark::Consistent);
    loop.growTogether = false;
    EXPECT_EQ(markOf(loop), VerdictMark::Contradicted);
    loop.growTogether = true;
    loop.consistent = 1;
    EXPECT_EQ(markOf(loop), VerdictMark::Unclear); // one checked link had too little data
    loop.contradicted = 1;
    EXPECT_EQ(markOf(loop), VerdictMark::Contradicted);
}

TEST(VerdictMarksSvg, ReportMarksEveryCheckedLinkAndFactor)
{
    MonitorReport report;
    LinkCheck link;
    link.link = LinkId(3);
    link.verdict = Verdict::Contradicted;
    link.text = "against the map";
    report.links.push_back(link);
    FactorCheck factor;
    factor.factor = FactorId(2);
    factor.trend.direction = 1;
    factor.upstreamAgree = 1;
    factor.text = "rose";
    report.factors.push_back(factor);
    SvgOptions options;
    addVerdictMarks(options, report);
    ASSERT_EQ(options.linkMarks.count(LinkId(3)), 1u);
    EXPECT_EQ(options.linkMarks[LinkId(3)].mark, VerdictMark::Contradicted);
    EXPECT_EQ(options.linkMarks[LinkId(3)].title, "contradicted: against the map");
    ASSERT_EQ(options.factorMarks.count(FactorId(2)), 1u);
    EXPECT_EQ(options.factorMarks[FactorId(2)].mark, VerdictMark::Consistent);
}

} // namespace
} // namespace causeway
