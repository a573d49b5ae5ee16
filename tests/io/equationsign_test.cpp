// Signs of dependencies read from system dynamics equations (io/equationsign.h).
#include "io/equationsign.h"

#include <gtest/gtest.h>

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
