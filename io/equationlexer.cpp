// Tokens of XMILE and Vensim equations, for io/equationsign.cpp.
#include "io/equationlexer.h"

#include "io/importutil.h"

#include <cctype>
#include <cstdlib>

namespace causeway::equations {

namespace {

bool isXmileNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$'
        || static_cast<unsigned char>(c) >= 0x80;
}

// Vensim names run to the next operator or bracket and may hold spaces.
bool isVensimDelimiter(char c)
{
    return std::string_view("()+-*/^,<>=[]:!;{}&|~\"\n\r\t").find(c) != std::string_view::npos;
}

} // namespace

const Token& Lexer::peek()
{
    if (!m_peeked)
        m_peeked = read();
    return *m_peeked;
}

Token Lexer::next()
{
    peek();
    Token t = std::move(*m_peeked);
    m_peeked.reset();
    return t;
}

bool Lexer::accept(TokenKind kind, std::string_view text)
{
    const Token& t = peek();
    if (t.kind != kind || (!text.empty() && t.text != text))
        return false;
    m_peeked.reset();
    return true;
}

std::string_view Lexer::rawUntilClose()
{
    if (m_peeked)
        throw ParseError(); // only called right after a comma, before peeking further
    int depth = 0;
    for (std::size_t i = m_pos; i < m_text.size(); ++i) {
        if (m_text[i] == '(') {
            ++depth;
        } else if (m_text[i] == ')' && depth-- == 0) {
            const std::string_view raw = m_text.substr(m_pos, i - m_pos);
            m_pos = i + 1;
            return raw;
        }
    }
    throw ParseError();
}

Token Lexer::read()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++m_pos;
        } else if (c == '{') { // XMILE comment
            const std::size_t end = m_text.find('}', m_pos);
            m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
        } else {
            break;
        }
    }
    if (m_pos >= m_text.size())
        return {};
    const char c = m_text[m_pos];
    const char after = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && std::isdigit(static_cast<unsigned char>(after)))) {
        const std::string digits(m_text.substr(m_pos, 64));
        char* end = nullptr;
        Token t{TokenKind::Number, {}, std::strtod(digits.c_str(), &end)};
        m_pos += static_cast<std::size_t>(end - digits.c_str());
        return t;
    }
    if (c == '"') {
        const std::size_t end = m_text.find('"', m_pos + 1);
        if (end == std::string_view::npos)
            throw ParseError();
        Token t{TokenKind::Name, importutil::normaliseModelName(m_text.substr(m_pos + 1, end - m_pos - 1))};
        t.quoted = true;
        m_pos = end + 1;
        return t;
    }
    ++m_pos;
    switch (c) {
    case '(': return {TokenKind::Open, "("};
    case ')': return {TokenKind::Close, ")"};
    case ',': return {TokenKind::Comma, ","};
    case '+': case '-': case '*': case '/': case '^':
        return {TokenKind::Operator, std::string(1, c)};
    case '<': case '>': case '=': case '!':
        if (after == '=' || (c == '<' && after == '>'))
            ++m_pos;
        else if (c == '!')
            throw ParseError();
        return {TokenKind::Compare, "cmp"};
    case ':': {
        const std::size_t end = m_text.find(':', m_pos);
        if (m_dialect != Dialect::Vensim || end == std::string_view::npos)
            throw ParseError();
        const std::string word = importutil::lower(m_text.substr(m_pos, end - m_pos));
        m_pos = end + 1;
        if (word != "and" && word != "or" && word != "not")
            throw ParseError();
        return {TokenKind::Logical, word};
    }
    default:
        --m_pos;
        return name();
    }
}

Token Lexer::name()
{
    const std::size_t start = m_pos;
    if (m_dialect == Dialect::Xmile)
        while (m_pos < m_text.size() && isXmileNameChar(m_text[m_pos]))
            ++m_pos;
    else
        while (m_pos < m_text.size() && !isVensimDelimiter(m_text[m_pos]))
            ++m_pos;
    const std::string text = importutil::normaliseModelName(m_text.substr(start, m_pos - start));
    if (text.empty())
        throw ParseError(); // a character no equation has here ('[', ';', ...)
    return {TokenKind::Name, text};
}

} // namespace causeway::equations
