// Indicator data from CSV: long and wide tables, refusals with row and reason, merging into the
// data store.
#include "io/ioerror.h"
#include "monitor/seriesimport.h"

#include <gtest/gtest.h>

namespace causeway {
namespace {

std::string refusal(const std::string& csv, const IndicatorFilter& knows = nullptr)
{
    try {
        parseSeriesCsv(csv, knows);
    } catch (const IoError& e) {
        return e.what();
    }
    return "accepted";
}

TEST(Periods, YearsQuartersMonthsAndDaysAreReadAndWrittenBack)
{
    for (const char* text : {"2025", "2025-Q3", "2025-03", "2024-02-29", "1999-12-31"})
        EXPECT_EQ(periodText(*parsePeriod(text)), text);
    EXPECT_EQ(parsePeriod("2025q1")->granularity, Granularity::Quarter);
    EXPECT_EQ(parsePeriod("2025-03-01")->index - parsePeriod("2025-02-28")->index, 1);
    EXPECT_EQ(parsePeriod("2025-01")->index - parsePeriod("2024-12")->index, 1);
    for (const char* bad : {"2025-02-29", "2025-13", "25-03", "03/04/2025", "2025-Q5", ""})
        EXPECT_FALSE(parsePeriod(bad)) << bad;
}

TEST(SeriesCsv, ALongTableGivesOneSeriesPerIndicator)
{
    const auto result = parseSeriesCsv("Date,Indicator,Value\n2025-01,Visits,10\n2025-01,Kits,5\n"
                                       "2025-02,Visits,12.5\n2025-03,Visits,\n2025-04,Visits,9\n");
    ASSERT_EQ(result.series.size(), 2u);
    const Series& visits = result.series.at("Visits");
    ASSERT_EQ(visits.points.size(), 3u);
    EXPECT_EQ(visits.points[1].value, 12.5);
    EXPECT_EQ(periodText(visits.points[2].period), "2025-04"); // March is missing, not filled in
    EXPECT_EQ(result.values, 4u);
    EXPECT_EQ(result.missing, 1u);
}

TEST(SeriesCsv, AWideTableGivesOneSeriesPerColumnWithEmptyCellsMissing)
{
    const auto result = parseSeriesCsv("Period;Visits;Kits\n2025-Q1;10;\n2025-Q2;11;7\n");
    EXPECT_EQ(result.series.at("Visits").points.size(), 2u);
    EXPECT_EQ(result.series.at("Kits").points.size(), 1u);
    EXPECT_EQ(result.missing, 1u);
}

TEST(SeriesCsv, BadRowsAreRefusedWithRowAndReason)
{
    EXPECT_EQ(refusal("Date,Indicator,Value\n2025-01,Visits,10\n2025-03,Visits,11\n2025-02,Visits,12\n"),
              "row 4: 'Visits' in 2025-02 comes after 2025-03 (row 3): rows of one indicator must be in date order");
    EXPECT_EQ(refusal("Date,Indicator,Value\n2025-01,Visits,10\n2025-01,Kits,3\n2025-01,Visits,12\n"),
              "row 4: a second value for 'Visits' in 2025-01 (the first is on row 2)");
    EXPECT_EQ(refusal("Date,Visits\n2025-01,10\n2025-02,n/a\n"),
              "row 3: value 'n/a' for 'Visits' is not a number");
    EXPECT_EQ(refusal("Date,Indicator,Value\n2025-01,Visits,1e999\n"),
              "row 2: value '1e999' for 'Visits' is not a number");
    EXPECT_EQ(refusal("Date,Indicator,Value\n2025-01,Visits,1\n2025-01-15,Visits,2\n"),
              "row 3: 'Visits' is given by month on row 2 and by day here: one indicator needs one kind of period");
    EXPECT_EQ(refusal("Date,Indicator,Value\nJanuary,Visits,1\n"),
              "row 2: date 'January' is not a date or period Causeway reads (write 2025, 2025-Q1, 2025-03 or 2025-03-14)");
    EXPECT_EQ(refusal("Indicator,Value\nVisits,1\n"), "row 1: no Date or Period column in the header");
}

TEST(SeriesCsv, AnIndicatorTheMapDoesNotKnowIsRefusedWithItsRow)
{
    const IndicatorFilter knows = [](std::string_view name) { return name == "Visits"; };
    EXPECT_EQ(refusal("Date,Indicator,Value\n2025-01,Visits,1\n2025-01,Vists,2\n", knows),
              "row 3: 'Vists' is not an indicator of this map (no indicator, factor label or link "
              "\"From -> To\" has that name)");
    EXPECT_EQ(refusal("Date,Visits,Kits\n2025-01,1,2\n", knows),
              "row 1: column 3: 'Kits' is not an indicator of this map (no indicator, factor label or "
              "link \"From -> To\" has that name)");
}

TEST(SeriesStore, ReimportAppendsNewPeriodsUpdatesChangedOnesAndKeepsTheRest)
{
    SeriesSet store = parseSeriesCsv("Date,Visits,Kits\n2025-01,10,5\n2025-02,11,6\n").series;
    const auto newer = parseSeriesCsv("Date,Visits\n2025-02,11\n2025-03,14\n").series;
    const MergeCounts counts = mergeSeries(store, newer);
    EXPECT_EQ(counts.added, 1u);
    EXPECT_EQ(counts.unchanged, 1u);
    EXPECT_EQ(store.at("Visits").points.size(), 3u);
    EXPECT_EQ(store.at("Kits").points.size(), 2u);
    const auto corrected = parseSeriesCsv("Date,Visits\n2025-01,9\n").series;
    EXPECT_EQ(mergeSeries(store, corrected).updated, 1u);
    EXPECT_EQ(store.at("Visits").points[0].value, 9);
    EXPECT_EQ(store.at("Visits").points.size(), 3u);
}

TEST(SeriesStore, AMergeOfAnotherKindOfPeriodChangesNothing)
{
    SeriesSet store = parseSeriesCsv("Date,Visits,Kits\n2025-01,10,5\n").series;
    const SeriesSet before = store;
    const auto daily = parseSeriesCsv("Date,Kits,Visits\n2025-03-01,1,2\n").series;
    EXPECT_THROW(mergeSeries(store, daily), IoError);
    EXPECT_EQ(store, before);
}

TEST(SeriesStore, TheStoreReadsBackAsItWasWritten)
{
    const SeriesSet store = parseSeriesCsv("Date,Indicator,Value\n2025-01-05,=Risky,0.1\n2025-01-12,=Risky,-3\n"
                                           "2025,Yearly,1e6\n").series;
    EXPECT_EQ(parseSeriesCsv(writeSeriesCsv(store)).series, store);
    EXPECT_EQ(dataStorePath("maps/peer-nsp.causeway"), "maps/peer-nsp.data.csv");
}

} // namespace
} // namespace causeway
