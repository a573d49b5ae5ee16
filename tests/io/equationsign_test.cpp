// Signs of dependencies read from system dynamics equations (io/equationsign.h).
#include "io/equationsign.h"

#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <string>

namespace causeway::equations {
namespace {

Sign xmile(const std::string& equation, const std::string& name, const Context& context = {})
{
    return signOf(dependencySigns(equation, context), name);
}

Sign vensim(const std::string& equation, const std::string& name)
{
    Context context;
    context.dialect = Dialect::Vensim;
    context.lookup = [](const std::string& n) -> std::optional<Sign> {
        if (n == "effect_of_pressure")
            return Sign::Positive;
        if (n == "falling_effect")
            return Sign::Negative;
        return std::nullopt;
    };
    return signOf(dependencySigns(equation, context), name);
}

constexpr Sign P = Sign::Positive;
constexpr Sign N = Sign::Negative;
constexpr Sign U = Sign::Unknown;

TEST(EquationSign, SumsProductsAndNumeratorsArePositive)
{
    EXPECT_EQ(xmile("a + b", "a"), P);
    EXPECT_EQ(xmile("a*b", "b"), P);
    EXPECT_EQ(xmile("a/b", "a"), P);
    EXPECT_EQ(xmile("(1 + margin)*Their_Weapons", "margin"), P);
    EXPECT_EQ(xmile("(1 + margin)*Their_Weapons", "their_weapons"), P);
}

TEST(EquationSign, SubtrahendDenominatorAndUnaryMinusAreNegative)
{
    EXPECT_EQ(xmile("a - b", "b"), N);
    EXPECT_EQ(xmile("a / b", "b"), N);
    EXPECT_EQ(xmile("-a", "a"), N);
    EXPECT_EQ(xmile("-k*x", "x"), N);
    EXPECT_EQ(xmile("(desired - Our_Weapons)/time", "our_weapons"), N);
    EXPECT_EQ(xmile("(desired - Our_Weapons)/time", "desired"), P);
}

TEST(EquationSign, ANegativeFactorTurnsTheOtherFactorsSign)
{
    EXPECT_EQ(xmile("a * (0 - b)", "a"), N);
    EXPECT_EQ(xmile("a * -2", "a"), N);
    EXPECT_EQ(xmile("-2 * a", "a"), N);
}

// d/dt of (d - w)/t is -(d - w)/t^2, whose sign depends on whether d exceeds w.
TEST(EquationSign, ADenominatorUnderADifferenceIsUnknown)
{
    EXPECT_EQ(xmile("(d - w)/t", "t"), U);
    EXPECT_EQ(xmile("k*(d - w)", "k"), U);
}

TEST(EquationSign, AnInputOnBothSidesOfAMinusIsUnknown)
{
    EXPECT_EQ(xmile("a - a*b", "a"), U);
    EXPECT_EQ(xmile("a - a*b", "b"), N);
}

TEST(EquationSign, MonotoneFunctionsKeepTheSign)
{
    EXPECT_EQ(xmile("EXP(-a)", "a"), N);
    EXPECT_EQ(xmile("LN(a)", "a"), P);
    EXPECT_EQ(xmile("SQRT(a/b)", "b"), N);
    EXPECT_EQ(xmile("ABS(a)", "a"), P);
    EXPECT_EQ(xmile("ABS(a - b)", "a"), U);
    EXPECT_EQ(xmile("a^2", "a"), P);
    EXPECT_EQ(xmile("a^-1", "a"), N);
    EXPECT_EQ(xmile("2^a", "a"), U);
}

TEST(EquationSign, SmoothsAndDelaysKeepTheSignOfTheirInput)
{
    EXPECT_EQ(xmile("SMTH1(a, 3)", "a"), P);
    EXPECT_EQ(xmile("DELAY3(-a, 3)", "a"), N);
    EXPECT_EQ(xmile("SMTH1(a, t)", "t"), U);
    EXPECT_EQ(vensim("SMOOTH(Perceived Quality, Time to Perceive)", "perceived_quality"), P);
    EXPECT_EQ(vensim("DELAY FIXED(orders, 2, 0)", "orders"), P);
}

TEST(EquationSign, BranchesGiveASignOnlyWhenTheyAgree)
{
    EXPECT_EQ(xmile("MIN(a, b*c)", "c"), P);
    EXPECT_EQ(xmile("MAX(a, -a)", "a"), U);
    EXPECT_EQ(xmile("MAX(0, a - b)", "b"), N);
    EXPECT_EQ(xmile("IF_THEN_ELSE(x > 1, a, a*2)", "a"), P);
    EXPECT_EQ(xmile("IF x > 1 THEN a ELSE -a", "a"), U);
    EXPECT_EQ(xmile("IF x > 1 THEN a ELSE b", "x"), U);
    EXPECT_EQ(vensim("IF THEN ELSE(x :AND: y > 0, a, 0)", "a"), P);
    EXPECT_EQ(vensim("IF THEN ELSE(x :AND: y > 0, a, 0)", "y"), U);
}

// What the file says of a name's value: constants' numbers, lookups' outputs.
Context knowing(std::map<std::string, Range> ranges, Dialect dialect = Dialect::Xmile)
{
    Context context;
    context.dialect = dialect;
    context.range = [ranges = std::move(ranges)](const std::string& n) -> std::optional<Range> {
        const auto it = ranges.find(n);
        return it == ranges.end() ? std::nullopt : std::optional(it->second);
    };
    return context;
}

// "1 - fraction" is signed when the file bounds the fraction below 1, as World3's
// "food = land yield * Arable Land * land fraction harvested * (1 - processing loss)" does.
TEST(EquationSign, ANameKnownToStayBelowOneSignsOneMinusIt)
{
    const std::string food = "land_yield * arable_land * (1 - processing_loss)";
    EXPECT_EQ(xmile(food, "land_yield"), U); // any non-negative loss: 1 - loss may be negative
    const Context loss = knowing({{"processing_loss", {0.1, 0.1}}});
    EXPECT_EQ(xmile(food, "land_yield", loss), P);
    EXPECT_EQ(xmile(food, "arable_land", loss), P);
    EXPECT_EQ(xmile(food, "processing_loss", loss), N);
    EXPECT_EQ(xmile(food, "land_yield", knowing({{"processing_loss", {0, 1.5}}})), U);
    // A lookup's outputs bound what it returns: a fraction from a table between 0 and 0.9.
    const Context table = knowing({{"fraction_table", {0, 0.9}}});
    Context withLookup = table;
    withLookup.lookup = [](const std::string& n) -> std::optional<Sign> {
        return n == "fraction_table" ? std::optional(Sign::Negative) : std::nullopt;
    };
    EXPECT_EQ(xmile("capital * (1 - fraction_table(x))", "capital", withLookup), P);
    EXPECT_EQ(xmile("capital * (1 - fraction_table(x))", "x", withLookup), P);
    EXPECT_EQ(xmile("capital * (1 - LOOKUP(fraction_table, x))", "capital", withLookup), P);
    EXPECT_EQ(vensim("c * (1 - WITH LOOKUP(x, ((0,0.2),(1,0.5))))", "c"), P);
    EXPECT_EQ(vensim("c * (1 - WITH LOOKUP(x, ((0,0.2),(1,1.5))))", "c"), U);
}

TEST(EquationSign, ANegativeConstantTurnsTheSign)
{
    EXPECT_EQ(xmile("k * x", "x"), P);
    EXPECT_EQ(xmile("k * x", "x", knowing({{"k", {-2, -2}}})), N);
    EXPECT_EQ(xmile("x / k", "x", knowing({{"k", {-2, -2}}})), N);
}

// A table whose outputs go below zero makes what it multiplies unsigned; a constant left at zero
// is a switch, not a zero effect.
TEST(EquationSign, NegativeTableOutputsUnsignAndAZeroSwitchDoesNot)
{
    Context c = knowing({{"effect", {-1, 1}}, {"e", {-1, 1}}, {"switch", {0, 0}}});
    c.lookup = [](const std::string& n) -> std::optional<Sign> {
        return n == "effect" ? std::optional(Sign::Positive) : std::nullopt;
    };
    EXPECT_EQ(xmile("z * effect(x)", "z", c), U);
    EXPECT_EQ(xmile("z * e", "z", c), U);
    EXPECT_EQ(xmile("z * e", "e", c), P);
    EXPECT_EQ(xmile("x * switch", "x", c), P);
}

TEST(EquationSign, ValueRangesFollowTheArithmetic)
{
    const Context c = knowing({{"a", {1, 3}}, {"b", {0.5, 0.5}}, {"m", {-4, -1}}});
    EXPECT_EQ(valueRange("2 * a + 1", c), (Range{3, 7}));
    EXPECT_EQ(valueRange("a / b", c), (Range{2, 6}));
    EXPECT_EQ(valueRange("1 - b", c), (Range{0.5, 0.5}));
    EXPECT_EQ(valueRange("MIN(a, 2)", c), (Range{1, 2}));
    EXPECT_EQ(valueRange("MAX(a, 2)", c), (Range{2, 3}));
    EXPECT_EQ(valueRange("ABS(m)", c), (Range{1, 4}));
    EXPECT_EQ(valueRange("IF_THEN_ELSE(x > 1, a, 5)", c), (Range{1, 5}));
    EXPECT_EQ(valueRange("x > 1", c), (Range{0, 1}));
    EXPECT_EQ(valueRange("SMTH1(a, 3, 0)", c), (Range{0, 3}));
    EXPECT_EQ(valueRange("2^3", c), (Range{8, 8}));
    EXPECT_EQ(valueRange("x", c), (Range{0, std::numeric_limits<double>::infinity()})); // non-negative
    EXPECT_EQ(valueRange("x - y", c), std::nullopt); // says nothing
    EXPECT_EQ(valueRange("(", c), std::nullopt);
    // A range open below (arithmetic on names) is still taken as non-negative, up to its high end;
    // one the file's numbers bound below (a table's outputs) is what they say.
    EXPECT_EQ(valueRange("s", knowing({{"s", {-std::numeric_limits<double>::infinity(), 2}}})), (Range{0, 2}));
    EXPECT_EQ(valueRange("s", knowing({{"s", {-1, 2}}})), (Range{-1, 2}));
    EXPECT_EQ(outputsOf({{0, 0.3}, {1, 0.1}, {2, 0.8}}), (Range{0.1, 0.8}));
}

TEST(EquationSign, VensimsLogAndActiveInitialFollowTheirInput)
{
    EXPECT_EQ(vensim("LOG(gdp per capita / ref, 10)", "gdp_per_capita"), P);
    EXPECT_EQ(vensim("LOG(gdp per capita / ref, 10)", "ref"), N);
    EXPECT_EQ(vensim("LOG(x, 0.5)", "x"), N);
    EXPECT_EQ(vensim("LOG(x, b)", "x"), U);
    EXPECT_EQ(vensim("ACTIVE INITIAL(food / need, 1)", "food"), P);
    EXPECT_EQ(vensim("ACTIVE INITIAL(food / need, 1)", "need"), N);
    EXPECT_EQ(vensim("ACTIVE INITIAL(food, start)", "start"), U);
}

TEST(EquationSign, NamesReadAsTheImportersReadThem)
{
    EXPECT_EQ(xmile("\"Teacup Temperature\" - \"Room Temperature\"", "room_temperature"), N);
    EXPECT_EQ(xmile("hares.area / Lynx", "hares.area"), P);
    EXPECT_EQ(xmile("a {a comment naming b} - c", "c"), N);
    EXPECT_EQ(vensim("Experts / Average Tenure", "average_tenure"), N);
    EXPECT_EQ(vensim("\"Expert-Hours Worked per Week\"-\"Expert-Hours Spent on Rookie Supervision per Week\"",
                     "expert-hours_spent_on_rookie_supervision_per_week"),
              N);
    EXPECT_EQ(vensim("Rookie Workweek * Rookies", "rookies"), P);
}

TEST(EquationSign, LookupsSignByTheirDirection)
{
    EXPECT_EQ(vensim("Effect of Pressure(Pressure to Hire)", "pressure_to_hire"), P);
    EXPECT_EQ(vensim("falling effect(a / b)", "b"), P);
    EXPECT_EQ(vensim("effect of pressure(x) * falling effect(x)", "x"), U);
    EXPECT_EQ(vensim("WITH LOOKUP(a, ([(0,0)-(2,2)],(0,2),(1,1),(2,0)))", "a"), N);
    EXPECT_EQ(vensim("WITH LOOKUP(a, ((0,0),(1,2),(2,1)))", "a"), U);
    Context context;
    context.lookup = [](const std::string& n) -> std::optional<Sign> {
        return n == "effect" ? std::optional(Sign::Negative) : std::nullopt;
    };
    EXPECT_EQ(xmile("LOOKUP(effect, a)", "a", context), N);
    EXPECT_EQ(xmile("effect(a)", "a", context), N);
}

TEST(EquationSign, LookupPointsGiveMonotonicity)
{
    EXPECT_EQ(lookupSign({{0, 0}, {1, 0}, {2, 5}}), P);
    EXPECT_EQ(lookupSign({{0, 0.94}, {1, 0.66}, {2, 0.66}}), N);
    EXPECT_EQ(lookupSign({{0, 1}, {1, 1}}), U);
    EXPECT_EQ(lookupSign({{0, 1}, {1, 2}, {2, 1}}), U);
    const auto points = vensimLookupPoints("[(-1,0)-(3,30)],(-1,0),(-0.25,0),(0,2.5),(0.5,15),(3,25)");
    ASSERT_TRUE(points);
    EXPECT_EQ(points->size(), 5u);
    EXPECT_EQ(lookupSign(*points), P);
    EXPECT_FALSE(vensimLookupPoints("GET XLS LOOKUPS('data.xls', 'a', '1', 'B2')"));
}

TEST(EquationSign, WhatDoesNotParseIsUnknown)
{
    EXPECT_EQ(xmile("a + ", "a"), U);
    EXPECT_EQ(xmile("a[1] * b", "b"), U);
    EXPECT_EQ(xmile("PULSE(a, 1, 0)", "a"), U);
    EXPECT_EQ(xmile("(a", "a"), U);
    EXPECT_EQ(xmile("a b", "a"), U);
    EXPECT_EQ(xmile("a * b", "c"), U); // not referred to at all
}

TEST(EquationSign, DeepNestingIsRefusedNotRecursedInto)
{
    const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
    EXPECT_EQ(xmile(deep, "a"), U);
    std::string minuses(100000, '-');
    EXPECT_EQ(xmile(minuses + "a", "a"), U);
    const std::string shallow = std::string(20, '(') + "-a" + std::string(20, ')');
    EXPECT_EQ(xmile(shallow, "a"), N);
}

TEST(EquationSign, AHugeEquationIsNotAnalysed)
{
    std::string huge = "a";
    while (huge.size() <= kMaxEquationLength)
        huge += " + b";
    EXPECT_EQ(xmile(huge, "a"), U);
    EXPECT_EQ(xmile(huge, "b"), U);
}

} // namespace
} // namespace causeway::equations
