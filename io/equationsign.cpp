// Signs of dependencies from XMILE and Vensim equations: a recursive descent parser that
// computes, for each subexpression, the sign of its value and of its derivative in each name.
#include "io/equationsign.h"

#include "io/equationlexer.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

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

// A subexpression: the sign of its value (names are non-negative) and of its derivative in
// each name it refers to.
struct Term {
    Sign value = Sign::None;
    Signs d;
};

Term constant(double v)
{
    return {v > 0 ? Sign::Positive : v < 0 ? Sign::Negative : Sign::None, {}};
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
    a.value = plus(a.value, b.value);
    merge(a.d, b.d);
    return a;
}

Term negated(Term t)
{
    t.value = negate(t.value);
    for (auto& [name, sign] : t.d)
        sign = negate(sign);
    return t;
}

// d(ab) = a'b + ab'; d(a/b) = a'/b - ab'/b^2, so the quotient only flips the second term.
Term product(Term a, const Term& b, bool divide)
{
    Term out{times(a.value, b.value), scaled(std::move(a.d), b.value)};
    const Signs second = scaled(b.d, a.value);
    merge(out.d, divide ? negated({Sign::None, second}).d : second);
    if (divide && b.value == Sign::None)
        out.value = Sign::Unknown;
    return out;
}

// a^b: with a >= 0, the base's effect takes the exponent's sign; an exponent that depends on a
// name has an effect whose sign depends on whether a exceeds 1.
Term power(const Term& a, const Term& b)
{
    Term out{a.value == Sign::Positive || a.value == Sign::None ? Sign::Positive : Sign::Unknown, {}};
    const Sign baseEffect = a.value == Sign::Positive ? b.value : Sign::Unknown;
    out.d = scaled(a.d, baseEffect);
    merge(out.d, unknownIn({&b}));
    return out;
}

// A result that is one of the branches: a sign when every branch agrees, and none for a name
// the condition depends on (it switches between branches).
Term branchesOf(const Term& condition, const std::vector<Term>& options)
{
    Term out = options.front();
    for (std::size_t i = 1; i < options.size(); ++i)
        out = sum(std::move(out), options[i]);
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

// Built-in functions whose effect has a sign; any other function makes its inputs Unknown.
Term builtin(const std::string& name, const std::vector<Term>& args)
{
    const std::size_t n = args.size();
    if (n == 1 && isOneOf(name, {"exp", "sqrt"}))
        return {Sign::Positive, args[0].d};
    if (n == 1 && isOneOf(name, {"ln", "log10"}))
        return {Sign::Unknown, args[0].d};
    if (n == 1 && name == "abs")
        return {Sign::Positive, scaled(args[0].d, args[0].value)};
    if (n >= 1 && isOneOf(name, {"min", "max"})) { // non-decreasing in every argument
        Term out = args[0];
        for (std::size_t i = 1; i < n; ++i)
            out = sum(std::move(out), args[i]);
        return out;
    }
    if (n == 3 && isOneOf(name, {"if_then_else"}))
        return branchesOf(args[0], {args[1], args[2]});
    if (n == 2 && name == "zidz") // a / b, or 0 when b is 0
        return product(args[0], args[1], true);
    // Smooths and delays follow their input; a changed delay time or initial value has an
    // effect whose sign depends on the run.
    if (n >= 2
        && isOneOf(name, {"smth1", "smth3", "smthn", "delay", "delay1", "delay3", "delayn", "smooth",
                          "smoothi", "smooth3", "smooth3i", "smooth_n", "delay1i", "delay3i", "delay_n",
                          "delay_fixed"})) {
        Term out = args[0];
        for (std::size_t i = 1; i < n; ++i)
            merge(out.d, unknownIn({&args[i]}));
        return out;
    }
    Term out{Sign::Unknown, {}};
    for (const Term& arg : args)
        merge(out.d, unknownIn({&arg}));
    return out;
}

class Parser {
public:
    Parser(std::string_view text, const Context& context) : m_lex(text, context.dialect), m_context(context) {}

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
            t = {Sign::Positive, unknownIn({&t, &rhs})};
        }
        return t;
    }

    Term conjunction()
    {
        Term t = negation();
        while (acceptWord("and") || m_lex.accept(TokenKind::Logical, "and")) {
            const Term rhs = negation();
            t = {Sign::Positive, unknownIn({&t, &rhs})};
        }
        return t;
    }

    Term negation()
    {
        Depth depth(m_depth);
        if (acceptWord("not") || m_lex.accept(TokenKind::Logical, "not")) {
            const Term t = negation();
            return {Sign::Positive, unknownIn({&t})};
        }
        Term t = additive();
        if (m_lex.accept(TokenKind::Compare)) {
            const Term rhs = additive();
            t = {Sign::Positive, unknownIn({&t, &rhs})};
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
            return {Sign::Positive, {{token.text, Sign::Positive}}};
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
    Term lookupCall(Sign direction, const Term& input);

    Lexer m_lex;
    const Context& m_context;
    int m_depth = 0;
};

Term Parser::lookupCall(Sign direction, const Term& input)
{
    return {Sign::Unknown, scaled(input.d, direction)};
}

Term Parser::call(const std::string& name)
{
    if (name == "with_lookup" && m_context.dialect == Dialect::Vensim) {
        const Term input = expression();
        expect(TokenKind::Comma);
        const auto points = vensimLookupPoints(m_lex.rawUntilClose());
        return lookupCall(points ? lookupSign(*points) : Sign::Unknown, input);
    }
    if (name == "lookup" && m_context.dialect == Dialect::Xmile) {
        const Token table = m_lex.next();
        expect(TokenKind::Comma);
        const Term input = expression();
        expect(TokenKind::Close);
        const auto direction = m_context.lookup && table.kind == TokenKind::Name ? m_context.lookup(table.text)
                                                                                 : std::nullopt;
        Term out = lookupCall(direction.value_or(Sign::Unknown), input);
        if (table.kind == TokenKind::Name)
            out.d[table.text] = Sign::Unknown;
        return out;
    }
    const std::vector<Term> args = arguments();
    if (m_context.lookup)
        if (const auto direction = m_context.lookup(name)) {
            if (args.size() != 1)
                throw ParseError();
            Term out = lookupCall(*direction, args.front());
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
