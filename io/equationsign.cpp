// Signs of dependencies from XMILE and Vensim equations: a recursive descent parser that
// computes, for each subexpression, the sign of its value and of its derivative in each name.
#include "io/equationsign.h"

#include "io/equationlexer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace causeway::equations {

namespace {

Sign negate(Sign s)
{
    return s == Sign::Positive ? Sign::Negative : s == Sign::Negative ? Sign::Positive : s;
}

// The sign of a sum: a zero term adds nothing; terms of opposite or unknown sign are Unknown.
Sign plus(Sign a, Sign b)
{
    if (a == Sign::None)
        return b;
    if (b == Sign::None || a == b)
        return a;
    return Sign::Unknown;
}

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Range kAnything{-kInf, kInf};
constexpr Range kNonNegative{0, kInf};

// The sign a value in the range has: None only for zero itself.
Sign signIn(const Range& r)
{
    if (r.low == 0 && r.high == 0)
        return Sign::None;
    if (r.low >= 0)
        return Sign::Positive;
    if (r.high <= 0)
        return Sign::Negative;
    return Sign::Unknown;
}

Range either(const Range& a, const Range& b) { return {std::min(a.low, b.low), std::max(a.high, b.high)}; }

// A bound's arithmetic gone undefined (infinity minus infinity) bounds nothing.
Range checked(Range r)
{
    if (std::isnan(r.low))
        r.low = -kInf;
    if (std::isnan(r.high))
        r.high = kInf;
    return r;
}

// Zero times anything, infinity included, is zero: a non-negative name times zero is zero.
double mul(double a, double b) { return a == 0 || b == 0 ? 0 : a * b; }

Range timesRange(const Range& a, const Range& b)
{
    const double p[] = {mul(a.low, b.low), mul(a.low, b.high), mul(a.high, b.low), mul(a.high, b.high)};
    return checked({*std::min_element(std::begin(p), std::end(p)), *std::max_element(std::begin(p), std::end(p))});
}

// a / b. A divisor that may reach zero from one side is taken as never quite zero, as the
// signs of names are (a / b with b >= 0 keeps a's sign); one that straddles zero bounds nothing.
Range overRange(const Range& a, const Range& b)
{
    if (b.low > 0 || b.high < 0)
        return timesRange(a, {1 / b.high, 1 / b.low});
    const Sign by = signIn(b);
    if (by != Sign::Positive && by != Sign::Negative)
        return kAnything;
    const Sign of = signIn(a);
    const Sign sign = of == Sign::None ? Sign::None : times(of, by);
    return sign == Sign::None ? Range{0, 0} : sign == Sign::Positive ? kNonNegative : sign == Sign::Negative ? Range{-kInf, 0} : kAnything;
}

// A name's value. Nothing known, or zero (a policy switch left off): non-negative. A range bounded below is what the file's numbers
// say (a negative constant, a table with negative outputs): as it is. A range open below comes
// of arithmetic on names taken as non-negative ("1 - x", "a - b"): still non-negative, as every
// name is, up to its high end.
Range nameRange(std::optional<Range> known)
{
    if (!known || (known->low == 0 && known->high == 0)) // a zero is a switch left off
        return kNonNegative;
    if (std::isfinite(known->low))
        return *known;
    return {0, std::max(0.0, known->high)};
}

// A subexpression: where its value lies (names are non-negative) and the sign of its
// derivative in each name it refers to.
struct Term {
    Range range{0, 0};
    Signs d;
    Sign value() const { return signIn(range); }
};

Term constant(double v)
{
    return {{v, v}, {}};
}

// Every name of the terms Unknown: what a comparison, an unknown function or a condition does.
Signs unknownIn(std::initializer_list<const Term*> terms)
{
    Signs out;
    for (const Term* t : terms)
        for (const auto& [name, sign] : t->d)
            if (sign != Sign::None)
                out[name] = Sign::Unknown;
    return out;
}

// A true-or-false result: 0 or 1.
Term truth(Signs d) { return {{0, 1}, std::move(d)}; }

void merge(Signs& into, const Signs& from)
{
    for (const auto& [name, sign] : from)
        into[name] = plus(into.contains(name) ? into[name] : Sign::None, sign);
}

// In place, and nothing to do for a positive factor (the common case): long chains of
// products stay linear.
Signs scaled(Signs d, Sign by)
{
    if (by != Sign::Positive)
        for (auto& [name, sign] : d)
            sign = times(sign, by);
    return d;
}

// The accumulated left side is moved, not copied: a sum of many terms stays linear.
Term sum(Term a, const Term& b)
{
    a.range = checked({a.range.low + b.range.low, a.range.high + b.range.high});
    merge(a.d, b.d);
    return a;
}

Term negated(Term t)
{
    t.range = {-t.range.high, -t.range.low};
    for (auto& [name, sign] : t.d)
        sign = negate(sign);
    return t;
}

// d(ab) = a'b + ab'; d(a/b) = a'/b - ab'/b^2, so the quotient only flips the second term.
Term product(Term a, const Term& b, bool divide)
{
    const Sign aValue = a.value(), bValue = b.value();
    Term out{divide ? overRange(a.range, b.range) : timesRange(a.range, b.range), scaled(std::move(a.d), bValue)};
    const Signs second = scaled(b.d, aValue);
    merge(out.d, divide ? negated({{0, 0}, second}).d : second);
    return out;
}

// a^b: with a >= 0, the base's effect takes the exponent's sign; an exponent that depends on a
// name has an effect whose sign depends on whether a exceeds 1.
Term power(const Term& a, const Term& b)
{
    const Sign base = a.value();
    Term out{base == Sign::Positive || base == Sign::None ? kNonNegative : kAnything, {}};
    if (a.range.low == a.range.high && b.range.low == b.range.high)
        if (const double v = std::pow(a.range.low, b.range.low); std::isfinite(v))
            out.range = {v, v};
    const Sign baseEffect = base == Sign::Positive ? b.value() : Sign::Unknown;
    out.d = scaled(a.d, baseEffect);
    merge(out.d, unknownIn({&b}));
    return out;
}

// A result that is one of the branches: a sign when every branch agrees, and none for a name
// the condition depends on (it switches between branches).
Term branchesOf(const Term& condition, const std::vector<Term>& options)
{
    Term out = options.front();
    for (std::size_t i = 1; i < options.size(); ++i) {
        out.range = either(out.range, options[i].range);
        merge(out.d, options[i].d);
    }
    for (const auto& [name, sign] : unknownIn({&condition}))
        out.d[name] = sign;
    return out;
}

bool isOneOf(const std::string& name, std::initializer_list<std::string_view> names)
{
    for (const std::string_view n : names)
        if (name == n)
            return true;
    return false;
}

// A logarithm's value over the input's range, in `base` (above 1): increasing, nothing below a
// zero input.
Range logRange(const Range& r, double base)
{
    if (r.low == r.high && r.low > 0)
        return {std::log(r.low) / std::log(base), std::log(r.low) / std::log(base)};
    return {r.low >= 1 ? 0 : -kInf, r.high <= 1 ? 0 : kInf};
}

// Built-in functions whose effect has a sign; any other function makes its inputs Unknown.
Term builtin(const std::string& name, const std::vector<Term>& args)
{
    const std::size_t n = args.size();
    if (n == 1 && name == "exp")
        return {args[0].range.low == args[0].range.high ? Range{std::exp(args[0].range.low), std::exp(args[0].range.low)}
                                                        : kNonNegative,
                args[0].d};
    if (n == 1 && name == "sqrt")
        return {args[0].range.low >= 0 ? Range{std::sqrt(args[0].range.low), std::sqrt(args[0].range.high)} : kNonNegative,
                args[0].d};
    if (n == 1 && isOneOf(name, {"ln", "log10"}))
        return {logRange(args[0].range, name == "ln" ? std::exp(1.0) : 10.0), args[0].d};
    // Vensim's LOG(x, base): increasing in x for a base above 1, decreasing below it.
    if (n == 2 && name == "log" && args[1].range.low == args[1].range.high && args[1].range.low > 0
        && args[1].range.low != 1) {
        const double base = args[1].range.low;
        const Range up = logRange(args[0].range, base > 1 ? base : 1 / base); // log in 1/base, negated below
        return {base > 1 ? up : Range{-up.high, -up.low}, scaled(args[0].d, base > 1 ? Sign::Positive : Sign::Negative)};
    }
    if (n == 1 && name == "abs") {
        const Range& r = args[0].range;
        const double low = r.low >= 0 ? r.low : r.high <= 0 ? -r.high : 0;
        return {{low, std::max(std::abs(r.low), std::abs(r.high))}, scaled(args[0].d, args[0].value())};
    }
    if (n >= 1 && isOneOf(name, {"min", "max"})) { // non-decreasing in every argument
        Term out = args[0];
        const bool min = name == "min";
        for (std::size_t i = 1; i < n; ++i) {
            const Range& r = args[i].range;
            out.range = min ? Range{std::min(out.range.low, r.low), std::min(out.range.high, r.high)}
                            : Range{std::max(out.range.low, r.low), std::max(out.range.high, r.high)};
            merge(out.d, args[i].d);
        }
        return out;
    }
    if (n == 3 && isOneOf(name, {"if_then_else"}))
        return branchesOf(args[0], {args[1], args[2]});
    if (n == 2 && name == "zidz") { // a / b, or 0 when b is 0
        Term out = product(args[0], args[1], true);
        out.range = either(out.range, {0, 0});
        return out;
    }
    // Smooths and delays follow their input, and so does ACTIVE INITIAL after its first value;
    // a changed delay time or initial value has an effect whose sign depends on the run. Their
    // value stays within their input's and the initial value's (and their order's: a small
    // positive whole number: a bound it widens stays sound).
    const bool activeInitial = n == 2 && name == "active_initial";
    if (activeInitial
        || (n >= 2
            && isOneOf(name, {"smth1", "smth3", "smthn", "delay", "delay1", "delay3", "delayn", "smooth", "smoothi",
                              "smooth3", "smooth3i", "smooth_n", "delay1i", "delay3i", "delay_n", "delay_fixed"}))) {
        Term out = args[0];
        for (std::size_t i = 1; i < n; ++i) {
            merge(out.d, unknownIn({&args[i]}));
            if (activeInitial || i >= 2)
                out.range = either(out.range, args[i].range);
        }
        return out;
    }
    Term out{kAnything, {}};
    for (const Term& arg : args)
        merge(out.d, unknownIn({&arg}));
    return out;
}

class Parser {
public:
    Parser(std::string_view text, const Context& context)
        : m_lex(text, context.dialect), m_context(context), m_depth(context.nesting ? *context.nesting : m_ownDepth)
    {
    }

    Term parse()
    {
        Term t = expression();
        if (m_lex.peek().kind != TokenKind::End)
            throw ParseError();
        return t;
    }

private:
    struct Depth {
        explicit Depth(int& d) : m_d(d)
        {
            if (++m_d > kMaxNesting)
                throw ParseError();
        }
        ~Depth() { --m_d; }
        int& m_d;
    };

    bool acceptWord(std::string_view word)
    {
        if (m_lex.peek().kind == TokenKind::Name && m_lex.peek().text == word && !m_lex.peek().quoted) {
            m_lex.next();
            return true;
        }
        return false;
    }

    void expect(TokenKind kind)
    {
        if (m_lex.next().kind != kind)
            throw ParseError();
    }

    Term expression()
    {
        Depth depth(m_depth);
        Term t = conjunction();
        while (acceptWord("or") || m_lex.accept(TokenKind::Logical, "or")) {
            const Term rhs = conjunction();
            t = truth(unknownIn({&t, &rhs}));
        }
        return t;
    }

    Term conjunction()
    {
        Term t = negation();
        while (acceptWord("and") || m_lex.accept(TokenKind::Logical, "and")) {
            const Term rhs = negation();
            t = truth(unknownIn({&t, &rhs}));
        }
        return t;
    }

    Term negation()
    {
        Depth depth(m_depth);
        if (acceptWord("not") || m_lex.accept(TokenKind::Logical, "not")) {
            const Term t = negation();
            return truth(unknownIn({&t}));
        }
        Term t = additive();
        if (m_lex.accept(TokenKind::Compare)) {
            const Term rhs = additive();
            t = truth(unknownIn({&t, &rhs}));
        }
        return t;
    }

    Term additive()
    {
        Term t = multiplicative();
        for (;;) {
            if (m_lex.accept(TokenKind::Operator, "+"))
                t = sum(std::move(t), multiplicative());
            else if (m_lex.accept(TokenKind::Operator, "-"))
                t = sum(std::move(t), negated(multiplicative()));
            else
                return t;
        }
    }

    Term multiplicative()
    {
        Term t = unary();
        for (;;) {
            if (m_lex.accept(TokenKind::Operator, "*"))
                t = product(std::move(t), unary(), false);
            else if (m_lex.accept(TokenKind::Operator, "/"))
                t = product(std::move(t), unary(), true);
            else
                return t;
        }
    }

    Term unary()
    {
        Depth depth(m_depth);
        if (m_lex.accept(TokenKind::Operator, "-"))
            return negated(unary());
        if (m_lex.accept(TokenKind::Operator, "+"))
            return unary();
        Term base = primary();
        if (m_lex.accept(TokenKind::Operator, "^"))
            return power(base, unary());
        return base;
    }

    Term primary()
    {
        const Token token = m_lex.next();
        switch (token.kind) {
        case TokenKind::Number:
            return constant(token.number);
        case TokenKind::Open: {
            Term t = expression();
            expect(TokenKind::Close);
            return t;
        }
        case TokenKind::Name:
            if (!token.quoted && token.text == "if" && m_context.dialect == Dialect::Xmile)
                return ifThenElse();
            if (m_lex.accept(TokenKind::Open))
                return call(token.text);
            return {nameRange(m_context.range ? m_context.range(token.text) : std::nullopt), {{token.text, Sign::Positive}}};
        default:
            throw ParseError();
        }
    }

    // XMILE's IF c THEN a ELSE b.
    Term ifThenElse()
    {
        const Term condition = expression();
        if (!acceptWord("then"))
            throw ParseError();
        const Term a = expression();
        if (!acceptWord("else"))
            throw ParseError();
        return branchesOf(condition, {a, expression()});
    }

    std::vector<Term> arguments()
    {
        std::vector<Term> args;
        if (m_lex.accept(TokenKind::Close))
            return args;
        do
            args.push_back(expression());
        while (m_lex.accept(TokenKind::Comma));
        expect(TokenKind::Close);
        return args;
    }

    Term call(const std::string& name);
    Term lookupCall(const std::string& table, Sign direction, const Term& input) const;

    Lexer m_lex;
    const Context& m_context;
    int m_ownDepth = 0;
    int& m_depth; // shared with the parses a name's range starts (Context::nesting)
};

// A lookup's value lies within its outputs (from context.range by the table's name), or is
// any value at all (a table whose outputs the file does not give).
Term Parser::lookupCall(const std::string& table, Sign direction, const Term& input) const
{
    const std::optional<Range> outputs = m_context.range && !table.empty() ? m_context.range(table) : std::nullopt;
    return {outputs ? *outputs : kAnything, scaled(input.d, direction)};
}

Term Parser::call(const std::string& name)
{
    if (name == "with_lookup" && m_context.dialect == Dialect::Vensim) {
        const Term input = expression();
        expect(TokenKind::Comma);
        const auto points = vensimLookupPoints(m_lex.rawUntilClose());
        Term out = lookupCall({}, points ? lookupSign(*points) : Sign::Unknown, input);
        if (points)
            out.range = outputsOf(*points);
        return out;
    }
    if (name == "lookup" && m_context.dialect == Dialect::Xmile) {
        const Token table = m_lex.next();
        expect(TokenKind::Comma);
        const Term input = expression();
        expect(TokenKind::Close);
        const bool named = table.kind == TokenKind::Name;
        const auto direction = m_context.lookup && named ? m_context.lookup(table.text) : std::nullopt;
        Term out = lookupCall(named ? table.text : std::string(), direction.value_or(Sign::Unknown), input);
        if (named)
            out.d[table.text] = Sign::Unknown;
        return out;
    }
    const std::vector<Term> args = arguments();
    if (m_context.lookup)
        if (const auto direction = m_context.lookup(name)) {
            if (args.size() != 1)
                throw ParseError();
            Term out = lookupCall(name, *direction, args.front());
            out.d[name] = plus(out.d.contains(name) ? out.d[name] : Sign::None, Sign::Unknown);
            return out;
        }
    return builtin(name, args);
}

} // namespace

Sign times(Sign a, Sign b)
{
    if (a == Sign::None || b == Sign::None)
        return Sign::None;
    if (a == Sign::Unknown || b == Sign::Unknown)
        return Sign::Unknown;
    return a == b ? Sign::Positive : Sign::Negative;
}

Signs dependencySigns(std::string_view expression, const Context& context)
{
    if (expression.size() > kMaxEquationLength)
        return {};
    try {
        Signs out = Parser(expression, context).parse().d;
        std::erase_if(out, [](const auto& entry) { return entry.second == Sign::Unknown; });
        return out;
    } catch (const ParseError&) {
        return {};
    }
}

std::optional<Range> valueRange(std::string_view expression, const Context& context)
{
    if (expression.size() > kMaxEquationLength)
        return std::nullopt;
    try {
        const Range r = Parser(expression, context).parse().range;
        if (r.low == -kInf && r.high == kInf)
            return std::nullopt;
        return r;
    } catch (const ParseError&) {
        return std::nullopt;
    }
}

Range outputsOf(const std::vector<std::pair<double, double>>& points)
{
    Range r{kInf, -kInf};
    for (const auto& [x, y] : points)
        r = {std::min(r.low, y), std::max(r.high, y)};
    return points.empty() ? kAnything : r;
}

Sign signOf(const Signs& signs, const std::string& normalisedName)
{
    const auto it = signs.find(normalisedName);
    return it == signs.end() || it->second == Sign::None ? Sign::Unknown : it->second;
}

Sign lookupSign(const std::vector<std::pair<double, double>>& points)
{
    bool rises = false, falls = false;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (!(points[i].first > points[i - 1].first))
            return Sign::Unknown; // x not increasing: not a table we can read
        rises = rises || points[i].second > points[i - 1].second;
        falls = falls || points[i].second < points[i - 1].second;
    }
    return rises == falls ? Sign::Unknown : rises ? Sign::Positive : Sign::Negative;
}

std::optional<std::vector<std::pair<double, double>>> vensimLookupPoints(std::string_view text)
{
    std::string rest(text);
    // The optional range [(xmin,ymin)-(xmax,ymax)] first, and Vensim's optional reference lines
    // after the points are not part of the curve.
    if (const std::size_t open = rest.find('['); open != std::string::npos) {
        const std::size_t close = rest.find(']', open);
        if (close == std::string::npos)
            return std::nullopt;
        rest.erase(open, close - open + 1);
    }
    std::vector<double> numbers;
    std::size_t i = 0;
    while (i < rest.size()) {
        const char c = rest[i];
        if (c == '(' || c == ')' || c == ',' || std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        char* end = nullptr;
        const double v = std::strtod(rest.c_str() + i, &end);
        if (end == rest.c_str() + i || !std::isfinite(v))
            return std::nullopt; // a word: not a table of points
        numbers.push_back(v);
        i = static_cast<std::size_t>(end - rest.c_str());
    }
    if (numbers.size() < 4 || numbers.size() % 2 != 0)
        return std::nullopt;
    std::vector<std::pair<double, double>> points;
    for (std::size_t k = 0; k < numbers.size(); k += 2)
        points.emplace_back(numbers[k], numbers[k + 1]);
    return points;
}

} // namespace causeway::equations
