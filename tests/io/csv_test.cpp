#include "io/csv.h"

#include "iotestutil.h"

#include <gtest/gtest.h>

using namespace causeway;
using causeway::test::ioErrorOf;
using ::testing::HasSubstr;

namespace {

std::vector<std::vector<std::string>> fields(const std::vector<CsvRecord>& records)
{
    std::vector<std::vector<std::string>> out;
    for (const CsvRecord& r : records)
        out.push_back(r.fields);
    return out;
}

} // namespace

TEST(Csv, SplitsPlainRecordsOnCommasAndLineEnds)
{
    const auto records = parseCsv("a,b,c\n1,2,3\n");
    EXPECT_EQ(fields(records), (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}}));
    EXPECT_EQ(records[1].line, 2u);
}

TEST(Csv, QuotedFieldsKeepCommasDoubledQuotesAndLineBreaks)
{
    const auto records = parseCsv("x,y\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n");
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[1].fields, (std::vector<std::string>{"a, b", "say \"hi\""}));
    EXPECT_EQ(records[2].fields, (std::vector<std::string>{"two\nlines", "z"}));
    EXPECT_EQ(records[2].line, 3u);
    // The record after a quoted line break starts on the physical line after it.
    EXPECT_EQ(records[3].line, 5u);
}

TEST(Csv, AcceptsCrLfByteOrderMarkAndNoFinalLineEnd)
{
    const auto records = parseCsv("\xEF\xBB\xBF" "From,To\r\nA,B\r\nC,D");
    EXPECT_EQ(fields(records), (std::vector<std::vector<std::string>>{{"From", "To"}, {"A", "B"}, {"C", "D"}}));
    EXPECT_EQ(records[2].line, 3u);
}

TEST(Csv, KeepsEmptyFieldsAndSkipsBlankLines)
{
    const auto records = parseCsv("a,,c\n\n\n,\n\"\",x\n");
    EXPECT_EQ(fields(records),
              (std::vector<std::vector<std::string>>{{"a", "", "c"}, {"", ""}, {"", "x"}}));
    EXPECT_EQ(records[1].line, 4u);
}

TEST(Csv, UnterminatedQuoteNamesTheLineItOpensOn)
{
    const std::string message = ioErrorOf([] { parseCsv("a,b\nc,d\n\"open,e\nf,g\n"); });
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("unterminated quote"));
}

TEST(Csv, TextAfterAClosingQuoteIsRefused)
{
    EXPECT_THAT(ioErrorOf([] { parseCsv("a\n\"x\"y\n"); }), HasSubstr("line 2"));
}

TEST(Csv, QuoteInsideAnUnquotedFieldIsKeptAsText)
{
    EXPECT_EQ(parseCsv("5\" pipe,b\n")[0].fields, (std::vector<std::string>{"5\" pipe", "b"}));
}

TEST(Csv, DetectsSemicolonAndTabSeparatedHeaders)
{
    EXPECT_EQ(detectCsvSeparator("From;To;Polarity\nA;B;+\n"), ';');
    EXPECT_EQ(detectCsvSeparator("From\tTo\tPolarity\n"), '\t');
    EXPECT_EQ(detectCsvSeparator("From,To;x\n"), ',');
    EXPECT_EQ(parseCsv("a;b\n", ';')[0].fields, (std::vector<std::string>{"a", "b"}));
}

TEST(Csv, WrittenRowsReadBackToTheSameFields)
{
    const std::vector<std::string> row{"plain", "with, comma", "quote \"q\"", "line\nbreak", " padded ", ""};
    const std::string text = csvRow(row) + csvRow({"2"});
    EXPECT_EQ(text.substr(0, 6), "plain,");
    const auto records = parseCsv(text);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, row);
}

// Issue 9: a 40 MB single-line CSV peaked at 1.1 GB and a 200 MB one died with std::bad_alloc.
TEST(Csv, ARecordWithMoreFieldsThanTheBoundIsRefusedWithItsLine)
{
    const std::string line = "From,To,Polarity\n" + std::string(kMaxCsvFields, ',') + "\n";
    EXPECT_THAT(test::ioErrorOf([&] { parseCsv(line); }),
                testing::HasSubstr("line 2: more than 1000 fields in one record"));
    EXPECT_NO_THROW(parseCsv(std::string(kMaxCsvFields - 1, ',')));
}

TEST(Csv, ATableWithMoreCellsThanTheBoundIsRefused)
{
    // Records of 1000 empty cells each: the bound is reached on the record after the last full one.
    const std::string record = std::string(kMaxCsvFields - 1, ',') + "\n";
    std::string table;
    for (std::size_t i = 0; i < kMaxCsvCells / kMaxCsvFields; ++i)
        table += record;
    EXPECT_EQ(parseCsv(table).size(), kMaxCsvCells / kMaxCsvFields);
    EXPECT_EQ(parseCsv(table + "\n\n\n").size(), kMaxCsvCells / kMaxCsvFields); // blank lines are free
    EXPECT_THAT(test::ioErrorOf([&] { parseCsv(table + "x\n"); }),
                testing::HasSubstr("line 4001: more than 4000000 cells in the table"));
}
